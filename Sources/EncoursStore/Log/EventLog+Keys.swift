extension EventLog {
    /// Calls `body` with the UTF-8 bytes of every recorded idempotency key, in no particular
    /// order. Reads only the key index, so it is much cheaper than a scan.
    public func forEachKey(_ body: (UnsafeRawBufferPointer) -> Void) throws(EventLogError) {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT key FROM events INDEXED BY sqlite_autoindex_events_1")
            defer { statement.finalize() }
            while try statement.step() {
                body(statement.textBytes(at: 0))
            }
        }
    }
}
