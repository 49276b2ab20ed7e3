/// Why bytes are not a valid image of a ledger's state: what the image decoders throw
/// instead of crashing or guessing.
///
/// An image is only read back by the process that restores a snapshot; a failure means a
/// damaged file or a writer with other rules, and the caller falls back to replaying the
/// log. The offset locates the problem within the part being decoded.
public struct LedgerImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the part being decoded, or `nil` for an inconsistency found once
    /// the parts were put together.
    public var offset: Int?
    public var message: String

    public init(at offset: Int?, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset {
            "invalid ledger image at byte \(offset): \(message)"
        } else {
            "invalid ledger image: \(message)"
        }
    }
}
