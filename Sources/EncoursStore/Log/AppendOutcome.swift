/// What happened to one event of an appended batch, in batch order.
///
/// A duplicate is not an error (DESIGN §3: sending the same event again is a no-op), so the
/// caller learns per event whether it is new, and under which sequence number it lives.
public enum AppendOutcome: Sendable, Hashable {
    /// Stored under this new sequence number.
    case appended(seq: Int64)
    /// The same event (same key, identical record bytes) was already in the log or earlier
    /// in the batch, under this sequence number; nothing was stored for it.
    case duplicate(seq: Int64)

    /// The sequence number the event lives under, new or not.
    public var seq: Int64 {
        switch self {
        case .appended(let seq), .duplicate(let seq): seq
        }
    }
}
