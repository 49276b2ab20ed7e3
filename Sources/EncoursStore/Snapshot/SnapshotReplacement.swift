#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a new snapshot in place so that a crash at any moment leaves either the previous
/// snapshot or the new one, whole, never a mix or a half-written file.
enum SnapshotReplacement {
    /// Writes `chunks` to a temporary file next to `path`, syncs it, renames it over `path`
    /// and syncs the folder, so that the rename itself survives a power cut.
    static func replace(_ path: String, with chunks: [[UInt8]]) throws(LedgerSnapshotError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        var closed = false
        defer { if !closed { close(descriptor) } }
        do throws(LedgerSnapshotError) {
            for chunk in chunks {
                let written = chunk.withUnsafeBytes { buffer in
                    Result { () throws(LedgerSnapshotError) in try writeAll(descriptor, buffer, path: temporary) }
                }
                try written.get()
            }
            guard fsync(descriptor) == 0 else { throw failure("cannot sync \(temporary)") }
            closed = true
            guard close(descriptor) == 0 else { throw failure("cannot close \(temporary)") }
            guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary) to \(path)") }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncFolder(of: path)
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, path: String)
        throws(LedgerSnapshotError)
    {
        var done = 0
        while done < buffer.count {
            let result = writeSome(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write \(path)")
            }
            done += result
        }
    }

    private static func syncFolder(of path: String) throws(LedgerSnapshotError) {
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open the folder \(folder) to sync it") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync the folder \(folder)") }
    }

    private static func writeSome(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #else
            Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func failure(_ what: String) -> LedgerSnapshotError {
        LedgerSnapshotError("\(what): \(describe(errno))")
    }
}

/// The system's text for an `errno` value.
func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
}
