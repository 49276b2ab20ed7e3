import Synchronization

/// What `GET /v1/status` reports beyond the ledger itself: when the daemon started, when it
/// last appended, and its latest snapshot.
public final class DaemonStatus: Sendable {
    private struct State {
        var lastAppendAt: String?
        var snapshotSequence: Int64?
        var snapshotAt: String?
        var inbox = InboxCounts()
    }

    /// The files the inbox has moved since the daemon started.
    public struct InboxCounts: Sendable, Equatable {
        public var done = 0
        public var rejected = 0
        /// When the last one was moved.
        public var lastFileAt: String?
    }

    public let startedAt: String
    public let startedInstant = ContinuousClock.now
    public let version: String
    private let state = Mutex(State())

    public init(startedAt: String, version: String) {
        self.startedAt = startedAt
        self.version = version
    }

    public var lastAppendAt: String? { state.withLock { $0.lastAppendAt } }
    public var snapshotSequence: Int64? { state.withLock { $0.snapshotSequence } }
    public var snapshotAt: String? { state.withLock { $0.snapshotAt } }
    public var inbox: InboxCounts { state.withLock { $0.inbox } }

    public var uptimeSeconds: Int64 { (ContinuousClock.now - startedInstant).components.seconds }

    func appended(at time: String) {
        state.withLock { $0.lastAppendAt = time }
    }

    func inboxFinished(_ outcome: InboxFolder.Outcome, at time: String) {
        state.withLock {
            switch outcome {
            case .done: $0.inbox.done += 1
            case .rejected: $0.inbox.rejected += 1
            }
            $0.inbox.lastFileAt = time
        }
    }

    func snapshotted(sequence: Int64, at time: String) {
        state.withLock {
            $0.snapshotSequence = sequence
            $0.snapshotAt = time
        }
    }
}
