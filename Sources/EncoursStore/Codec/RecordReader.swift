import EncoursCore

/// Reads the primitive values of the record format from raw bytes, checking each one.
///
/// Direct pointer reads with typed throws: decoding runs once per event on replay, millions
/// of times, so it avoids Foundation, closures per byte and existential errors. Every read
/// is bounds-checked and every value must be in its one canonical form, so that a record
/// that decodes re-encodes to the same bytes.
struct RecordReader {
    private let base: UnsafeRawPointer?
    private let end: Int
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress
        end = bytes.count
    }

    var remaining: Int { end - offset }

    mutating func byte() throws(EventRecordError) -> UInt8 {
        guard offset < end, let base else { throw truncated("a byte") }
        let value = base.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        return value
    }

    mutating func varint() throws(EventRecordError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            let bits = UInt64(byte & 0x7F)
            // The tenth byte may only carry the 64th bit.
            guard shift < 63 || byte <= 1 else {
                throw EventRecordError(.invalidVarint, at: start, "varint overflows 64 bits")
            }
            value |= bits << shift
            if byte & 0x80 == 0 {
                // A last byte of 0 after others is a longer spelling of a shorter number.
                guard byte != 0 || shift == 0 else {
                    throw EventRecordError(.invalidVarint, at: start, "varint is not in its shortest form")
                }
                return value
            }
            shift += 7
        }
    }

    mutating func signed() throws(EventRecordError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func string() throws(EventRecordError) -> String {
        let start = offset
        let length = try varint()
        guard length <= UInt64(remaining), let base else { throw truncated("a string of \(length) bytes", at: start) }
        let count = Int(length)
        let utf8 = UnsafeBufferPointer(
            start: (base + offset).assumingMemoryBound(to: UInt8.self),
            count: count
        )
        guard let text = Self.validUTF8(utf8) else {
            throw EventRecordError(.invalidUTF8, at: offset, "string is not valid UTF-8")
        }
        offset += count
        return text
    }

    mutating func money() throws(EventRecordError) -> Money {
        Money(minorUnits: try signed())
    }

    mutating func day() throws(EventRecordError) -> Day {
        guard remaining >= 4, let base else { throw truncated("a day (4 bytes)") }
        let raw = base.loadUnaligned(fromByteOffset: offset, as: Int32.self)
        offset += 4
        return Day(daysSinceEpoch: Int32(littleEndian: raw))
    }

    /// An element count, bounded by the bytes left (every element takes at least one), so
    /// a damaged count cannot make the decoder reserve gigabytes.
    mutating func count() throws(EventRecordError) -> Int {
        let start = offset
        let count = try varint()
        guard count <= UInt64(remaining) else { throw truncated("\(count) elements", at: start) }
        return Int(count)
    }

    mutating func isPresent() throws(EventRecordError) -> Bool {
        let flag = try byte()
        guard flag <= 1 else {
            throw EventRecordError(.invalidFlag, at: offset - 1, "presence flag is \(flag), not 0 or 1")
        }
        return flag == 1
    }

    mutating func optionalString() throws(EventRecordError) -> String? {
        try isPresent() ? try string() : nil
    }

    mutating func optionalMoney() throws(EventRecordError) -> Money? {
        try isPresent() ? try money() : nil
    }

    mutating func optionalDay() throws(EventRecordError) -> Day? {
        try isPresent() ? try day() : nil
    }

    mutating func optionalInt() throws(EventRecordError) -> Int? {
        try isPresent() ? Int(try signed()) : nil
    }

    mutating func id<Kind>() throws(EventRecordError) -> Identifier<Kind> {
        Identifier(try string())
    }

    mutating func optionalID<Kind>() throws(EventRecordError) -> Identifier<Kind>? {
        try isPresent() ? Identifier(try string()) : nil
    }

    mutating func ids<Kind>() throws(EventRecordError) -> [Identifier<Kind>] {
        let count = try count()
        var ids: [Identifier<Kind>] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append(Identifier(try string())) }
        return ids
    }

    mutating func strings() throws(EventRecordError) -> [String] {
        let count = try count()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try string()) }
        return strings
    }

    /// Moves past `count` bytes that the caller read in place.
    mutating func skip(_ count: Int) throws(EventRecordError) {
        guard count <= remaining else { throw truncated("\(count) bytes") }
        offset += count
    }

    /// Throws unless every byte was read.
    func finish() throws(EventRecordError) {
        guard offset == end else {
            throw EventRecordError(.trailingBytes, at: offset, "\(end - offset) bytes after the end of the event")
        }
    }

    private func truncated(_ what: String, at position: Int? = nil) -> EventRecordError {
        EventRecordError(.truncated, at: position ?? offset, "record ends before \(what)")
    }

    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Ids are nearly always ASCII, which is valid UTF-8 as it stands; the generic
        // validating initialiser below costs a metadata look-up per call on Linux.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if #available(macOS 15, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        // Before macOS 15: decode (which repairs) and keep the result only if nothing was
        // repaired.
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}
