import CSQLite

/// One connection to an SQLite database file over the raw C API.
///
/// The event log needs a few hundred thousand inserts per second and zero-copy scans, which
/// a general-purpose wrapper's per-row allocations cannot give; this type is the thin,
/// explicit layer that can. It is deliberately not `Sendable`: SQLite connections are
/// opened without their internal mutex (`noMutex`), so each one belongs to one thread or
/// actor at a time.
public final class SQLiteConnection {
    /// The `sqlite3*` handle; `nil` once closed.
    private(set) var handle: OpaquePointer?

    /// Opens (and with `.create`, creates) the database at `path`. Folders are not created.
    public init(path: String, flags: SQLiteOpenFlags = .readWriteCreate) throws(SQLiteError) {
        var database: OpaquePointer?
        let code = sqlite3_open_v2(path, &database, flags.rawValue, nil)
        guard code == SQLITE_OK, let database else {
            // Even a failed open may allocate a handle that carries the message.
            let error = SQLiteError(code: code, database: database, sql: nil)
            sqlite3_close_v2(database)
            throw SQLiteError(
                resultCode: error.resultCode,
                extendedCode: error.extendedCode,
                message: "cannot open \(path): \(error.message)"
            )
        }
        // Extended codes tell a trigger's refusal from a UNIQUE clash, both SQLITE_CONSTRAINT.
        sqlite3_extended_result_codes(database, 1)
        self.handle = database
    }

    deinit {
        // sqlite3_close_v2 defers the close until every statement is finalized, so a
        // statement that outlives its connection object stays safe to finalize.
        sqlite3_close_v2(handle)
    }

    /// Closes the connection. Statements still open keep it alive until finalized.
    public func close() throws(SQLiteError) {
        guard let database = handle else { return }
        let code = sqlite3_close_v2(database)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, database: database) }
        handle = nil
    }

    /// Runs one or more SQL statements that return no rows needed by the caller.
    public func execute(_ sql: String) throws(SQLiteError) {
        let database = try openHandle(for: sql)
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(database, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) }
            sqlite3_free(errorMessage)
            var error = SQLiteError(code: code, database: database, sql: sql)
            if let message { error.message = message }
            throw error
        }
    }

    /// Compiles one SQL statement for repeated use.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let database = try openHandle(for: sql)
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(code: code, database: database, sql: sql)
        }
        return SQLiteStatement(handle: statement, sql: sql)
    }

    /// How long a call waits for another connection's lock before failing with
    /// `SQLITE_BUSY`. Zero fails at once.
    public func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        let database = try openHandle(for: nil)
        let code = sqlite3_busy_timeout(database, milliseconds)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, database: database) }
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int64 {
        handle.map { Int64(sqlite3_changes($0)) } ?? 0
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    private func openHandle(for sql: String?) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(resultCode: SQLITE_MISUSE, message: "the connection is closed", sql: sql)
        }
        return handle
    }
}
