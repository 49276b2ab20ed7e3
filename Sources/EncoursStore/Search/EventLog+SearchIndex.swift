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

    /// In a transaction that indexed its own rows `first...last`: records that the index
    /// now reaches `last`, if it reached the row before `first` (a gap a large batch or a
    /// crash left stays visible until ``indexRowsMissingFromSearch()`` fills it).
    func recordSearchProgress(from first: Int64, through last: Int64) throws(EventLogError) {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare(
                "UPDATE search_backfill SET indexed_through = ?1 WHERE indexed_through = ?2"
            )
            defer { statement.finalize() }
            try statement.bind(last, at: 1)
            try statement.bind(first - 1, at: 2)
            _ = try statement.step()
        }
    }

    /// Indexes the words of the rows the last large batches appended (``appendBlocks``), in
    /// one transaction. Cheap to call when there are none.
    ///
    /// `encours import` calls it once the import is durable; the daemon's writer right after
    /// answering the batch. If the process stops before, the next open indexes those rows.
    public func indexPendingSearchText() throws(EventLogError) {
        guard let first = pendingSearchTexts.first?.seq else { return }
        defer { pendingSearchTexts = [] }
        try inTransaction { () throws(EventLogError) in
            let through = try indexedThrough()
            // Between the last indexed row and this batch, rows with words would be missing.
            guard let through, try !hasRowsWithoutSearchText(after: through, before: first) else {
                try indexStoredRows(after: through ?? 0, skippingIndexed: true)
                return
            }
            let statement = statements.indexText
            for pending in pendingSearchTexts where pending.seq > through {
                try mapSQLiteError { () throws(SQLiteError) in
                    defer { statement.reset() }
                    try statement.bind(pending.seq, at: 1)
                    try statement.bind(pending.stream, at: 2)
                    try statement.bind(pending.type, at: 3)
                    try statement.bind(pending.occurredOn.description, at: 4)
                    try statement.bind(pending.text, at: 5)
                    _ = try statement.step()
                }
            }
            try setIndexedThrough(try Self.head(statements).0)
        }
    }

    /// Indexes the rows whose words are not in the search index: those logged before
    /// migration 0002, or appended by a large batch whose process stopped before indexing
    /// them. The open of the log does it, in one transaction; every open after finds nothing.
    func indexRowsMissingFromSearch() throws(EventLogError) {
        // Read without a write lock first: nearly every open finds the index complete.
        let through = try indexedThrough()
        if let through, through >= lastSequence { return }
        try inTransaction { () throws(EventLogError) in
            // Another process may have done it since we looked.
            let through = try indexedThrough()
            let head = try Self.head(statements).0
            if let through, through >= head { return }
            try indexStoredRows(after: through ?? 0, skippingIndexed: through != nil)
        }
    }

    /// Indexes every row after `first` that has words, decoding its record; with
    /// `skippingIndexed`, rows already in the index (appended in small batches since) are
    /// left as they are. Then records the head as indexed.
    private func indexStoredRows(after first: Int64, skippingIndexed: Bool) throws(EventLogError) {
        let head = try Self.head(statements).0
        var failure: EventLogError?
        let statement = statements.indexText
        let indexed = skippingIndexed ? try indexedRows(after: first) : []
        try scanRows(from: first + 1, through: head) { row in
            do throws(EventLogError) {
                guard !indexed.contains(row.seq) else { return true }
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
        try setIndexedThrough(head)
    }

    /// Whether some row strictly between `after` and `before` has words but no index entry.
    private func hasRowsWithoutSearchText(after: Int64, before: Int64) throws(EventLogError) -> Bool {
        guard before > after + 1 else { return false }
        let indexed = try indexedRows(after: after)
        var missing = false
        var failure: EventLogError?
        try scanRows(from: after + 1, through: before - 1) { row in
            guard !indexed.contains(row.seq) else { return true }
            do {
                missing = try EventRecordCodec.decode(row.recordBytes).searchableText != nil
            } catch {
                failure = .corrupt(reason: "row \(row.seq) does not decode: \(error)", cause: nil)
            }
            return !missing && failure == nil
        }
        if let failure { throw failure }
        return missing
    }

    /// The rows after `first` the index holds.
    private func indexedRows(after first: Int64) throws(EventLogError) -> Set<Int64> {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT rowid FROM search_text WHERE rowid > ?1")
            defer { statement.finalize() }
            try statement.bind(first, at: 1)
            var rows = Set<Int64>()
            while try statement.step() { rows.insert(statement.int64(at: 0)) }
            return rows
        }
    }

    /// `search_backfill.indexed_through`: `nil` while the rows logged before migration 0002
    /// are not indexed yet.
    private func indexedThrough() throws(EventLogError) -> Int64? {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT indexed_through FROM search_backfill")
            defer { statement.finalize() }
            guard try statement.step(), !statement.isNull(at: 0) else { return nil }
            return statement.int64(at: 0)
        }
    }

    private func setIndexedThrough(_ sequence: Int64) throws(EventLogError) {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare("UPDATE search_backfill SET indexed_through = ?1")
            defer { statement.finalize() }
            try statement.bind(sequence, at: 1)
            _ = try statement.step()
        }
    }

    private func inTransaction(_ body: () throws(EventLogError) -> Void) throws(EventLogError) {
        try mapSQLiteError { () throws(SQLiteError) in try connection.begin(.immediate) }
        do throws(EventLogError) {
            try body()
            try mapSQLiteError { () throws(SQLiteError) in try connection.commit() }
        } catch {
            try? connection.rollback()
            throw error
        }
    }
}
