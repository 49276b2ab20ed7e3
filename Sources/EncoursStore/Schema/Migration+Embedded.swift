extension Migration {
    /// Every migration this binary carries, oldest first.
    ///
    /// SwiftPM embeds each file of `Migrations/` (through the symlink
    /// `Sources/EncoursStore/Migrations`) as its own byte array in `PackageResources`,
    /// named after the file with the leading digit replaced (`_001_event_log_sql`), but it
    /// offers no list of them: a new migration needs one line here. The test
    /// `embeddedMigrationsMatchTheFolder` fails until the line is added.
    public static let embedded: [Migration] = [
        embed("0001_event_log.sql", PackageResources._001_event_log_sql),
        embed("0002_search_text.sql", PackageResources._002_search_text_sql),
        embed("0003_search_progress.sql", PackageResources._003_search_progress_sql),
    ]

    private static func embed(_ fileName: String, _ bytes: [UInt8]) -> Migration {
        guard let migration = Migration(fileName: fileName, sql: String(decoding: bytes, as: UTF8.self)) else {
            preconditionFailure("migration file \(fileName) is not named NNNN_words.sql")
        }
        return migration
    }
}
