extension EventLog {
    /// The rows with these sequence numbers, in the order given, skipping any the log does
    /// not hold: a customer's history page, looked up by primary key rather than scanned.
    public func storedEvents(sequences: some Sequence<Int64>) throws(EventLogError) -> [StoredEvent] {
        var events: [StoredEvent] = []
        for seq in sequences {
            try scanRows(from: seq, through: seq) { row in
                events.append(row.storedEvent)
                return false
            }
        }
        return events
    }
}
