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

    /// The log's full-text index (migration 0002), read on the history connection.
    public func search(_ query: SearchQuery, customer: String?, limit: Int) throws(EventLogError) -> [SearchHit] {
        try log.withLock { log throws(EventLogError) in try log.search(query, customer: customer, limit: limit) }
    }

    public func close() {
        log.withLock { try? $0.close() }
    }
}
