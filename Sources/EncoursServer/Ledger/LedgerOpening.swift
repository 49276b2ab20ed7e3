import EncoursStore
import Logging

/// Opens the ledger for the daemon: the latest snapshot when it is sound, then the log
/// rows that follow it; a snapshot that cannot be used is set aside with a warning and the
/// whole log is replayed, which gives the same state.
struct LedgerOpening {
    var database: LedgerDatabase
    /// For the log: how the ledger was built.
    var howStarted: String
    /// The snapshot restored, if one was.
    var snapshotSequence: Int64?

    static func open(configuration: DaemonConfiguration, logger: Logger) throws -> LedgerOpening {
        let database = try LedgerDatabase(path: configuration.databasePath, snapshotPath: configuration.snapshotPath)
        let startup = database.startup
        var sequence: Int64?
        switch startup.snapshot {
        case .restored(let restored):
            sequence = restored
        case .ignored(let reason):
            logger.warning(
                "snapshot ignored, the whole log was replayed instead (same figures, slower start): \(reason)",
                metadata: ["snapshot": "\(configuration.snapshotPath)"]
            )
        case .missing, .notRequested:
            break
        }
        return LedgerOpening(database: database, howStarted: startup.description, snapshotSequence: sequence)
    }
}
