import EncoursCore

/// One event read from an import, with where it came from and its exact text.
///
/// The log stores the sender's own text as the payload (unknown fields included, DESIGN §4),
/// and later errors about the event (a reference to an unknown invoice) must name its line.
public struct ParsedEvent: Sendable, Hashable {
    /// The 1-based line in an NDJSON file, or the 1-based position in a JSON array body.
    public var line: Int
    public var event: Event
    /// The object's source text exactly as sent, without surrounding whitespace.
    public var payload: String

    public init(line: Int, event: Event, payload: String) {
        self.line = line
        self.event = event
        self.payload = payload
    }
}
