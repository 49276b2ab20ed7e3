import CSQLite

/// The `SQLITE_OPEN_*` flags of `sqlite3_open_v2`, so callers never pass raw integers.
public struct SQLiteOpenFlags: OptionSet, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let readOnly = SQLiteOpenFlags(rawValue: SQLITE_OPEN_READONLY)
    public static let readWrite = SQLiteOpenFlags(rawValue: SQLITE_OPEN_READWRITE)
    public static let create = SQLiteOpenFlags(rawValue: SQLITE_OPEN_CREATE)
    /// Treat the path as a `file:` URI.
    public static let uri = SQLiteOpenFlags(rawValue: SQLITE_OPEN_URI)
    /// No per-connection mutex: the connection is used by one thread at a time.
    public static let noMutex = SQLiteOpenFlags(rawValue: SQLITE_OPEN_NOMUTEX)
    /// Refuse a path whose last component is a symbolic link.
    public static let noFollow = SQLiteOpenFlags(rawValue: SQLITE_OPEN_NOFOLLOW)

    /// Read-write, created when missing, single-threaded use: what the event log opens with.
    public static let readWriteCreate: SQLiteOpenFlags = [.readWrite, .create, .noMutex]
}
