/// Appends the primitive values of a ledger image to a byte array: LEB128 varints, zig-zag
/// signed numbers, length-prefixed UTF-8, days as four little-endian bytes.
///
/// The same primitives as the log's record format, kept apart because Core cannot see the
/// store's; an image is private to one binary, so only speed and safety matter here.
struct ImageWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) {
        varint(UInt64(value))
    }

    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func money(_ amount: Money) {
        signed(amount.minorUnits)
    }

    mutating func day(_ day: Day) {
        withUnsafeBytes(of: day.daysSinceEpoch.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func optionalDay(_ day: Day?) {
        flag(day != nil)
        if let day { self.day(day) }
    }

    mutating func optionalString(_ text: String?) {
        flag(text != nil)
        if let text { string(text) }
    }

    mutating func optionalMoney(_ amount: Money?) {
        flag(amount != nil)
        if let amount { money(amount) }
    }
}
