import EncoursCore

/// Writes events as canonical JSON: one object per line, the inverse of
/// ``CanonicalEventReader``.
///
/// Canonical means one spelling per event: keys in a fixed order starting with `"type"`,
/// amounts as strings with exactly two decimals, days as `YYYY-MM-DD`, absent and empty
/// fields left out, no whitespace. Equal events therefore give equal bytes, which is what
/// content-derived idempotency keys (DESIGN §3) and reproducible demo files rely on.
public struct CanonicalEventWriter: Sendable {
    public init() {}

    /// Appends the event's JSON object, without a line feed.
    public func append(_ event: Event, to output: inout [UInt8]) {
        output.append(.openBrace)
        output.append(contentsOf: #""type":"#.utf8)
        output.appendStaticString(event.type.wireName)
        appendMembers(of: event, to: &output)
        output.append(.closeBrace)
    }

    /// Appends the event's JSON object and a line feed: one line of an NDJSON file.
    public func appendLine(_ event: Event, to output: inout [UInt8]) {
        append(event, to: &output)
        output.append(.lineFeed)
    }

    /// The event's JSON object as a string.
    public func json(_ event: Event) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(192)
        append(event, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// A whole NDJSON file: each event on its own line.
    public func ndjson(_ events: some Sequence<Event>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(events.underestimatedCount * 128)
        for event in events { appendLine(event, to: &output) }
        return output
    }
}
