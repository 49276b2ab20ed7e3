import EncoursCore

/// Appends the primitive values of the record format (see ``EventRecordCodec``) to a byte
/// array. Each value has exactly one encoding, which makes equal events equal bytes.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer and keeps its memory, to encode the next value into it.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends bytes as they are (no length prefix).
    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zig-zag then varint, so small negative numbers stay short.
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

    /// Four bytes, little-endian.
    mutating func day(_ day: Day) {
        withUnsafeBytes(of: day.daysSinceEpoch.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func count(_ count: Int) {
        varint(UInt64(count))
    }

    /// The presence flag: 0 absent, 1 present (then the value follows).
    mutating func present(_ isPresent: Bool) {
        bytes.append(isPresent ? 1 : 0)
    }

    mutating func optionalString(_ text: String?) {
        present(text != nil)
        if let text { string(text) }
    }

    mutating func optionalMoney(_ amount: Money?) {
        present(amount != nil)
        if let amount { money(amount) }
    }

    mutating func optionalDay(_ value: Day?) {
        present(value != nil)
        if let value { day(value) }
    }

    mutating func optionalSigned(_ value: Int?) {
        present(value != nil)
        if let value { signed(Int64(value)) }
    }

    mutating func optionalID<Kind>(_ id: Identifier<Kind>?) {
        optionalString(id?.rawValue)
    }

    mutating func ids<Kind>(_ ids: [Identifier<Kind>]) {
        count(ids.count)
        for id in ids { string(id.rawValue) }
    }
}
