/// The statements the log prepares once at open and reuses for every batch and scan:
/// preparing per row would cost more than the insert itself.
struct EventLogStatements {
    /// `ON CONFLICT(key) DO NOTHING`: a clash on the idempotency key leaves no row
    /// (`changes` is 0) instead of failing, so the path without clashes is one insert per
    /// row, and only a clash pays for a lookup.
    let insert: SQLiteStatement
    let recordByKey: SQLiteStatement
    let head: SQLiteStatement
    /// Columns in the order ``EventRowView`` reads them: the hot ones first.
    let scan: SQLiteStatement
    /// The three columns replay reads (``EventRecordRowView``): SQLite extracts every
    /// selected column of every row, and the others would double the cost of a scan.
    let recordScan: SQLiteStatement
    /// Adds an event's words to the search index (migration 0002).
    let indexText: SQLiteStatement

    /// What a replay reads of each row (``EventRecordRowView``).
    static let recordScanSQL = "SELECT seq, stream, record FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq"

    init(_ connection: SQLiteConnection) throws(SQLiteError) {
        insert = try connection.prepare(
            """
            INSERT INTO events (seq, type, stream, occurred_on, recorded_at, actor, key, payload, record, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT (key) DO NOTHING
            """
        )
        recordByKey = try connection.prepare("SELECT seq, record FROM events WHERE key = ?1")
        head = try connection.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        scan = try connection.prepare(
            """
            SELECT seq, stream, occurred_on, record, type, recorded_at, actor, key, payload, hash
            FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq
            """
        )
        recordScan = try connection.prepare(Self.recordScanSQL)
        indexText = try connection.prepare(
            "INSERT INTO search_text (rowid, customer, type, occurred_on, body) VALUES (?1, ?2, ?3, ?4, ?5)"
        )
    }

    func finalize() {
        for statement in [insert, recordByKey, head, scan, recordScan, indexText] { statement.finalize() }
    }
}
