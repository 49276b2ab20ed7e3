import EncoursCore

extension EventLog {
    /// Adds one appended row's words to the search index, in the appending transaction.
    /// The ranges are the row's columns in the hasher's buffer, valid until the next row.
    func indexSearchText(_ text: String, seq: Int64, type: Range<Int>, stream: Range<Int>, occurredOn: Range<Int>)
        throws(EventLogError)
    {
        let statement = statements.indexText
        try mapSQLiteError { () throws(SQLiteError) in
            defer { statement.reset() }
            try statement.bind(seq, at: 1)
            try statement.bindWithoutCopy(text: hasher.bytes(stream), at: 2)
            try statement.bindWithoutCopy(text: hasher.bytes(type), at: 3)
            try statement.bindWithoutCopy(text: hasher.bytes(occurredOn), at: 4)
            try statement.bind(text, at: 5)
            _ = try statement.step()
        }
    }

    /// Indexes the rows logged before migration 0002, once: the first open by a binary
    /// that carries it does it, in one transaction, and records that it did.
    func indexRowsLoggedBeforeSearch() throws(EventLogError) {
        // Read without a write lock first: every open but the first finds it done.
        let pending = try mapSQLiteError { () throws(SQLiteError) -> Bool in
            let check = try connection.prepare("SELECT 1 FROM search_backfill WHERE indexed_through IS NULL")
            defer { check.finalize() }
            return try check.step()
        }
        guard pending else { return }
        try mapSQLiteError { () throws(SQLiteError) in try connection.begin(.immediate) }
        do throws(EventLogError) {
            // Another process may have done it since we looked.
            let through = try mapSQLiteError { () throws(SQLiteError) -> Int64? in
                let check = try connection.prepare(
                    """
                    SELECT (SELECT coalesce(max(seq), 0) FROM events) FROM search_backfill
                    WHERE indexed_through IS NULL
                    """
                )
                defer { check.finalize() }
                return try check.step() ? check.int64(at: 0) : nil
            }
            if let through {
                try indexStoredRows(through: through)
                try mapSQLiteError { () throws(SQLiteError) in
                    try connection.execute("UPDATE search_backfill SET indexed_through = \(through)")
                }
            }
            try mapSQLiteError { () throws(SQLiteError) in try connection.commit() }
        } catch {
            try? connection.rollback()
            throw error
        }
    }

    private func indexStoredRows(through last: Int64) throws(EventLogError) {
        var failure: EventLogError?
        let statement = statements.indexText
        try scanRows(from: 1, through: last) { row in
            do throws(EventLogError) {
                let event: Event
                do {
                    event = try EventRecordCodec.decode(row.recordBytes)
                } catch {
                    throw .corrupt(reason: "row \(row.seq) does not decode: \(error)", cause: nil)
                }
                guard let text = event.searchableText else { return true }
                try mapSQLiteError { () throws(SQLiteError) in
                    defer { statement.reset() }
                    try statement.bind(row.seq, at: 1)
                    try statement.bind(row.stream, at: 2)
                    try statement.bind(row.type, at: 3)
                    try statement.bindWithoutCopy(text: row.occurredOnBytes, at: 4)
                    try statement.bind(text, at: 5)
                    _ = try statement.step()
                }
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }
}
