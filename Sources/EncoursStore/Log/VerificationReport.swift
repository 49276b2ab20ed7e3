/// The result of ``EventLog/verify(decodePayload:decodeRecord:)``: how far the log checked
/// out, and the first row that did not.
///
/// Verification stops at the first broken row: after a broken hash every later hash is
/// computed from a value that cannot be trusted, so the first break is the finding.
public struct VerificationReport: Sendable, Hashable {
    /// Rows that passed every check, from seq 1 on.
    public var rowsChecked: Int64
    /// The seq of the last row that passed (0 when none did).
    public var lastGoodSequence: Int64
    /// The chain hash of that row (``EventHashChain/genesis`` when none): compare it with a
    /// copy kept elsewhere to detect rows removed from the end.
    public var lastGoodHash: [UInt8]
    /// The first problem found; `nil` when the log is sound.
    public var failure: VerificationFailure?

    public init(rowsChecked: Int64, lastGoodSequence: Int64, lastGoodHash: [UInt8], failure: VerificationFailure?) {
        self.rowsChecked = rowsChecked
        self.lastGoodSequence = lastGoodSequence
        self.lastGoodHash = lastGoodHash
        self.failure = failure
    }

    public var isValid: Bool { failure == nil }
}

/// The first row of the log that failed a check, and which check.
public struct VerificationFailure: Sendable, Hashable, CustomStringConvertible {
    /// The checks, by stable name, in the order they are applied to each row.
    public enum Check: String, Sendable, Hashable {
        /// The row's seq is not the previous one plus 1 (a row was removed or inserted).
        case sequenceGap = "sequence_gap"
        /// The stored hash differs from the one recomputed over the row and its
        /// predecessor: the row (or an earlier one) was altered.
        case hashMismatch = "hash_mismatch"
        case payloadUndecodable = "payload_undecodable"
        case recordUndecodable = "record_undecodable"
        /// The log ends before the last row this process appended: rows were removed
        /// from the end.
        case truncated
    }

    public var seq: Int64
    public var check: Check
    public var message: String

    public init(seq: Int64, check: Check, message: String) {
        self.seq = seq
        self.check = check
        self.message = message
    }

    public var description: String { "seq \(seq): \(check.rawValue): \(message)" }
}
