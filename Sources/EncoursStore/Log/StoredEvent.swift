import EncoursCore

/// One row of the log with every column as a Swift value: for tools, exports and tests,
/// where convenience matters more than the allocation per column that the replay scan
/// (``EventRowView``) avoids.
public struct StoredEvent: Sendable, Hashable {
    public var seq: Int64
    public var type: String
    public var stream: String
    /// The `occurred_on` text; see ``occurredOn``.
    public var occurredOnText: String
    public var recordedAt: String
    public var actor: String
    public var key: String
    public var payload: String
    public var record: [UInt8]
    /// The 32-byte chain hash (``EventHashChain``).
    public var hash: [UInt8]

    public init(
        seq: Int64,
        type: String,
        stream: String,
        occurredOnText: String,
        recordedAt: String,
        actor: String,
        key: String,
        payload: String,
        record: [UInt8],
        hash: [UInt8]
    ) {
        self.seq = seq
        self.type = type
        self.stream = stream
        self.occurredOnText = occurredOnText
        self.recordedAt = recordedAt
        self.actor = actor
        self.key = key
        self.payload = payload
        self.record = record
        self.hash = hash
    }

    /// The business date; `nil` only if the stored text is not `YYYY-MM-DD`.
    public var occurredOn: Day? { Day(iso: occurredOnText) }
}
