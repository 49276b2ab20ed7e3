import Dispatch
import Synchronization

/// A batch handed to ``LedgerDatabase/append(feed:actor:recordedAt:keepingRecordedLettering:)``
/// while it is still being read, so SQLite inserts the first rows while the rest of the
/// file is parsed.
///
/// One thread sends the events in batch order and then says whether the reading succeeded;
/// the ledger appends nothing unless it did. The feed keeps every submission: a batch that
/// turns out to need the ordinary path (keys already recorded) is taken whole from it, and
/// so is the batch an error report has to name places in.
///
/// ```swift
/// let feed = LedgerDatabase.SubmissionFeed()
/// DispatchQueue.global().async {
///     for chunk in chunks { feed.send(chunk) }
///     errors.isEmpty ? feed.finish() : feed.abandon()
/// }
/// let report = try database.append(feed: feed, actor: "import", recordedAt: RecordedAt.now)
/// ```
extension LedgerDatabase {
    public final class SubmissionFeed: Sendable {
        enum End: Sendable {
            /// Every submission was sent.
            case finished
            /// The reading failed: nothing may be appended.
            case abandoned
        }

        private struct State {
            var submissions: [Submission] = []
            var end: End?
        }

        private let state = Mutex(State())
        private let arrived = DispatchSemaphore(value: 0)

        public init() {}

        /// A feed already complete.
        convenience init(_ submissions: [Submission]) {
            self.init()
            send(submissions)
            finish()
        }

        /// The next submissions of the batch, in order.
        public func send(_ submissions: [Submission]) {
            guard !submissions.isEmpty else { return }
            state.withLock { $0.submissions.append(contentsOf: submissions) }
            arrived.signal()
        }

        /// Says that every submission was sent.
        public func finish() { end(.finished) }

        /// Says that the reading failed: the ledger rolls back whatever it inserted.
        public func abandon() { end(.abandoned) }

        private func end(_ end: End) {
            state.withLock { if $0.end == nil { $0.end = end } }
            arrived.signal()
        }

        /// The submissions from `index` on once there are at least `minimum` of them (or the
        /// batch ended): blocks until then. One thread at a time may wait.
        func submissions(from index: Int, atLeast minimum: Int = 1) -> (submissions: [Submission], end: End?) {
            while true {
                let taken = state.withLock { state -> ([Submission], End?)? in
                    let available = state.submissions.count - index
                    guard available >= minimum || state.end != nil else { return nil }
                    return (Array(state.submissions[index...]), state.end)
                }
                if let taken { return taken }
                arrived.wait()
            }
        }

        /// The whole batch, waiting for its end; `nil` if the reading failed.
        public func wholeBatch() -> [Submission]? {
            let (submissions, end) = submissions(from: 0, atLeast: Int.max)
            return end == .finished ? submissions : nil
        }
    }
}
