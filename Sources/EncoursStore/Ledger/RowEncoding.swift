import Dispatch
import EncoursCore

/// Turns submissions into log rows (record bytes, idempotency key), on every core for large
/// batches: each row depends on its own event only.
enum RowEncoding {
    /// Below this many events one core is faster than handing work out.
    static let parallelThreshold = 8192

    /// One row per submission, in order. The stream is a placeholder (the named customer)
    /// that the ledger check settles.
    static func rows(for submissions: [LedgerDatabase.Submission], actor: String) -> [NewEvent] {
        @Sendable func row(_ submission: LedgerDatabase.Submission) -> NewEvent {
            NewEvent(
                event: submission.event, stream: submission.event.namedCustomer ?? "", payload: submission.payload,
                actor: actor)
        }
        guard submissions.count >= parallelThreshold else { return submissions.map(row) }
        // Dispatch runs the parts on as many cores as there are; a few more parts than
        // cores keeps them all busy to the end.
        let parts = 8
        return [NewEvent](unsafeUninitializedCapacity: submissions.count) { buffer, initialized in
            let output = RowBuffer(buffer: buffer)
            let chunk = (submissions.count + parts - 1) / parts
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (part * chunk)..<min(submissions.count, (part + 1) * chunk)
                for index in range {
                    (output.buffer.baseAddress! + index).initialize(to: row(submissions[index]))
                }
            }
            initialized = submissions.count
        }
    }
}

/// The rows being written by the encoding threads, each to its own indices.
private struct RowBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<NewEvent>
}
