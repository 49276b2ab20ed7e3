import EncoursCore

/// An event on its way into the log: the columns of one `events` row before it gets its
/// sequence number, time of recording and hash.
///
/// The log stores what it is given and does not interpret it; ``init(event:stream:payload:actor:)``
/// fills the columns from a decoded ``Event`` the way the importer and the server do.
public struct NewEvent: Sendable, Hashable {
    /// The wire name of the type (`invoice.issued`).
    public var type: String
    /// The customer id whose account the event belongs to.
    public var stream: String
    /// The business date (`occurred_on`).
    public var occurredOn: Day
    /// The Unix user who appended it.
    public var actor: String
    /// The idempotency key (DESIGN §3), unique in the log.
    public var key: String
    /// The event's JSON object as the sender wrote it, unknown fields included.
    public var payload: String
    /// ``EventRecordCodec`` bytes of the decoded event: what replay reads, and what tells a
    /// duplicate (same bytes) from a conflict (different bytes) under the same key.
    public var record: [UInt8]
    /// The words the search index gets for it (``Event/searchableText``); `nil`: none.
    public var searchText: String?

    public init(
        type: String,
        stream: String,
        occurredOn: Day,
        actor: String,
        key: String,
        payload: String,
        record: [UInt8],
        searchText: String? = nil
    ) {
        self.type = type
        self.stream = stream
        self.occurredOn = occurredOn
        self.actor = actor
        self.key = key
        self.payload = payload
        self.record = record
        self.searchText = searchText
    }

    /// The row for `event`: its type, business date, record bytes and idempotency key
    /// (``EventRecordCodec/contentKey(for:record:)``). `stream` is given because
    /// `order.cancelled` and `dispute.*` may not name their customer.
    public init(event: borrowing Event, stream: CustomerID, payload: String, actor: String) {
        let record = EventRecordCodec.encode(event)
        self.init(
            type: event.type.rawValue,
            stream: stream.rawValue,
            occurredOn: event.on,
            actor: actor,
            key: EventRecordCodec.contentKey(for: event, record: record),
            payload: payload,
            record: record,
            searchText: event.searchableText
        )
    }
}
