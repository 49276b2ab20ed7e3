/// Why the event log refused or failed an operation: the one error shape of EncoursStore.
///
/// Each case has a stable ``code`` that scripts and the API can match on, a ``message``
/// for people, and the underlying ``cause`` when SQLite reported one. Refusals a caller
/// can act on (a key conflict, a schema from a newer binary) are cases of their own
/// rather than SQLite codes to interpret.
public enum EventLogError: Error, Sendable, CustomStringConvertible {
    /// The event at `index` of the batch reuses the key of a different event (DESIGN §3
    /// "conflict"). Nothing of the batch was appended.
    case conflict(index: Int, key: String, existing: KeyHolder)
    /// The database was migrated by a newer binary; this one would misread it.
    case schemaTooNew(databaseVersion: Int, newestKnownVersion: Int)
    /// The migrations recorded in the database are not this binary's (an edited or
    /// skipped migration).
    case schemaMismatch(version: Int, reason: String)
    /// A migration's SQL failed; it was rolled back and the database keeps its previous
    /// schema.
    case migrationFailed(version: Int, name: String, cause: SQLiteError)
    /// The file is damaged, is not an SQLite database, or holds values the log never
    /// writes (a hash that is not 32 bytes).
    case corrupt(reason: String, cause: SQLiteError?)
    /// A value handed to the log cannot be stored as given.
    case invalidArgument(String)
    /// The log was used in a way it does not support (appending from inside a scan).
    case misuse(String)
    /// The caller's last check before the commit refused the batch; it was rolled back.
    case vetoed(String)
    /// Any other SQLite failure (I/O error, disk full, lock timeout, ...).
    case sqlite(SQLiteError)

    /// Which event already holds a key that a batch's event clashes with.
    public enum KeyHolder: Sendable, Hashable {
        /// A row already in the log.
        case logged(seq: Int64)
        /// An earlier event of the same (rolled back) batch.
        case batch(index: Int)
    }

    /// Classifies an SQLite failure: corruption is a finding, the rest is an I/O failure.
    public init(_ error: SQLiteError) {
        self = error.isCorruption ? .corrupt(reason: error.message, cause: error) : .sqlite(error)
    }

    /// A stable, machine-readable name for the case.
    public var code: String {
        switch self {
        case .conflict: "conflict"
        case .schemaTooNew: "schema_too_new"
        case .schemaMismatch: "schema_mismatch"
        case .migrationFailed: "migration_failed"
        case .corrupt: "corrupt"
        case .invalidArgument: "invalid_argument"
        case .misuse: "misuse"
        case .vetoed: "vetoed"
        case .sqlite: "sqlite"
        }
    }

    public var message: String {
        switch self {
        case .conflict(let index, let key, .logged(let seq)):
            "event \(index) of the batch has key \(key), already used by a different event (seq \(seq)); "
                + "nothing of the batch was appended"
        case .conflict(let index, let key, .batch(let earlier)):
            "event \(index) of the batch has key \(key), already used by a different event "
                + "(event \(earlier) of the same batch); nothing of the batch was appended"
        case .schemaTooNew(let databaseVersion, let newestKnownVersion):
            "the database has schema version \(databaseVersion), newer than this binary knows "
                + "(\(newestKnownVersion)); use a newer encours"
        case .schemaMismatch(let version, let reason):
            "schema version \(version) does not match this binary: \(reason)"
        case .migrationFailed(let version, let name, let cause):
            "migration \(name) (version \(version)) failed and was rolled back: \(cause.message)"
        case .corrupt(let reason, _):
            "the database file is damaged or not an event log: \(reason)"
        case .invalidArgument(let reason), .misuse(let reason), .vetoed(let reason):
            reason
        case .sqlite(let cause):
            cause.description
        }
    }

    /// The SQLite failure underneath, when there is one.
    public var cause: SQLiteError? {
        switch self {
        case .migrationFailed(_, _, let cause), .sqlite(let cause): cause
        case .corrupt(_, let cause): cause
        default: nil
        }
    }

    public var description: String { "\(code): \(message)" }
}

/// Runs SQLite calls inside an operation that speaks ``EventLogError``.
@inline(__always)
func mapSQLiteError<Result>(_ body: () throws(SQLiteError) -> Result) throws(EventLogError) -> Result {
    do {
        return try body()
    } catch {
        throw EventLogError(error)
    }
}
