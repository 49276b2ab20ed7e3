/// The append-only event log in one SQLite file (DESIGN §3): the single writer that
/// appends batches idempotently and hash-chained, and the reader that replays them.
///
/// One instance per database file and process, used from one thread or actor at a time
/// (it is not `Sendable`): in the daemon the writer actor owns it, in the CLI the command
/// does. It opens the file (its folder must exist), switches it to WAL, applies the
/// pending migrations and refuses a database written by a newer schema.
public final class EventLog {
    /// The file this log was opened on.
    public let path: String
    let connection: SQLiteConnection
    let statements: EventLogStatements

    /// The sequence number of the newest row, as of this instance's open or last append
    /// (0 for an empty log).
    public internal(set) var lastSequence: Int64
    /// The chain hash of the newest row (``EventHashChain/genesis`` for an empty log), as
    /// of this instance's open or last append: publish it to anchor the head of the chain.
    public internal(set) var lastHash: [UInt8]

    /// Set while a scan runs: the scan statement is in use, and appending from inside the
    /// callback would interleave a write transaction with a half-read cursor.
    var isScanning = false
    /// Reused across rows so hashing allocates nothing.
    let hasher = RowHasher()
    let scratch = AppendScratch()
    /// Words of rows a large batch appended, for ``indexPendingSearchText()``.
    var pendingSearchTexts: [PendingSearchText] = []

    /// Opens (creating when missing) the log at `path` and migrates it.
    ///
    /// - Parameter busyTimeoutMilliseconds: how long to wait for another connection's lock
    ///   (a backup, a reader checkpointing) before failing.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, migrator: Migrator = Migrator())
        throws(EventLogError)
    {
        self.path = path
        let connection = try mapSQLiteError { () throws(SQLiteError) in
            try SQLiteConnection(path: path, flags: .readWriteCreate)
        }
        try Self.configure(connection, path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        _ = try migrator.migrate(connection)
        self.connection = connection
        self.statements = try mapSQLiteError { () throws(SQLiteError) in try EventLogStatements(connection) }
        (lastSequence, lastHash) = try Self.head(statements)
        try indexRowsMissingFromSearch()
    }

    /// Finalizes the statements and closes the file. Later calls fail with `misuse`.
    public func close() throws(EventLogError) {
        statements.finalize()
        try mapSQLiteError { () throws(SQLiteError) in try connection.close() }
    }

    private static func configure(_ connection: SQLiteConnection, path: String, busyTimeoutMilliseconds: Int32)
        throws(EventLogError)
    {
        let mode = try mapSQLiteError { () throws(SQLiteError) in
            try connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
            // 8 KiB pages: measured 20 % more appends per second than the 4 KiB default
            // (fewer B-tree splits in the key index). Only takes effect on a new, empty
            // file, so it must come before WAL mode writes the header; a no-op afterwards.
            try connection.execute("PRAGMA page_size = 8192")
            // WAL: readers (the CLI, a backup) never block the writer nor see half a batch.
            let journal = try connection.prepare("PRAGMA journal_mode = WAL")
            defer { journal.finalize() }
            return try journal.step() ? journal.text(at: 0) : ""
        }
        guard mode.lowercased() == "wal" else {
            throw .invalidArgument("cannot use WAL mode on \(path) (journal mode stays \(mode))")
        }
        try mapSQLiteError { () throws(SQLiteError) in
            // FULL: in WAL mode it syncs the WAL at every commit, so an acknowledged
            // append survives a power cut; NORMAL syncs only at checkpoints and may lose
            // the last commits. Appends are batched, so FULL costs one fsync per batch:
            // measured on the project's VM (release build), a 10k-row batch commits in
            // 4–5.5 ms with FULL against 1.8–2.3 ms with NORMAL, about 0.3 µs per row or
            // 10 % of the append. Durability is worth that.
            try connection.execute("PRAGMA synchronous = FULL")
            try connection.execute("PRAGMA foreign_keys = ON")
            // 64 MiB of page cache (the default is 2 MiB): the UNIQUE key index is updated
            // at random places, and beyond a few hundred thousand rows a small cache
            // rereads its pages from the OS for every insert.
            try connection.execute("PRAGMA cache_size = -\(writerPageCacheKibibytes)")
        }
    }

    /// 64 MiB: see `configure`.
    static let writerPageCacheKibibytes = 65_536

    /// The newest row's sequence number and hash, read from the database.
    static func head(_ statements: EventLogStatements) throws(EventLogError) -> (Int64, [UInt8]) {
        let statement = statements.head
        defer { statement.reset() }
        let found = try mapSQLiteError { () throws(SQLiteError) in try statement.step() }
        guard found else { return (0, EventHashChain.genesis) }
        let seq = statement.int64(at: 0)
        let hash = statement.blob(at: 1)
        guard hash.count == EventHashChain.hashByteCount else {
            throw .corrupt(reason: "row \(seq) has a \(hash.count)-byte hash, not 32", cause: nil)
        }
        return (seq, hash)
    }
}
