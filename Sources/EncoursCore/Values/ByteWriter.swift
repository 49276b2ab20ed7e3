/// Appends the primitive values of Encours's binary formats to a byte array: LEB128
/// varints, zig-zag signed numbers, length-prefixed UTF-8, days as four little-endian
/// bytes, a presence byte before an optional value.
///
/// The log's event records (EncoursStore) and the ledger image of a snapshot share these
/// primitives, so they live here, once. Each value has exactly one encoding, which makes
/// equal events equal bytes. Inlinable: the import encodes a million records with it.
public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    @inlinable
    public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer and keeps its memory, to encode the next value into it.
    @inlinable
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends bytes as they are (no length prefix).
    @inlinable
    public mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    @inlinable
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte.
    @inlinable
    public mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zig-zag then varint, so small negative numbers stay short.
    @inlinable
    public mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    @inlinable
    public mutating func count(_ count: Int) {
        varint(UInt64(count))
    }

    @inlinable
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    @inlinable
    public mutating func money(_ amount: Money) {
        signed(amount.minorUnits)
    }

    /// Four bytes, little-endian.
    @inlinable
    public mutating func day(_ day: Day) {
        withUnsafeBytes(of: day.daysSinceEpoch.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The presence flag: 0 absent (or false), 1 present (or true).
    @inlinable
    public mutating func present(_ isPresent: Bool) {
        bytes.append(isPresent ? 1 : 0)
    }

    @inlinable
    public mutating func optionalString(_ text: String?) {
        present(text != nil)
        if let text { string(text) }
    }

    @inlinable
    public mutating func optionalMoney(_ amount: Money?) {
        present(amount != nil)
        if let amount { money(amount) }
    }

    @inlinable
    public mutating func optionalDay(_ value: Day?) {
        present(value != nil)
        if let value { day(value) }
    }

    @inlinable
    public mutating func optionalSigned(_ value: Int?) {
        present(value != nil)
        if let value { signed(Int64(value)) }
    }

    @inlinable
    public mutating func optionalID<Kind>(_ id: Identifier<Kind>?) {
        optionalString(id?.rawValue)
    }

    @inlinable
    public mutating func ids<Kind>(_ ids: [Identifier<Kind>]) {
        count(ids.count)
        for id in ids { string(id.rawValue) }
    }
}
