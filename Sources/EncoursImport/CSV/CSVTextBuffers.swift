import Synchronization

/// Memory for the chunks' UTF-8 text, handed from one chunk to the next.
///
/// A chunk's text is needed only while the chunk is converted; fresh memory for each costs
/// the kernel a page fault per 4 KB (some 27,000 for a 110 MB export), memory used again
/// costs nothing.
final class CSVTextBuffers: Sendable {
    /// A buffer this type allocated and alone hands out, one borrower at a time.
    private struct Buffer: @unchecked Sendable {
        var bytes: UnsafeMutableBufferPointer<UInt8>
    }

    private let free = Mutex<[Buffer]>([])

    /// Lends `body` a buffer of at least `count` bytes.
    func withBuffer<T>(count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> T) -> T {
        var buffer = free.withLock { $0.popLast() } ?? Buffer(bytes: UnsafeMutableBufferPointer(start: nil, count: 0))
        if buffer.bytes.count < count {
            buffer.bytes.deallocate()
            // A little more than asked: the next chunk is about as long, maybe longer.
            buffer.bytes = .allocate(capacity: count + count / 8)
        }
        defer { free.withLock { $0.append(buffer) } }
        return body(buffer.bytes)
    }

    deinit {
        free.withLock { buffers in
            for buffer in buffers { buffer.bytes.deallocate() }
        }
    }
}
