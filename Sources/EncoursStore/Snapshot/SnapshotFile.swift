import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A snapshot file open for reading. Its header is read first, and the rest only once the
/// header shows it is worth it: a path that names some other large file (the database
/// itself, by mistake) costs 104 bytes, not its size in memory.
final class SnapshotFile {
    enum Opening {
        case missing
        case failed(String)
        case opened(SnapshotFile)
    }

    let path: String
    let size: Int
    private let descriptor: Int32

    private init(path: String, size: Int, descriptor: Int32) {
        self.path = path
        self.size = size
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    static func open(_ path: String) -> Opening {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENOENT ? .missing : .failed("cannot open \(path): \(describe(code))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return .failed("cannot stat \(path): \(describe(code))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failed("\(path) is not a regular file")
        }
        return .opened(SnapshotFile(path: path, size: Int(status.st_size), descriptor: descriptor))
    }

    private static func openForReading(_ path: String) -> Int32 {
        #if canImport(Glibc)
            Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
            Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }

    /// The first `count` bytes, or all of them when the file is shorter.
    func prefix(_ count: Int) -> Result<[UInt8], SnapshotRefusal> {
        read(count: min(count, size), pieces: 1)
    }

    /// The whole file in one buffer, read in pieces at once: copying 100 MB out of the page
    /// cache is a sizeable part of a restore, and it need not wait for one core.
    func whole() -> Result<[UInt8], SnapshotRefusal> {
        read(count: size, pieces: size >= 1 << 20 ? 4 : 1)
    }

    private func read(count: Int, pieces: Int) -> Result<[UInt8], SnapshotRefusal> {
        let pieceSize = (count + pieces - 1) / pieces
        let outcomes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: pieces)
        defer { outcomes.deallocate() }
        outcomes.initialize(repeating: 0)
        let descriptor = descriptor
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 1)) { buffer, initialized in
            let shared = UncheckedShare(value: (buffer: buffer.baseAddress!, outcomes: outcomes))
            // Each piece writes its own range of the buffer and its own outcome.
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let start = piece * pieceSize
                let end = min(count, start + pieceSize)
                shared.value.outcomes[piece] = Self.readFully(
                    descriptor,
                    into: shared.value.buffer + start,
                    count: max(0, end - start),
                    at: start
                )
            }
            initialized = count
        }
        if let failure = outcomes.first(where: { $0 != 0 }) {
            // A short read: the file shrank since it was opened (replaced in place).
            if failure < 0 { return .failure(SnapshotRefusal("\(path) changed while it was read")) }
            return .failure(SnapshotRefusal("cannot read \(path): \(describe(failure))"))
        }
        return .success(bytes)
    }

    /// 0 when `count` bytes were read at `offset`, -1 when the file ended first, else errno.
    private static func readFully(
        _ descriptor: Int32,
        into buffer: UnsafeMutablePointer<UInt8>,
        count: Int,
        at offset: Int
    ) -> Int32 {
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
}
