import Dispatch
import EncoursCore
import EncoursStore
import Logging
import Synchronization

/// Writes snapshots of the projections: every `snapshots.every_events` events appended,
/// in the background, and once more at shutdown, so that a restart restores the latest
/// one and replays only what follows.
///
/// A periodic snapshot works on a copy of the ledger taken on the writer's thread, so
/// neither appends nor queries wait for it; at most one is written at a time.
final class SnapshotKeeper: Sendable {
    private struct State {
        var appendedSinceSnapshot = 0
        var writing = false
    }

    let path: String
    private let settings: LiveSettings
    private let status: DaemonStatus
    private let clock: @Sendable () -> String
    private let logger: Logger
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "encours.snapshots", qos: .utility)

    init(
        path: String,
        settings: LiveSettings,
        status: DaemonStatus,
        clock: @escaping @Sendable () -> String,
        logger: Logger
    ) {
        self.path = path
        self.settings = settings
        self.status = status
        self.clock = clock
        self.logger = logger
    }

    /// Called on the writer's thread after each commit.
    func appended(_ count: Int, database: LedgerDatabase) {
        let every = settings.current.snapshotEveryEvents
        guard every > 0 else { return }
        let due = state.withLock { state in
            state.appendedSinceSnapshot += count
            guard state.appendedSinceSnapshot >= every, !state.writing else { return false }
            state.appendedSinceSnapshot = 0
            state.writing = true
            return true
        }
        guard due else { return }
        let contents: (ledger: Ledger, logHash: [UInt8])
        do {
            contents = try database.snapshotContents()
        } catch {
            logger.error("snapshot not written (the log is intact; the next start replays more): \(error)")
            state.withLock { $0.writing = false }
            return
        }
        queue.async { [self] in
            write(contents.ledger, logHash: contents.logHash)
            state.withLock { $0.writing = false }
        }
    }

    /// The snapshot at shutdown, once the writer has stopped: the next start replays nothing.
    func writeFinal(database: LedgerDatabase) {
        queue.sync {}
        if status.snapshotSequence == database.ledger.lastSequence { return }
        do {
            let contents = try database.snapshotContents()
            write(contents.ledger, logHash: contents.logHash)
        } catch {
            logger.error("snapshot not written (the log is intact; the next start replays it): \(error)")
        }
    }

    private func write(_ ledger: Ledger, logHash: [UInt8]) {
        let started = ContinuousClock.now
        do {
            try LedgerSnapshot.write(ledger, logHash: logHash, to: path)
            status.snapshotted(sequence: ledger.lastSequence, at: clock())
            logger.info(
                "snapshot written",
                metadata: [
                    "seq": "\(ledger.lastSequence)", "path": "\(path)", "duration": "\(ContinuousClock.now - started)",
                ]
            )
        } catch {
            logger.error("snapshot not written (the log is intact; the next start replays more): \(error)")
        }
    }
}
