/// One event whose words match a search: where it is in the log, whose file it is on, and
/// the matching words in context.
public struct SearchHit: Sendable, Hashable {
    public var sequence: Int64
    public var customer: String
    /// The event's type (`note.logged`, `dispute.opened`…).
    public var type: String
    /// The event's business date, `YYYY-MM-DD`.
    public var on: String
    /// A few words around the matches, each match between `[` and `]`.
    public var snippet: String

    public init(sequence: Int64, customer: String, type: String, on: String, snippet: String) {
        self.sequence = sequence
        self.customer = customer
        self.type = type
        self.on = on
        self.snippet = snippet
    }
}
