import CSQLite

/// How a transaction takes its locks (`BEGIN DEFERRED|IMMEDIATE|EXCLUSIVE`).
public enum SQLiteTransactionKind: String, Sendable {
    /// Locks are taken on first read or write; a later write may fail with `SQLITE_BUSY`.
    case deferred = "DEFERRED"
    /// The write lock is taken at `BEGIN`, so the transaction cannot fail later for want
    /// of it: the right kind for an append.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

extension SQLiteConnection {
    public func begin(_ kind: SQLiteTransactionKind = .deferred) throws(SQLiteError) {
        try execute("BEGIN \(kind.rawValue)")
    }

    public func commit() throws(SQLiteError) {
        try execute("COMMIT")
    }

    /// Rolls back the open transaction, if any.
    ///
    /// After some errors (`SQLITE_FULL`, `SQLITE_IOERR`, ...) SQLite has already rolled
    /// back by itself; asking again would only fail with "no transaction is active".
    public func rollback() throws(SQLiteError) {
        guard isInTransaction else { return }
        try execute("ROLLBACK")
    }

    /// Runs `body` inside a transaction: committed when it returns, rolled back when it
    /// throws (the body's error is rethrown as is).
    public func transaction<Result>(
        _ kind: SQLiteTransactionKind = .deferred,
        _ body: () throws -> Result
    ) throws -> Result {
        try begin(kind)
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            // The original failure matters more than a failed rollback.
            try? rollback()
            throw error
        }
    }
}
