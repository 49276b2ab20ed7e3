import EncoursCore
import EncoursStore
import Foundation
import Synchronization

/// The one writer of the log: batches from concurrent clients are grouped into one
/// transaction (group commit), acknowledged only once durable, and applied in log order.
///
/// A durable commit costs an fsync (about 0.25 ms here); committing each client's batch on
/// its own would cap appends at a few thousand transactions a second. Instead the writer
/// takes every batch waiting, appends them as one, and answers each client with its own
/// events' results. Batches are checked as if appended one after the other, so grouping
/// changes nothing a client can see: when the group fails (one batch has an error), each
/// batch is appended on its own, and only the bad one is refused.
///
/// It runs on a thread of its own, because SQLite blocks: neither the event loops nor the
/// concurrency pool wait for the disk.
public final class LedgerWriter: Sendable {
    private struct Queue {
        var pending: [AppendRequest] = []
        var stopping = false
    }

    private let database: LedgerDatabase
    private let queue = Mutex(Queue())
    private let wakeup = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let clock: @Sendable () -> String
    private let screening: @Sendable () -> OrderScreening?
    private let afterCommit: @Sendable (_ appended: Int, _ lastSequence: Int64) -> Void

    /// `clock`: the `recorded_at` text of a commit. `screening`: how new orders are decided
    /// on their way in, read at each commit (today and the `[orders]` settings in force).
    /// `afterCommit`: called on the writer's thread after each durable commit, with how many
    /// events it added.
    public init(
        database: LedgerDatabase,
        clock: @escaping @Sendable () -> String,
        screening: @escaping @Sendable () -> OrderScreening? = { nil },
        afterCommit: @escaping @Sendable (_ appended: Int, _ lastSequence: Int64) -> Void
    ) {
        self.database = database
        self.clock = clock
        self.screening = screening
        self.afterCommit = afterCommit
        let thread = Thread { [self] in run() }
        thread.name = "encours-writer"
        thread.start()
    }

    /// Appends `submissions` as one all-or-nothing batch, returning once it is durable and
    /// applied. Throws ``LedgerDatabaseError`` (conflicts, rejections, refused orders) or
    /// ``WriterStoppedError``.
    ///
    /// `keepingRecordedLettering`: the batch comes from an export (the inbox), whose payments
    /// may come back lettered after they were recorded.
    public func append(
        _ submissions: [LedgerDatabase.Submission],
        actor: String,
        keepingRecordedLettering: Bool = false
    ) async throws -> LedgerDatabase.AppendReport {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = queue.withLock { queue in
                guard !queue.stopping else { return false }
                queue.pending.append(
                    AppendRequest(
                        submissions: submissions,
                        actor: actor,
                        keepsRecordedLettering: keepingRecordedLettering,
                        reply: continuation
                    )
                )
                return true
            }
            if accepted {
                wakeup.signal()
            } else {
                continuation.resume(throwing: WriterStoppedError())
            }
        }
    }

    /// Refuses new batches, finishes those already queued, and returns once the writer's
    /// thread is done with the log.
    public func stop() {
        queue.withLock { $0.stopping = true }
        wakeup.signal()
        stopped.wait()
        stopped.signal()
    }

    private func run() {
        while true {
            wakeup.wait()
            let (batches, stopping) = queue.withLock { queue in
                let taken = queue.pending
                queue.pending.removeAll()
                return (taken, queue.stopping)
            }
            var start = batches.startIndex
            while start < batches.endIndex {
                // One transaction per run of batches from the same client user: a row
                // records one actor, and a feeder's concurrent connections share theirs.
                var end = start + 1
                while end < batches.endIndex, batches[end].actor == batches[start].actor { end += 1 }
                commit(Array(batches[start..<end]))
                start = end
            }
            // A large batch is answered once durable and indexed for search just after. A
            // failure here leaves the rows to the next open of the log, which indexes them.
            try? database.log.indexPendingSearchText()
            if stopping, queue.withLock({ $0.pending.isEmpty }) {
                stopped.signal()
                return
            }
        }
    }

    private func commit(_ group: [AppendRequest]) {
        // An export's batch goes alone: what it reports of lettering is its own.
        guard group.count > 1, !group.contains(where: \.keepsRecordedLettering) else {
            if group.count > 1 {
                for request in group { commitAlone(request) }
                return
            }
            commitAlone(group[0])
            return
        }
        let submissions = group.flatMap(\.submissions)
        do {
            let report = try database.append(
                submissions,
                actor: group[0].actor,
                recordedAt: clock(),
                screening: screening()
            )
            afterCommit(report.appendedCount, database.ledger.lastSequence)
            var offset = 0
            for request in group {
                let range = offset..<offset + request.submissions.count
                let orders = report.screenedOrders.filter { range.contains($0.index) }.map {
                    var order = $0
                    order.index -= offset
                    return order
                }
                offset += request.submissions.count
                request.reply.resume(returning: .init(outcomes: Array(report.outcomes[range]), screenedOrders: orders))
            }
        } catch .conflicts, .rejected, .ordersRefused {
            // A batch of the group is at fault: give every batch its own verdict.
            for request in group { commitAlone(request) }
        } catch {
            for request in group { request.reply.resume(throwing: error) }
        }
    }

    private func commitAlone(_ request: AppendRequest) {
        do {
            let report = try database.append(
                request.submissions,
                actor: request.actor,
                recordedAt: clock(),
                screening: screening(),
                keepingRecordedLettering: request.keepsRecordedLettering
            )
            afterCommit(report.appendedCount, database.ledger.lastSequence)
            request.reply.resume(returning: report)
        } catch {
            request.reply.resume(throwing: error)
        }
    }
}
