import CSQLite

/// A compiled SQL statement, prepared once and reused row after row.
///
/// Reusing one statement with new bindings is what makes bulk inserts and scans fast: the
/// SQL is parsed and planned once. Indexes are 1-based for parameters (as in SQLite) and
/// 0-based for result columns. Not `Sendable`: it belongs to its connection's thread.
public final class SQLiteStatement {
    /// The `sqlite3_stmt*` handle; `nil` once finalized.
    private(set) var handle: OpaquePointer?
    /// The SQL text, kept for error messages.
    public let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Releases the compiled statement; further use throws `SQLITE_MISUSE`.
    public func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Runs the statement one step: `true` when a row is available to read, `false` when
    /// it has finished.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let statement = try liveHandle()
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw failure(code)
    }

    /// Makes the statement ready to run again; bindings are kept.
    ///
    /// Not throwing: `sqlite3_reset` repeats the error of the last `step`, which the
    /// caller has already received.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// The number of columns in each result row.
    public var columnCount: Int32 {
        sqlite3_column_count(handle)
    }

    func liveHandle() throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(resultCode: SQLITE_MISUSE, message: "the statement is finalized", sql: sql)
        }
        return handle
    }

    /// The connection's description of a failed call on this statement.
    func failure(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, database: handle.flatMap { sqlite3_db_handle($0) }, sql: sql)
    }
}
