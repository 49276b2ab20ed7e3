import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system side of snapshots: a file read whole, and a file replaced so that a
/// crash at any moment leaves either the old snapshot or the new one, never a mix.
enum SnapshotFile {
    enum ReadOutcome {
        case missing
        case failed(String)
        case read([UInt8])
    }

    /// Reads the whole file in one buffer: the decoder then works on memory, on two cores.
    static func read(_ path: String) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENOENT ? .missing : .failed("cannot open \(path): \(describe(code))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failed("cannot stat \(path): \(describe(errno))") }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failed("\(path) is not a regular file") }
        let size = Int(status.st_size)
        // In as many pieces as there are cores, read at once: copying 100 MB out of the page
        // cache is a sizeable part of a restore, and it need not wait for one core.
        let pieces = size >= 1 << 20 ? 4 : 1
        let pieceSize = (size + pieces - 1) / pieces
        let outcomes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: pieces)
        defer { outcomes.deallocate() }
        outcomes.initialize(repeating: 0)
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
            let shared = UncheckedShare(value: (buffer: buffer.baseAddress!, outcomes: outcomes))
            // Each piece writes its own range of the buffer and its own outcome.
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let start = piece * pieceSize
                let end = min(size, start + pieceSize)
                shared.value.outcomes[piece] = readFully(
                    descriptor,
                    into: shared.value.buffer + start,
                    count: end - start,
                    at: start
                )
            }
            count = size
        }
        if let failure = outcomes.first(where: { $0 != 0 }) {
            // A short read: the file shrank while it was read (someone replaced it in place).
            if failure < 0 { return .failed("\(path) changed while it was read") }
            return .failed("cannot read \(path): \(describe(failure))")
        }
        return .read(bytes)
    }

    /// 0 when `count` bytes were read at `offset`, -1 when the file ended first, else errno.
    private static func readFully(
        _ descriptor: Int32,
        into buffer: UnsafeMutablePointer<UInt8>,
        count: Int,
        at offset: Int
    )
        -> Int32
    {
        var done = 0
        while done < count {
            let result = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if result == 0 { return -1 }
            done += result
        }
        return 0
    }

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

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
