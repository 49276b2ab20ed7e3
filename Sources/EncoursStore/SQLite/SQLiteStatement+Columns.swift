import CSQLite

/// The storage class of a column value in the current row.
public enum SQLiteColumnType: Int32, Sendable {
    case integer = 1  // SQLITE_INTEGER
    case float = 2  // SQLITE_FLOAT
    case text = 3  // SQLITE_TEXT
    case blob = 4  // SQLITE_BLOB
    case null = 5  // SQLITE_NULL
}

/// Readers for the current row. They are valid only after `step()` returned `true`.
///
/// The `...Bytes(at:)` readers are zero-copy: the buffer points into SQLite's row cache and
/// stays valid only until the next `step`, `reset` or `finalize` on this statement, so it
/// must not escape the code that reads the row. They exist for the replay scan, where
/// turning every column into a Swift value halves the throughput.
extension SQLiteStatement {
    public func columnType(at column: Int32) -> SQLiteColumnType {
        SQLiteColumnType(rawValue: sqlite3_column_type(handle, column)) ?? .null
    }

    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func int64(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The column as text (NULL reads as the empty string).
    public func text(at column: Int32) -> String {
        String(decoding: textBytes(at: column), as: UTF8.self)
    }

    /// The column as bytes (NULL reads as no bytes).
    public func blob(at column: Int32) -> [UInt8] {
        [UInt8](blobBytes(at: column))
    }

    /// The column's UTF-8 text in place, without a terminating NUL. Zero-copy; see above.
    public func textBytes(at column: Int32) -> UnsafeRawBufferPointer {
        ColumnBytes.text(handle, column)
    }

    /// The column's bytes in place. Zero-copy; see above.
    public func blobBytes(at column: Int32) -> UnsafeRawBufferPointer {
        ColumnBytes.blob(handle, column)
    }
}

/// The zero-copy column readers on a bare statement handle, for the row views a scan hands
/// to its callback (``EventRowView``, ``EventRecordRowView``).
enum ColumnBytes {
    static func text(_ handle: OpaquePointer?, _ column: Int32) -> UnsafeRawBufferPointer {
        // The pointer must be fetched before the length (SQLite's documented order): the
        // fetch may convert the value, which changes its length.
        let base = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let base, count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: count)
    }

    static func blob(_ handle: OpaquePointer?, _ column: Int32) -> UnsafeRawBufferPointer {
        let base = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let base, count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: count)
    }
}
