/// Brings a database's schema up to the migrations this binary carries, each in its own
/// transaction, and refuses a database that is ahead of them or disagrees with them.
///
/// Refusing is the point: a binary that does not know a newer schema would misread or
/// damage it, and one whose migration text differs from what the database applied is not
/// running the schema it believes it is.
public struct Migrator: Sendable {
    /// Sorted by version, versions unique (checked at init).
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migration.embedded) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            precondition(earlier.version != later.version, "two migrations numbered \(later.version)")
        }
        self.migrations = sorted
    }

    /// The newest schema version this binary knows; 0 when it knows none.
    public var newestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies the pending migrations in order and returns them (empty when up to date).
    public func migrate(_ connection: SQLiteConnection) throws(EventLogError) -> [Migration] {
        let applied = try inTransaction(connection) { () throws(EventLogError) in
            try mapSQLiteError { () throws(SQLiteError) in try connection.execute(Self.createTable) }
            let applied = try Self.applied(connection)
            try check(applied)
            return applied.count
        }
        var done: [Migration] = []
        for migration in migrations.dropFirst(applied) {
            let ran = try inTransaction(connection) { () throws(EventLogError) in
                // Another process may have migrated since we looked.
                let recorded = try Self.applied(connection)
                try check(recorded)
                guard !recorded.contains(where: { $0.version == migration.version }) else { return false }
                do throws(SQLiteError) {
                    try connection.execute(migration.sql)
                } catch {
                    throw EventLogError.migrationFailed(version: migration.version, name: migration.name, cause: error)
                }
                try record(migration, connection)
                return true
            }
            if ran { done.append(migration) }
        }
        return done
    }

    /// The migrations recorded in the database, oldest first; empty before the first.
    public static func applied(_ connection: SQLiteConnection) throws(EventLogError) -> [AppliedMigration] {
        do {
            let exists = try connection.prepare(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            )
            guard try exists.step() else { return [] }
            let select = try connection.prepare(
                "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
            )
            var rows: [AppliedMigration] = []
            while try select.step() {
                rows.append(
                    AppliedMigration(
                        version: Int(select.int64(at: 0)),
                        name: select.text(at: 1),
                        checksum: select.text(at: 2),
                        appliedAt: select.text(at: 3)
                    )
                )
            }
            return rows
        } catch {
            throw EventLogError(error)
        }
    }

    /// Refuses a database ahead of this binary, or one whose history is not a prefix of
    /// this binary's migrations (an edited, renamed or skipped migration).
    private func check(_ applied: [AppliedMigration]) throws(EventLogError) {
        if let newest = applied.last, newest.version > newestVersion {
            throw .schemaTooNew(databaseVersion: newest.version, newestKnownVersion: newestVersion)
        }
        for (index, row) in applied.enumerated() {
            let expected = migrations[index]
            guard row.version == expected.version else {
                throw .schemaMismatch(
                    version: expected.version,
                    reason: "the database skipped migration \(expected.name) but applied version \(row.version)"
                )
            }
            guard row.name == expected.name, row.checksum == expected.checksum else {
                throw .schemaMismatch(
                    version: row.version,
                    reason: "the database applied \(row.name) (checksum \(row.checksum)), "
                        + "this binary carries \(expected.name) (checksum \(expected.checksum)); "
                        + "a released migration must never be edited"
                )
            }
        }
    }

    private func record(_ migration: Migration, _ connection: SQLiteConnection) throws(EventLogError) {
        do {
            let insert = try connection.prepare(
                """
                INSERT INTO schema_migrations (version, name, checksum, applied_at)
                VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                """
            )
            try insert.bind(Int64(migration.version), at: 1)
            try insert.bind(migration.name, at: 2)
            try insert.bind(migration.checksum, at: 3)
            try insert.step()
        } catch {
            throw EventLogError(error)
        }
    }

    /// `BEGIN IMMEDIATE` so two processes opening a fresh file cannot both migrate it.
    private func inTransaction<Result>(
        _ connection: SQLiteConnection,
        _ body: () throws(EventLogError) -> Result
    ) throws(EventLogError) -> Result {
        try mapSQLiteError { () throws(SQLiteError) in try connection.begin(.immediate) }
        let result: Result
        do {
            result = try body()
        } catch {
            try? connection.rollback()
            throw error
        }
        do {
            try connection.commit()
        } catch {
            try? connection.rollback()
            throw EventLogError(error)
        }
        return result
    }

    /// Created by the migrator itself: it must exist before the first migration runs.
    /// `applied_at` is the database's clock: bookkeeping, never a business time.
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """
}
