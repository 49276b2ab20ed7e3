import EncoursStore

/// One client's batch waiting for the writer: all or nothing, acknowledged once durable.
struct AppendRequest: Sendable {
    var submissions: [LedgerDatabase.Submission]
    var actor: String
    /// An export's batch: a payment differing from the recorded one only in its lettering
    /// is the recorded payment (``LedgerDatabase/keepingRecordedLettering(_:)``).
    var keepsRecordedLettering = false
    var reply: CheckedContinuation<LedgerDatabase.AppendReport, any Error>
}
