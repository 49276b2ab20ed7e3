import EncoursStore
import Synchronization

/// A read connection to the log, for the rows the ledger does not keep in memory (payload,
/// actor, time of recording): a customer's history. WAL lets it read beside the writer.
public final class EventHistory: Sendable {
    private let log: Mutex<EventLog>

    public init(path: String) throws(EventLogError) {
        log = Mutex(try EventLog(path: path))
    }

    public func events(sequences: [Int64]) throws(EventLogError) -> [StoredEvent] {
        try log.withLock { log throws(EventLogError) in try log.storedEvents(sequences: sequences) }
    }

    public func close() {
        log.withLock { try? $0.close() }
    }
}
