import CSQLite

/// A failed SQLite call, with everything needed to understand it without a debugger.
///
/// SQLite reports a primary result code (`SQLITE_CONSTRAINT`), a finer extended code
/// (`SQLITE_CONSTRAINT_TRIGGER`) and a message; the statement's SQL says where it came from.
/// Keeping all four is what makes an error in a log line actionable (GRDB's
/// `DatabaseError` does the same).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ...): the stable part.
    public var resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, ...); equals `resultCode`
    /// when SQLite gave no finer detail.
    public var extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the generic text of the code.
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?

    public init(resultCode: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        // Callers may hand us an extended code; the primary code is its low byte.
        self.resultCode = resultCode & 0xFF
        self.extendedCode = extendedCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    /// The error of the last failed call on `database`, as `sqlite3_errmsg` describes it.
    init(code: Int32, database: OpaquePointer?, sql: String? = nil) {
        let extended = database.map { sqlite3_extended_errcode($0) } ?? code
        let text = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(
            resultCode: code,
            // The connection's extended code belongs to the same failure only when its
            // primary part matches; otherwise it is left over from an earlier call.
            extendedCode: (extended & 0xFF) == (code & 0xFF) ? extended : code,
            message: text ?? SQLiteError.describe(code),
            sql: sql
        )
    }

    /// SQLite's generic English text for a result code (`sqlite3_errstr`).
    public static func describe(_ code: Int32) -> String {
        sqlite3_errstr(code).map { String(cString: $0) } ?? "SQLite error \(code)"
    }

    /// Whether the file is damaged or not a database: a finding to report, not a bug.
    public var isCorruption: Bool {
        resultCode == SQLITE_CORRUPT || resultCode == SQLITE_NOTADB
    }

    public var description: String {
        var text = "SQLite error \(resultCode)"
        if extendedCode != resultCode { text += "/\(extendedCode)" }
        text += " (\(SQLiteError.describe(resultCode))): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}
