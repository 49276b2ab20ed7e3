import Crypto

/// One schema change: a numbered SQL file from the top-level `Migrations/` folder.
///
/// Migrations are plain SQL that never depends on application types, so the schema of a
/// database written years ago can still be rebuilt from the files alone. A migration that
/// has shipped is never edited: the database records each one's checksum and refuses to
/// open when the binary's copy differs (``EventLogError/schemaMismatch(version:reason:)``).
public struct Migration: Sendable, Hashable {
    /// The number the file name starts with (`0001_event_log.sql` is version 1).
    public let version: Int
    /// The file name without `.sql`: `0001_event_log`.
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A migration from a file named `NNNN_words.sql`; `nil` for any other name.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let name = String(fileName.dropLast(4))
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).first == "_", let version = Int(digits), version > 0
        else { return nil }
        self.init(version: version, name: name, sql: sql)
    }

    /// Lowercase hex SHA-256 of the SQL's UTF-8 bytes: what the database records to notice
    /// an edited migration.
    public var checksum: String {
        var sha256 = SHA256()
        var sql = sql
        sql.withUTF8 { sha256.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return Hex.lowercase(sha256.finalize())
    }
}
