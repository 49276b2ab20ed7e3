import Foundation

/// Reads a whole input file into one byte array with the system's `read`, and says why when
/// it cannot.
///
/// `FileManager.contents(atPath:)` gives `Data`, which the readers would copy again into an
/// array: for a 150 MB export that is a second buffer of fresh pages for the kernel to zero,
/// a tenth of a second before anything else can start, and the cause of a failure is lost.
enum InputFile {
    static func bytes(at path: String) throws(CommandFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw failure(path, EISDIR) }
        let expected = max(Int(status.st_size), 0)
        var error: Int32 = 0
        // One byte more than the size tells a file that grew since it was measured.
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), error: &error)
        }
        if error != 0 { throw failure(path, error) }
        guard bytes.count > expected else { return bytes }
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = piece.withUnsafeMutableBytes { readFully(descriptor, into: $0, error: &error) }
            if error != 0 { throw failure(path, error) }
            bytes.append(contentsOf: piece[..<count])
            if count < piece.count { return bytes }
        }
    }

    /// Fills `buffer` from `descriptor` up to its end or the file's; how many bytes it read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, error: inout Int32)
        -> Int
    {
        var filled = 0
        while filled < buffer.count {
            let result = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if result > 0 {
                filled += result
            } else if result == 0 {
                break
            } else if errno != EINTR {
                error = errno
                break
            }
        }
        return filled
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        CommandFailure("error: cannot read \(path): \(String(cString: strerror(code)))")
    }
}
