import CSQLite

/// `SQLITE_STATIC`: SQLite reads the bound bytes where they are, when it steps.
private var staticDestructor: sqlite3_destructor_type? { nil }

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind call returns.
///
/// The C macro is `((sqlite3_destructor_type)-1)`, which Swift cannot import. Copying is
/// what makes binding from a temporary buffer (`String.withUTF8`) safe: the buffer is only
/// valid inside the closure, while SQLite reads bound values later, during `step`.
private var transientDestructor: sqlite3_destructor_type {
    unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
}

extension SQLiteStatement {
    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(liveHandle(), index, value))
    }

    public func bind(_ text: String, at index: Int32) throws(SQLiteError) {
        var text = text
        let statement = try liveHandle()
        try check(text.withUTF8 { bindText(statement, index, UnsafeRawBufferPointer($0), transientDestructor) })
    }

    /// Binds UTF-8 bytes as TEXT (copied), for callers that already hold them.
    public func bind(text bytes: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        try check(bindText(liveHandle(), index, bytes, transientDestructor))
    }

    /// Binds UTF-8 bytes as TEXT without copying them (`SQLITE_STATIC`).
    ///
    /// Saves SQLite an allocation and a copy per value, which shows on the bulk insert
    /// path. The caller must keep the bytes valid and unchanged for as long as the
    /// statement may read this binding: until the parameter is bound again, or
    /// `clearBindings()` or `finalize()` is called. Stepping after the bytes are freed
    /// reads freed memory.
    public func bindWithoutCopy(text bytes: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        try check(bindText(liveHandle(), index, bytes, staticDestructor))
    }

    /// Binds bytes as a BLOB without copying them (`SQLITE_STATIC`); the same contract as
    /// ``bindWithoutCopy(text:at:)``.
    public func bindWithoutCopy(blob bytes: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        try check(bindBlob(liveHandle(), index, bytes, staticDestructor))
    }

    /// Binds bytes as a BLOB (copied). An empty buffer binds an empty BLOB, not NULL.
    public func bind(blob bytes: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        try check(bindBlob(liveHandle(), index, bytes, transientDestructor))
    }

    public func bind(blob bytes: [UInt8], at index: Int32) throws(SQLiteError) {
        let statement = try liveHandle()
        try check(bytes.withUnsafeBytes { bindBlob(statement, index, $0, transientDestructor) })
    }

    public func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(liveHandle(), index))
    }

    private func bindText(
        _ statement: OpaquePointer,
        _ index: Int32,
        _ bytes: UnsafeRawBufferPointer,
        _ destructor: sqlite3_destructor_type?
    ) -> Int32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            // A nil pointer would bind NULL; the empty string is a value.
            return sqlite3_bind_text(statement, index, "", 0, transientDestructor)
        }
        return sqlite3_bind_text(
            statement,
            index,
            base.assumingMemoryBound(to: CChar.self),
            Int32(bytes.count),
            destructor
        )
    }

    private func bindBlob(
        _ statement: OpaquePointer,
        _ index: Int32,
        _ bytes: UnsafeRawBufferPointer,
        _ destructor: sqlite3_destructor_type?
    ) -> Int32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            // A nil pointer would bind NULL; an empty BLOB is a value.
            return sqlite3_bind_zeroblob(statement, index, 0)
        }
        return sqlite3_bind_blob(statement, index, base, Int32(bytes.count), destructor)
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw failure(code) }
    }
}
