import EncoursCore
import EncoursStore
import Logging
import ServiceLifecycle

/// The ledger's part in the daemon's lifecycle: it runs until a graceful shutdown, then
/// lets the writer finish the batches already accepted, writes a snapshot, and closes the
/// log. Listed first in the service group, so the server has stopped taking requests by
/// the time it stops.
struct LedgerService: Service {
    let database: LedgerDatabase
    let writer: LedgerWriter
    let history: EventHistory
    let snapshots: SnapshotKeeper
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        writer.stop()
        snapshots.writeFinal(database: database)
        history.close()
        do {
            try database.log.close()
            logger.notice("log closed cleanly at seq \(database.ledger.lastSequence)")
        } catch {
            logger.error("closing the log failed: \(error)")
        }
    }
}
