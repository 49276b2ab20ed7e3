extension EventLog {
    /// The events whose searchable words (notes, dispute reasons, reminder notes, finance's
    /// reasons, customer names: migration 0002) match `query`, best match first (FTS5's
    /// bm25 rank, then newest), at most `limit`, optionally on one customer's file only.
    public func search(_ query: SearchQuery, customer: String? = nil, limit: Int) throws(EventLogError)
        -> [SearchHit]
    {
        try mapSQLiteError { () throws(SQLiteError) in
            let statement = try connection.prepare(
                """
                SELECT rowid, customer, type, occurred_on,
                       snippet(search_text, 3, '[', ']', '…', 16)
                FROM search_text
                WHERE search_text MATCH ?1 AND (?2 IS NULL OR customer = ?2)
                ORDER BY rank, rowid DESC
                LIMIT ?3
                """
            )
            defer { statement.finalize() }
            try statement.bind(query.expression, at: 1)
            if let customer { try statement.bind(customer, at: 2) } else { try statement.bindNull(at: 2) }
            try statement.bind(Int64(max(0, limit)), at: 3)
            var hits: [SearchHit] = []
            while try statement.step() {
                hits.append(
                    SearchHit(
                        sequence: statement.int64(at: 0),
                        customer: statement.text(at: 1),
                        type: statement.text(at: 2),
                        on: statement.text(at: 3),
                        snippet: statement.text(at: 4)
                    )
                )
            }
            return hits
        }
    }
}
