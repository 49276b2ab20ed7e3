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
            /// As sent: handing a chunk over copies no submission.
            var chunks: [[Submission]] = []
            var count = 0
            var end: End?
        }

        private let state = Mutex(State())
        private let arrived = DispatchSemaphore(value: 0)
        /// About how many submissions will come, when the sender can tell (from the size of
        /// the files it reads): the ledger sizes its arrays for them at once. `0`: unknown.
        public let expectedCount: Int

        public init(expectedCount: Int = 0) {
            self.expectedCount = expectedCount
        }

        /// A feed already complete.
        convenience init(_ submissions: [Submission]) {
            self.init()
            send(submissions)
            finish()
        }

        /// The next submissions of the batch, in order.
        public func send(_ submissions: [Submission]) {
            guard !submissions.isEmpty else { return }
            state.withLock { state in
                state.chunks.append(submissions)
                state.count += submissions.count
            }
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

        /// Blocks until `ready` holds for the state (or the batch ended), then gives what
        /// `take` takes from it. One thread at a time may wait.
        private func waitUntil<Taken>(
            _ ready: (State) -> Bool,
            take: (State) -> Taken
        ) -> (taken: Taken, end: End?) {
            while true {
                let taken = state.withLock { state -> (Taken, End?)? in
                    guard ready(state) || state.end != nil else { return nil }
                    return (take(state), state.end)
                }
                if let taken { return taken }
                arrived.wait()
            }
        }

        /// The chunks sent after the first `index` ones, once there is one (or the batch ended).
        func chunks(after index: Int) -> (chunks: ArraySlice<[Submission]>, end: End?) {
            let (chunks, end) = waitUntil({ $0.chunks.count > index }, take: { $0.chunks[index...] })
            return (chunks, end)
        }

        /// Once at least `minimum` submissions were sent (or the batch ended): how many there
        /// are, and the first `prefix` of them.
        func opening(atLeast minimum: Int, prefix: Int) -> (count: Int, first: [Submission], end: End?) {
            let ((count, first), end) = waitUntil({ $0.count >= minimum }) { state in
                var first: [Submission] = []
                for chunk in state.chunks where first.count < prefix {
                    first.append(contentsOf: chunk.prefix(prefix - first.count))
                }
                return (state.count, first)
            }
            return (count, first, end)
        }

        /// The whole batch, waiting for its end; `nil` if the reading failed.
        public func wholeBatch() -> [Submission]? {
            let (chunks, end) = waitUntil({ _ in false }, take: { $0.chunks })
            return end == .finished ? Array(chunks.joined()) : nil
        }
    }
}
