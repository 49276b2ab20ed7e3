extension EventLog {
    /// Calls `body` with each row from `first` to `last` (inclusive) in sequence order.
    ///
    /// The replay path: rows are read in place (``EventRowView``), nothing is allocated per
    /// row unless `body` asks for it. `last` serves "what did we know then" (`known_at`)
    /// queries. An error thrown by `body` stops the scan and is rethrown as is; a storage
    /// failure is an ``EventLogError``. Appending from inside `body` is refused (`misuse`).
    public func scan(
        from first: Int64 = 1,
        through last: Int64 = .max,
        _ body: (EventRowView) throws -> Void
    ) throws {
        try step(statements.scan, from: first, through: last, as: EventRowView.init(statement:), body)
    }

    /// Calls `body` with the sequence, stream and record of each row from `first` to `last`
    /// (inclusive) in sequence order: what a replay needs, and nothing more.
    ///
    /// As ``scan(from:through:_:)`` otherwise.
    public func scanRecords(
        from first: Int64 = 1,
        through last: Int64 = .max,
        _ body: (EventRecordRowView) throws -> Void
    ) throws {
        try step(statements.recordScan, from: first, through: last, as: EventRecordRowView.init(statement:), body)
    }

    /// Every row from `first` on, each column a Swift value: for tools and tests.
    public func readAll(from first: Int64 = 1) throws(EventLogError) -> [StoredEvent] {
        var events: [StoredEvent] = []
        try scanRows(from: first, through: .max) { row in
            events.append(row.storedEvent)
            return true
        }
        return events
    }

    /// The scan loop, typed: `body` returns `false` to stop.
    func scanRows(
        from first: Int64,
        through last: Int64,
        _ body: (EventRowView) -> Bool
    ) throws(EventLogError) {
        try step(statements.scan, from: first, through: last) { body(EventRowView(statement: $0)) }
    }

    /// Steps a scan statement over `first...last`, each row seen as `Row`; an error thrown
    /// by `body` stops the scan and is rethrown as is.
    private func step<Row>(
        _ statement: SQLiteStatement,
        from first: Int64,
        through last: Int64,
        as row: (OpaquePointer) -> Row,
        _ body: (Row) throws -> Void
    ) throws {
        try beginScan()
        defer { isScanning = false }
        try statement.stepRange(from: first, through: last, as: row, body)
    }

    /// Steps a scan statement over `first...last`, one row at a time; `body` returns
    /// `false` to stop.
    private func step(
        _ statement: SQLiteStatement,
        from first: Int64,
        through last: Int64,
        _ body: (OpaquePointer) -> Bool
    ) throws(EventLogError) {
        try beginScan()
        defer { isScanning = false }
        try statement.stepRange(from: first, through: last, body)
    }

    /// Marks a scan as running, refusing a second one inside it: the statement is in use.
    private func beginScan() throws(EventLogError) {
        guard !isScanning else { throw .misuse("a scan of this log is already running") }
        isScanning = true
    }
}

extension SQLiteStatement {
    /// Steps a statement that selects rows by sequence between `?1` and `?2` over
    /// `first...last`, one row at a time; `body` returns `false` to stop. The statement is
    /// reset afterwards, ready for the next scan.
    func stepRange(
        from first: Int64,
        through last: Int64,
        _ body: (OpaquePointer) -> Bool
    ) throws(EventLogError) {
        defer { reset() }
        try mapSQLiteError { () throws(SQLiteError) in
            try bind(first, at: 1)
            try bind(last, at: 2)
            let handle = try liveHandle()
            while try step() {
                guard body(handle) else { return }
            }
        }
    }

    /// As ``stepRange(from:through:_:)``, each row seen as `Row`; an error thrown by `body`
    /// stops the scan and is rethrown as is.
    func stepRange<Row>(
        from first: Int64,
        through last: Int64,
        as row: (OpaquePointer) -> Row,
        _ body: (Row) throws -> Void
    ) throws {
        var bodyError: (any Error)?
        try stepRange(from: first, through: last) { handle in
            do {
                try body(row(handle))
                return true
            } catch {
                bodyError = error
                return false
            }
        }
        if let bodyError { throw bodyError }
    }
}
