/// A row of `schema_migrations`: a migration as the database recorded applying it.
///
/// The table (created by ``Migrator``, not by a migration file, so that it exists before
/// the first one runs) is the database's own account of its schema:
///
///     CREATE TABLE schema_migrations (
///         version    INTEGER PRIMARY KEY,  -- the file's number
///         name       TEXT NOT NULL,        -- the file name without .sql
///         checksum   TEXT NOT NULL,        -- lowercase hex SHA-256 of the SQL applied
///         applied_at TEXT NOT NULL         -- UTC, 2026-11-23T11:54:40.123Z
///     )
public struct AppliedMigration: Sendable, Hashable {
    public var version: Int
    public var name: String
    public var checksum: String
    public var appliedAt: String

    public init(version: Int, name: String, checksum: String, appliedAt: String) {
        self.version = version
        self.name = name
        self.checksum = checksum
        self.appliedAt = appliedAt
    }
}
