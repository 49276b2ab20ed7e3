import EncoursCore

/// Turns submissions into log rows (record bytes, idempotency key).
///
/// Measured: spreading this over both cores made it slower on the project's VM (it is
/// bound by allocating the rows, not by computing them), so it runs on one.
enum RowEncoding {
    /// One row per submission, in order. The stream is a placeholder (the named customer)
    /// that the ledger check settles.
    static func rows(for submissions: [LedgerDatabase.Submission], actor: String) -> [NewEvent] {
        submissions.map { submission in
            NewEvent(
                event: submission.event,
                stream: submission.event.namedCustomer ?? "",
                payload: submission.payload,
                actor: actor
            )
        }
    }
}
