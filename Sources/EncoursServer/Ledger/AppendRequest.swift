import EncoursStore

/// One client's batch waiting for the writer: all or nothing, acknowledged once durable.
struct AppendRequest: Sendable {
    var submissions: [LedgerDatabase.Submission]
    var actor: String
    var reply: CheckedContinuation<LedgerDatabase.AppendReport, any Error>
}
