/// A read-only connection of its own to an event log's file, so that another thread can
/// read one range of rows while the log's connection reads another: a cold replay reads
/// the log on two threads at once.
///
/// It sees committed rows only (WAL), and a row never changes once written, so the rows up
/// to the log's ``EventLog/lastSequence`` read the same through either connection. Like
/// the log, it belongs to one thread at a time.
final class EventLogReader {
    private let connection: SQLiteConnection
    private let recordScan: SQLiteStatement

    /// Opens `path`, which the ``EventLog`` has already opened and migrated.
    init(path: String, pageCacheKibibytes: Int) throws(EventLogError) {
        (connection, recordScan) = try mapSQLiteError { () throws(SQLiteError) in
            let connection = try SQLiteConnection(path: path, flags: [.readOnly, .noMutex])
            try connection.setBusyTimeout(milliseconds: 5_000)
            try connection.execute("PRAGMA cache_size = -\(pageCacheKibibytes)")
            return (connection, try connection.prepare(EventLogStatements.recordScanSQL))
        }
    }

    deinit {
        recordScan.finalize()
    }

    /// As ``EventLog/scanRecords(from:through:_:)``.
    func scanRecords(from first: Int64, through last: Int64, _ body: (EventRecordRowView) throws -> Void) throws {
        try recordScan.stepRange(from: first, through: last, as: EventRecordRowView.init(statement:), body)
    }
}
