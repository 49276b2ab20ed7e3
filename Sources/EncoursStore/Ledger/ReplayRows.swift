import EncoursCore

/// The rows of a replay scan as events: each record decoded, with the customer it is filed
/// under, and whatever stops the scan as a ``LedgerDatabaseError`` naming the row.
///
/// Shared by the cold replay's shares and the replay of the rows after a snapshot.
enum ReplayRows {
    /// Calls `body` with each row `scan` gives; returns what stopped it early.
    ///
    /// `scan` is a log's or a reader's `scanRecords` over the rows wanted.
    static func read(
        _ scan: ((EventRecordRowView) throws -> Void) throws -> Void,
        _ body: (_ seq: Int64, _ stream: CustomerID, _ event: consuming Event) -> Void
    ) -> LedgerDatabaseError? {
        var failure: LedgerDatabaseError?
        // Both closures run only during this call: neither escapes.
        return withoutActuallyEscaping(body) { body in
            do {
                try scan { row in
                    let event: Event
                    do {
                        event = try EventRecordCodec.decode(row.recordBytes)
                    } catch let error as EventRecordError {
                        failure = .undecodableRecord(seq: row.seq, error)
                        throw error
                    }
                    // Most events name their customer, which is their stream: no second string.
                    let stream = event.namedCustomer ?? CustomerID(String(decoding: row.streamBytes, as: UTF8.self))
                    body(row.seq, stream, event)
                }
            } catch let error as EventLogError {
                return .log(error)
            } catch {
                return failure ?? .log(.misuse("\(error)"))
            }
            return nil
        }
    }
}
