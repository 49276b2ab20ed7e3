import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

@Suite("Migrations")
struct MigrationTests {
    let directory: TemporaryDirectory
    var path: String { directory.file("log.db") }

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
    }

    @Test func migrationsAreAppliedOnceAndRecorded() throws {
        let log = try EventLog(path: path)
        try log.close()
        let first = try applied()
        #expect(first.map(\.version) == [1, 2, 3])
        #expect(first.map(\.name) == ["0001_event_log", "0002_search_text", "0003_search_progress"])
        #expect(first.map(\.checksum) == Migration.embedded.map(\.checksum))
        #expect(first.first.map { RecordedAt.isValid($0.appliedAt) } == true)

        // Re-opening applies nothing and rewrites nothing.
        try EventLog(path: path).close()
        #expect(try applied() == first)
    }

    @Test func databaseFromANewerSchemaIsRefused() throws {
        try EventLog(path: path).close()
        let connection = try SQLiteConnection(path: path)
        try connection.execute(
            "INSERT INTO schema_migrations VALUES (9999, '9999_future', 'x', '2030-01-01T00:00:00Z')"
        )
        try connection.close()

        let error = #expect(throws: EventLogError.self) { try EventLog(path: path) }
        #expect(error?.code == "schema_too_new")
        guard case .schemaTooNew(let databaseVersion, let known) = error else { return }
        #expect(databaseVersion == 9999)
        #expect(known == Migrator().newestVersion)
    }

    @Test func editedReleasedMigrationIsRefused() throws {
        try EventLog(path: path).close()
        let connection = try SQLiteConnection(path: path)
        try connection.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        try connection.close()

        let error = #expect(throws: EventLogError.self) { try EventLog(path: path) }
        #expect(error?.code == "schema_mismatch")
        #expect(error?.message.contains("never be edited") == true)
    }

    @Test func pendingMigrationsRunInOrderEachInItsOwnTransaction() throws {
        let base = Migration.embedded
        let newest = Migrator().newestVersion
        let second = Migration(version: newest + 1, name: "9001_add_x", sql: "CREATE TABLE x (a INTEGER);")
        let broken = Migration(version: newest + 2, name: "9002_broken", sql: "CREATE TABLE y (a INTEGER); SELEC oops;")
        let connection = try SQLiteConnection(path: path)

        let error = #expect(throws: EventLogError.self) {
            try Migrator(migrations: [broken, second] + base).migrate(connection)
        }
        #expect(error?.code == "migration_failed")
        // The embedded ones and `second` stay applied; `broken` left nothing behind (table y
        // was rolled back).
        #expect(try Migrator.applied(connection).map(\.version) == Array(1...newest + 1))
        let tables = try connection.prepare("SELECT group_concat(name) FROM sqlite_master WHERE name IN ('x', 'y')")
        #expect(try tables.step())
        #expect(tables.text(at: 0) == "x")

        #expect(try Migrator(migrations: base + [second]).migrate(connection).isEmpty)
    }

    /// Every `Migrations/*.sql` file is embedded, byte for byte, and listed in
    /// `Migration.embedded`: adding a file without its line fails here.
    @Test func embeddedMigrationsMatchTheFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        #expect(files.map { String($0.dropLast(4)) } == Migration.embedded.map(\.name))
        for (file, migration) in zip(files, Migration.embedded) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text == migration.sql, "\(file) differs from the embedded copy")
            #expect(Migration(fileName: file, sql: text) == migration)
        }
    }

    @Test func migrationFileNamesAreChecked() {
        #expect(Migration(fileName: "0002_add_index.sql", sql: "")?.version == 2)
        #expect(Migration(fileName: "add_index.sql", sql: "") == nil)
        #expect(Migration(fileName: "0002add.sql", sql: "") == nil)
        #expect(Migration(fileName: "0002_add.txt", sql: "") == nil)
    }

    private func applied() throws -> [AppliedMigration] {
        let connection = try SQLiteConnection(path: path)
        defer { try? connection.close() }
        return try Migrator.applied(connection)
    }
}
