extension EventLog {
    /// Runs `body` with SQLite's page cache limited to `kibibytes`, then restores the
    /// writer's cache.
    ///
    /// A cold replay reads every page exactly once: caching them gains nothing and would
    /// add the whole writer's cache (64 MiB) to the replay's peak memory.
    public func withPageCache<Result>(kibibytes: Int, _ body: () throws -> Result) throws -> Result {
        try mapSQLiteError { () throws(SQLiteError) in try connection.execute("PRAGMA cache_size = -\(kibibytes)") }
        defer { try? connection.execute("PRAGMA cache_size = -\(Self.writerPageCacheKibibytes)") }
        return try body()
    }
}
