extension EventLog {
    /// Appends a batch in one transaction and reports, per event, its sequence number and
    /// whether it was new.
    ///
    /// All or nothing: the batch is one `BEGIN IMMEDIATE … COMMIT`, and any failure,
    /// including a ``EventLogError/conflict(index:key:existing:)`` (an event whose key is
    /// already used, in the log or earlier in the batch, by different record bytes), rolls
    /// it all back. An event whose key is already used by identical record bytes is a
    /// ``AppendOutcome/duplicate(seq:)``: no row, and the hash chain does not advance.
    ///
    /// When this returns, the batch is committed with `synchronous=FULL` in WAL mode: it
    /// survives a crash or a power cut.
    ///
    /// - Parameters:
    ///   - recordedAt: the UTC time of the append, `2026-11-23T11:54:40.123Z`
    ///     (``RecordedAt``); the same for every row of the batch.
    ///   - beforeCommit: the caller's last word, called once every row is inserted and
    ///     before the commit; throwing ``EventLogError/vetoed(_:)`` rolls the batch back.
    ///     It lets a check that runs on another core overlap the inserts.
    public func append(
        _ batch: [NewEvent],
        recordedAt: String,
        beforeCommit: () throws(EventLogError) -> Void = {}
    ) throws(EventLogError) -> [AppendOutcome] {
        guard !batch.isEmpty else { return [] }
        var pending: [NewEvent]? = batch
        return try append(
            chunks: {
                defer { pending = nil }
                return pending
            },
            expectedCount: batch.count,
            recordedAt: recordedAt,
            beforeCommit: beforeCommit
        )
    }

    /// As ``append(_:recordedAt:beforeCommit:)``, for a batch handed over in chunks as
    /// another thread prepares them: `next` returns the next chunk, or `nil` after the last.
    /// Rows are inserted as they come, in one transaction; `next` may throw
    /// ``EventLogError/vetoed(_:)`` to abandon the batch.
    public func append(
        chunks next: () throws(EventLogError) -> [NewEvent]?,
        expectedCount: Int,
        recordedAt: String,
        beforeCommit: () throws(EventLogError) -> Void = {}
    ) throws(EventLogError) -> [AppendOutcome] {
        guard !isScanning else { throw .misuse("append called from inside a scan of the same log") }
        guard RecordedAt.isValid(recordedAt) else {
            throw .invalidArgument("recorded_at \(recordedAt) is not UTC ISO-8601 like 2026-11-23T11:54:40.123Z")
        }
        // A large batch is acknowledged once its WAL frames are synced; copying them into
        // the database file (the checkpoint SQLite would run inside the commit) is left to
        // ``checkpoint()``, or to the next small commit, so it does not delay the answer.
        let defersCheckpoint = expectedCount >= Self.deferredCheckpointBatchSize
        if defersCheckpoint {
            try mapSQLiteError { () throws(SQLiteError) in try connection.execute("PRAGMA wal_autocheckpoint = 0") }
        }
        defer {
            if defersCheckpoint {
                try? connection.execute("PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)")
            }
        }
        try mapSQLiteError { () throws(SQLiteError) in try connection.begin(.immediate) }
        do {
            // Read the head inside the write transaction: if another process appended
            // since we opened (it should not, but a stray `encours import` might), the
            // chain continues from its row instead of forking.
            let (startSequence, startHash) = try Self.head(statements)
            var state = AppendState(sequence: startSequence, hash: startHash, capacity: expectedCount)
            let insert = statements.insert
            defer {
                insert.reset()
                insert.clearBindings()
            }
            try mapSQLiteError { () throws(SQLiteError) in try insert.bind(recordedAt, at: 5) }
            var index = 0
            while let chunk = try next() {
                for row in chunk {
                    try appendRow(row, index: index, recordedAt: recordedAt, into: &state)
                    index += 1
                }
            }
            if state.sequence > startSequence {
                try recordSearchProgress(from: startSequence + 1, through: state.sequence)
            }
            try beforeCommit()
            try mapSQLiteError { () throws(SQLiteError) in try connection.commit() }
            lastSequence = state.sequence
            lastHash = state.hash
            return state.outcomes
        } catch {
            try? connection.rollback()
            throw error
        }
    }

    /// Batches of at least this many rows leave their checkpoint for later.
    static let deferredCheckpointBatchSize = 4096
    /// SQLite's default: checkpoint once the WAL holds this many pages.
    static let autocheckpointPages = 1000

    /// Copies the WAL's committed frames into the database file and empties the WAL, as far
    /// as readers allow. Durability does not depend on it; file size and read speed do.
    public func checkpoint() throws(EventLogError) {
        try mapSQLiteError { () throws(SQLiteError) in try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The sequence number and record bytes of the events already logged under `keys`;
    /// keys not in the log are absent from the result.
    public func existingRecords(forKeys keys: some Collection<String>) throws(EventLogError) -> [String: ExistingRecord]
    {
        if keys.count >= Self.scanForKeysThreshold, keys.count >= lastSequence / 20 {
            return try existingRecordsByScanning(forKeys: Set(keys))
        }
        var found: [String: ExistingRecord] = [:]
        for key in keys where found[key] == nil {
            if let record = try existingRecord(forKey: key) { found[key] = record }
        }
        return found
    }

    /// From this many keys on (and a twentieth of the log), one pass over the table beats
    /// a look-up per key: re-importing a full export of a million events asks for a
    /// million keys, which cost 7 s as look-ups and about 1 s as a scan.
    static let scanForKeysThreshold = 20_000

    private func existingRecordsByScanning(forKeys keys: Set<String>) throws(EventLogError) -> [String: ExistingRecord]
    {
        var found: [String: ExistingRecord] = [:]
        found.reserveCapacity(keys.count)
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT key, seq, record FROM events")
            defer { statement.finalize() }
            while try statement.step() {
                let key = String(decoding: statement.textBytes(at: 0), as: UTF8.self)
                guard keys.contains(key) else { continue }
                found[key] = ExistingRecord(seq: statement.int64(at: 1), record: statement.blob(at: 2))
            }
        }
        return found
    }

    func existingRecord(forKey key: String) throws(EventLogError) -> ExistingRecord? {
        let lookup = statements.recordByKey
        defer { lookup.reset() }
        return try mapSQLiteError { () throws(SQLiteError) in
            try lookup.bind(key, at: 1)
            guard try lookup.step() else { return nil }
            return ExistingRecord(seq: lookup.int64(at: 0), record: lookup.blob(at: 1))
        }
    }

    private func appendRow(
        _ event: NewEvent,
        index: Int,
        recordedAt: String,
        into state: inout AppendState
    ) throws(EventLogError) {
        let seq = state.sequence + 1
        guard DayText.write(event.occurredOn, into: scratch.dayText) else {
            throw .invalidArgument("event \(index) of the batch: occurred_on is outside years 1 to 9999")
        }
        // The hash input holds a copy of every column; the insert binds them from there
        // without another copy. Those bindings stay valid until the next row's `begin`,
        // and every row rebinds all of them before stepping; `append` clears them.
        let rowHash = UnsafeRawBufferPointer(scratch.rowHash)
        let columns = hasher.appendRow(
            previous: state.hash,
            seq: seq,
            event: event,
            occurredOn: UnsafeRawBufferPointer(scratch.dayText),
            recordedAt: recordedAt
        )
        hasher.finish(into: scratch.rowHash)

        let insert = statements.insert
        let inserted = try mapSQLiteError { () throws(SQLiteError) in
            try insert.bind(seq, at: 1)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.type), at: 2)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.stream), at: 3)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.occurredOn), at: 4)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.actor), at: 6)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.key), at: 7)
            try insert.bindWithoutCopy(text: hasher.bytes(columns.payload), at: 8)
            try insert.bindWithoutCopy(blob: hasher.bytes(columns.record), at: 9)
            try insert.bindWithoutCopy(blob: rowHash, at: 10)
            defer { insert.reset() }
            try insert.step()
            return connection.changes == 1
        }
        if inserted {
            if let text = event.searchText {
                try indexSearchText(
                    text,
                    seq: seq,
                    type: columns.type,
                    stream: columns.stream,
                    occurredOn: columns.occurredOn
                )
            }
            state.sequence = seq
            state.hash.withUnsafeMutableBytes { $0.copyMemory(from: rowHash) }
            state.outcomes.append(.appended(seq: seq))
            state.batchIndices.append(index)
            return
        }
        guard let existing = try existingRecord(forKey: event.key) else {
            throw .corrupt(reason: "key \(event.key) clashed on insert but no row holds it", cause: nil)
        }
        guard existing.record == event.record else {
            let holder: EventLogError.KeyHolder =
                existing.seq > state.startSequence
                ? .batch(index: state.batchIndices[Int(existing.seq - state.startSequence - 1)])
                : .logged(seq: existing.seq)
            throw .conflict(index: index, key: event.key, existing: holder)
        }
        state.outcomes.append(.duplicate(seq: existing.seq))
    }
}

/// The running state of one batch's append; it reaches the log only once committed.
private struct AppendState {
    let startSequence: Int64
    var sequence: Int64
    var hash: [UInt8]
    var outcomes: [AppendOutcome] = []
    /// The batch index of each appended row, in sequence order: names the earlier event
    /// when a later one of the same batch conflicts with it.
    var batchIndices: [Int] = []

    init(sequence: Int64, hash: [UInt8], capacity: Int) {
        startSequence = sequence
        self.sequence = sequence
        self.hash = hash
        outcomes.reserveCapacity(capacity)
        batchIndices.reserveCapacity(capacity)
    }
}

/// Buffers the append loop writes every row into, allocated once per log.
final class AppendScratch {
    let dayText = UnsafeMutableRawBufferPointer.allocate(byteCount: DayText.byteCount, alignment: 1)
    let rowHash = UnsafeMutableRawBufferPointer.allocate(byteCount: EventHashChain.hashByteCount, alignment: 1)

    deinit {
        dayText.deallocate()
        rowHash.deallocate()
    }
}
