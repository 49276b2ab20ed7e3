/// An event at its place in the log: the unit the ledger orders and replays.
///
/// Events take effect by business date (`on`), then by log order (`sequence`) within a day,
/// whatever order they arrived in. `(on, sequence)` is therefore the order of a timeline.
public struct LedgerEntry: Sendable, Hashable {
    /// The log's sequence number (`seq`); provisional while a batch is being checked.
    public var sequence: Int64
    /// The event's business date, stored apart because ordering reads it far more often
    /// than anything else.
    public let on: Day
    public let event: Event

    public init(sequence: Int64, event: Event) {
        self.sequence = sequence
        self.on = event.on
        self.event = event
    }
}
