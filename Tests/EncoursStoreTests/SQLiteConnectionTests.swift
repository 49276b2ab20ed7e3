import EncoursStore
import EncoursTestSupport
import Testing

@Suite("SQLite wrapper")
struct SQLiteConnectionTests {
    let directory: TemporaryDirectory
    let connection: SQLiteConnection

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
        connection = try SQLiteConnection(path: directory.file("wrapper.db"))
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, s TEXT, b BLOB, u TEXT UNIQUE)")
    }

    @Test func valuesRoundTripThroughBindAndColumns() throws {
        let insert = try connection.prepare("INSERT INTO t (i, s, b) VALUES (?1, ?2, ?3)")
        try insert.bind(Int64.min, at: 1)
        try insert.bind("Crédit à 30 jours 🙂\u{0}fin", at: 2)
        try insert.bind(blob: [0, 1, 2, 255], at: 3)
        #expect(try insert.step() == false)
        #expect(connection.changes == 1)
        #expect(connection.lastInsertRowID == 1)

        let select = try connection.prepare("SELECT i, s, b FROM t")
        #expect(try select.step())
        #expect(select.int64(at: 0) == Int64.min)
        #expect(select.text(at: 1) == "Crédit à 30 jours 🙂\u{0}fin")
        #expect(select.blob(at: 2) == [0, 1, 2, 255])
        #expect([UInt8](select.blobBytes(at: 2)) == [0, 1, 2, 255])
        #expect([UInt8](select.textBytes(at: 1)) == Array("Crédit à 30 jours 🙂\u{0}fin".utf8))
        #expect(select.columnType(at: 2) == .blob)
        #expect(try select.step() == false)
    }

    @Test func emptyTextAndBlobAreValuesButNullIsNull() throws {
        let insert = try connection.prepare("INSERT INTO t (s, b, u) VALUES (?1, ?2, ?3)")
        try insert.bind("", at: 1)
        try insert.bind(blob: [], at: 2)
        try insert.bindNull(at: 3)
        try insert.step()
        let select = try connection.prepare("SELECT s IS NULL, b IS NULL, u IS NULL, typeof(b) FROM t")
        #expect(try select.step())
        #expect(select.int64(at: 0) == 0)
        #expect(select.int64(at: 1) == 0)
        #expect(select.int64(at: 2) == 1)
        #expect(select.text(at: 3) == "blob")
    }

    @Test func statementsAreReusedAfterReset() throws {
        let insert = try connection.prepare("INSERT INTO t (i) VALUES (?1)")
        for value in Int64(1)...3 {
            try insert.bind(value, at: 1)
            try insert.step()
            insert.reset()
        }
        let sum = try connection.prepare("SELECT sum(i), count(*) FROM t")
        #expect(try sum.step())
        #expect(sum.int64(at: 0) == 6)
        #expect(sum.int64(at: 1) == 3)
    }

    @Test func errorsCarryCodesMessageAndSQL() throws {
        let prepareError = #expect(throws: SQLiteError.self) {
            try connection.prepare("SELEC nonsense")
        }
        #expect(prepareError?.resultCode == 1)  // SQLITE_ERROR
        #expect(prepareError?.sql == "SELEC nonsense")
        #expect(prepareError?.message.contains("syntax error") == true)

        try connection.execute("INSERT INTO t (u) VALUES ('same')")
        let insert = try connection.prepare("INSERT INTO t (u) VALUES ('same')")
        let uniqueError = #expect(throws: SQLiteError.self) { try insert.step() }
        #expect(uniqueError?.resultCode == 19)  // SQLITE_CONSTRAINT
        #expect(uniqueError?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(uniqueError?.description.contains("UNIQUE constraint failed: t.u") == true)
    }

    /// The append path relies on this: an upsert that did nothing reports no change,
    /// even right after an insert that did.
    @Test func upsertThatDoesNothingReportsZeroChanges() throws {
        let upsert = try connection.prepare("INSERT INTO t (u) VALUES (?1) ON CONFLICT (u) DO NOTHING")
        try upsert.bind("k", at: 1)
        try upsert.step()
        upsert.reset()
        #expect(connection.changes == 1)
        try upsert.step()
        upsert.reset()
        #expect(connection.changes == 0)
    }

    @Test func transactionCommitsOnReturnAndRollsBackOnThrow() throws {
        struct Abort: Error {}
        try connection.transaction(.immediate) { try connection.execute("INSERT INTO t (i) VALUES (1)") }
        #expect(throws: Abort.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t (i) VALUES (2)")
                throw Abort()
            }
        }
        #expect(!connection.isInTransaction)
        let count = try connection.prepare("SELECT group_concat(i) FROM t")
        #expect(try count.step())
        #expect(count.text(at: 0) == "1")
    }

    @Test func busyTimeoutWaitsThenFails() throws {
        try connection.execute("PRAGMA journal_mode = WAL")
        let other = try SQLiteConnection(path: directory.file("wrapper.db"))
        try other.setBusyTimeout(milliseconds: 150)
        try connection.begin(.immediate)
        defer { try? connection.rollback() }
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: SQLiteError.self) { try other.begin(.immediate) }
        #expect(error?.resultCode == 5)  // SQLITE_BUSY
        #expect(clock.now - started >= .milliseconds(100))
    }

    @Test func closedConnectionAndFinalizedStatementRefuseUse() throws {
        let statement = try connection.prepare("SELECT 1")
        statement.finalize()
        #expect(throws: SQLiteError.self) { try statement.step() }
        try connection.close()
        let error = #expect(throws: SQLiteError.self) { try connection.execute("SELECT 1") }
        #expect(error?.resultCode == 21)  // SQLITE_MISUSE
    }

    @Test func openingAMissingFolderFailsWithThePath() throws {
        let path = directory.file("missing/sub/x.db")
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        #expect(error?.resultCode == 14)  // SQLITE_CANTOPEN
        #expect(error?.message.contains(path) == true)
    }
}
