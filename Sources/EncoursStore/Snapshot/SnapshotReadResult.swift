import EncoursCore

/// What reading a snapshot gave: a ledger, nothing to read, or a file set aside and why.
///
/// A snapshot is a cache of what the log says, so a bad one is never an error: the caller
/// logs the reason as a warning and replays the log instead.
public enum SnapshotReadResult: Sendable {
    /// The ledger as it stood at `sequence`; `logHash` is the log's chain hash of that row,
    /// as the snapshot recorded it.
    case restored(Ledger, sequence: Int64, logHash: [UInt8])
    /// There is no file at the path.
    case missing
    /// The file is there but cannot be used: not a snapshot, an unknown version, damaged
    /// (checksum mismatch, truncated, undecodable), or written for another log.
    case ignored(reason: String)
}
