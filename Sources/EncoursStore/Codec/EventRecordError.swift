/// Why bytes are not a valid event record: what `EventRecordCodec.decode` throws instead
/// of crashing or guessing.
///
/// Records are written only by ``EventRecordCodec/encode(_:)``, so a failure means damage
/// or a record from a newer format; the offset locates it. Same shape as the module's
/// other errors: a stable ``code`` and a ``message``.
public struct EventRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable names for the ways a record can be invalid.
    public enum Code: String, Sendable, Hashable {
        case truncated
        case trailingBytes = "trailing_bytes"
        case unsupportedVersion = "unsupported_version"
        case unknownType = "unknown_type"
        /// A presence flag that is neither 0 nor 1.
        case invalidFlag = "invalid_flag"
        case invalidEnumValue = "invalid_enum_value"
        /// A varint that is over-long (not the shortest form) or overflows 64 bits.
        case invalidVarint = "invalid_varint"
        case invalidUTF8 = "invalid_utf8"
    }

    public var code: Code
    /// The byte offset in the record where the problem was found.
    public var offset: Int
    public var message: String

    public init(_ code: Code, at offset: Int, _ message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid event record (\(code.rawValue) at byte \(offset)): \(message)" }
}
