import Dispatch
import EncoursCore
import Synchronization

/// Hands decoded log entries from the thread reading SQLite to the thread applying them, in
/// chunks, so that reading and applying a cold replay run on two cores at once.
///
/// Bounded: the reader waits when `capacity` chunks are waiting, so memory stays flat
/// however long the log.
final class ReplayPipe: Sendable {
    struct Item: Sendable {
        var sequence: Int64
        var account: Int
        var stream: CustomerID
        var event: Event
    }

    private let chunks = Mutex<[[Item]]>([])
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int = 8) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Blocks while the pipe is full. An empty chunk means the end.
    func send(_ chunk: [Item]) {
        free.wait()
        chunks.withLock { $0.append(chunk) }
        filled.signal()
    }

    /// Blocks until a chunk is there; an empty one means the reader is done.
    func receive() -> [Item] {
        filled.wait()
        let chunk = chunks.withLock { $0.removeFirst() }
        free.signal()
        return chunk
    }
}
