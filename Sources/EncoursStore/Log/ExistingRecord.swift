/// A logged event's sequence number and record bytes, found by its idempotency key.
///
/// Enough to tell, before validating a batch against the ledger, which of its events are
/// duplicates (same bytes) and which are conflicts (different bytes).
public struct ExistingRecord: Sendable, Hashable {
    public var seq: Int64
    public var record: [UInt8]

    public init(seq: Int64, record: [UInt8]) {
        self.seq = seq
        self.record = record
    }
}
