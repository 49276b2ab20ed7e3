/// Reads the primitives ``ByteWriter`` writes, checking bounds and UTF-8 on every read, so
/// that damaged bytes give a ``LedgerImageError`` and never a crash or a bad index.
///
/// Direct pointer reads with typed throws: restoring a large ledger reads millions of values
/// and is the daemon's start-up time.
struct ImageReader {
    private let base: UnsafeRawPointer?
    private let end: Int
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress
        end = bytes.count
    }

    var isAtEnd: Bool { offset == end }

    mutating func byte() throws(LedgerImageError) -> UInt8 {
        guard offset < end, let base else { throw failure("ends before a byte") }
        let value = base.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        return value
    }

    mutating func flag() throws(LedgerImageError) -> Bool {
        let value = try byte()
        guard value <= 1 else { throw LedgerImageError(at: offset - 1, "flag \(value) is neither 0 nor 1") }
        return value == 1
    }

    mutating func varint() throws(LedgerImageError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 63 || byte <= 1 else { throw LedgerImageError(at: start, "varint overflows 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(LedgerImageError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A count of elements that each take at least one byte: bounded by the bytes left, so
    /// damaged bytes cannot make the decoder reserve gigabytes.
    mutating func count() throws(LedgerImageError) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(end - offset) else {
            throw LedgerImageError(at: start, "count \(value) exceeds the bytes left")
        }
        return Int(value)
    }

    /// An index into an array of `limit` elements.
    mutating func index(below limit: Int) throws(LedgerImageError) -> Int32 {
        let start = offset
        let value = try varint()
        guard value < UInt64(limit) else { throw LedgerImageError(at: start, "index \(value) is not below \(limit)") }
        return Int32(value)
    }

    mutating func int() throws(LedgerImageError) -> Int {
        Int(try signed())
    }

    mutating func string() throws(LedgerImageError) -> String {
        let start = offset
        let length = try varint()
        guard length <= UInt64(end - offset), let base else {
            throw LedgerImageError(at: start, "a string of \(length) bytes goes past the end")
        }
        let utf8 = UnsafeBufferPointer(
            start: (base + offset).assumingMemoryBound(to: UInt8.self),
            count: Int(length)
        )
        guard let text = Self.validUTF8(utf8) else { throw LedgerImageError(at: offset, "string is not valid UTF-8") }
        offset += Int(length)
        return text
    }

    mutating func money() throws(LedgerImageError) -> Money {
        Money(minorUnits: try signed())
    }

    mutating func day() throws(LedgerImageError) -> Day {
        guard end - offset >= 4, let base else { throw failure("ends before a day") }
        let raw = base.loadUnaligned(fromByteOffset: offset, as: Int32.self)
        offset += 4
        return Day(daysSinceEpoch: Int32(littleEndian: raw))
    }

    mutating func optionalDay() throws(LedgerImageError) -> Day? {
        try flag() ? try day() : nil
    }

    mutating func optionalString() throws(LedgerImageError) -> String? {
        try flag() ? try string() : nil
    }

    mutating func optionalMoney() throws(LedgerImageError) -> Money? {
        try flag() ? try money() : nil
    }

    /// Throws unless every byte was read: a part longer than its contents is damaged too.
    func finish() throws(LedgerImageError) {
        guard offset == end else { throw LedgerImageError(at: offset, "\(end - offset) bytes after the end") }
    }

    func failure(_ message: String) -> LedgerImageError {
        LedgerImageError(at: offset, message)
    }

    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Ids are nearly always ASCII, valid UTF-8 as it stands: skip the generic validation.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if #available(macOS 15, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}
