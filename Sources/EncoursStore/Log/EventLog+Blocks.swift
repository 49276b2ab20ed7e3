import EncoursCore

extension EventLog {
    /// Appends a large batch of rows another thread hashes and lays out while this one
    /// inserts them (``RowBlock``), in one transaction, all or nothing.
    ///
    /// For batches whose keys the caller knows to be new (none recorded, none twice):
    /// a clash on the key is reported as corruption, since the blocks' hashes assumed every
    /// row would be appended. The words of the rows go to the search index after the
    /// commit, through ``indexPendingSearchText()``, so the index does not delay
    /// durability; until then a search does not find them.
    ///
    /// - Parameters:
    ///   - start: called once inside the transaction with the log's head, which the
    ///     blocks' chain must continue (give it to a ``RowBlockBuilder``).
    ///   - next: the next block, or `nil` after the last; may throw
    ///     ``EventLogError/vetoed(_:)`` to abandon the batch.
    ///   - beforeCommit: as in ``append(_:recordedAt:beforeCommit:)``.
    func appendBlocks(
        recordedAt: String,
        start: (LogHead) -> Void,
        next: () throws(EventLogError) -> RowBlock?,
        beforeCommit: () throws(EventLogError) -> Void
    ) throws(EventLogError) -> [AppendOutcome] {
        guard !isScanning else { throw .misuse("append called from inside a scan of the same log") }
        guard RecordedAt.isValid(recordedAt) else {
            throw .invalidArgument("recorded_at \(recordedAt) is not UTC ISO-8601 like 2026-11-23T11:54:40.123Z")
        }
        try mapSQLiteError { () throws(SQLiteError) in try connection.execute("PRAGMA wal_autocheckpoint = 0") }
        defer { try? connection.execute("PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)") }
        try mapSQLiteError { () throws(SQLiteError) in try connection.begin(.immediate) }
        do throws(EventLogError) {
            let (startSequence, startHash) = try Self.head(statements)
            start(LogHead(sequence: startSequence, hash: startHash))
            var sequence = startSequence
            var hash = startHash
            var outcomes: [AppendOutcome] = []
            var searchTexts: [PendingSearchText] = []
            let insert = statements.insert
            defer {
                insert.reset()
                insert.clearBindings()
            }
            try mapSQLiteError { () throws(SQLiteError) in try insert.bind(recordedAt, at: 5) }
            while let block = try next() {
                guard let first = block.rows.first else { continue }
                guard first.seq == sequence + 1 else {
                    throw .misuse("a block starting at row \(first.seq) does not continue the log at row \(sequence)")
                }
                try insertRows(of: block)
                sequence = block.rows[block.rows.count - 1].seq
                hash = Array(block.bytes[block.rows[block.rows.count - 1].hash])
                for row in block.rows { outcomes.append(.appended(seq: row.seq)) }
                searchTexts.append(contentsOf: block.searchTexts)
            }
            try beforeCommit()
            try mapSQLiteError { () throws(SQLiteError) in try connection.commit() }
            lastSequence = sequence
            lastHash = hash
            pendingSearchTexts.appendTakingStorage(of: searchTexts)
            return outcomes
        } catch {
            try? connection.rollback()
            throw error
        }
    }

    private func insertRows(of block: RowBlock) throws(EventLogError) {
        let insert = statements.insert
        for row in block.rows {
            let inserted = block.bytes.withUnsafeBytes { bytes in
                func column(_ range: Range<Int>) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(rebasing: bytes[range])
                }
                return Result { () throws(SQLiteError) -> Bool in
                    try insert.bind(row.seq, at: 1)
                    try insert.bindWithoutCopy(text: column(row.columns.type), at: 2)
                    try insert.bindWithoutCopy(text: column(row.columns.stream), at: 3)
                    try insert.bindWithoutCopy(text: column(row.columns.occurredOn), at: 4)
                    try insert.bindWithoutCopy(text: column(row.columns.actor), at: 6)
                    try insert.bindWithoutCopy(text: column(row.columns.key), at: 7)
                    try insert.bindWithoutCopy(text: column(row.columns.payload), at: 8)
                    try insert.bindWithoutCopy(blob: column(row.columns.record), at: 9)
                    try insert.bindWithoutCopy(blob: column(row.hash), at: 10)
                    defer { insert.reset() }
                    try insert.step()
                    return connection.changes == 1
                }
            }
            guard try mapSQLiteError({ () throws(SQLiteError) in try inserted.get() }) else {
                let key = String(decoding: block.bytes[row.columns.key], as: UTF8.self)
                throw .corrupt(reason: "key \(key) of a batch checked as new is already in the log", cause: nil)
            }
        }
    }
}
