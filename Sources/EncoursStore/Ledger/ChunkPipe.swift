import Dispatch
import EncoursCore
import Synchronization

/// Hands work from one thread to another in chunks, so that two stages of a long job (reading
/// and applying a replay; preparing and inserting an import) run on two cores at once.
///
/// Bounded: the sender waits when `capacity` chunks are waiting, so memory stays flat
/// however long the job. An empty chunk means the end.
final class ChunkPipe<Item: Sendable>: Sendable {
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

    /// Blocks until a chunk is there; an empty one means the sender is done.
    func receive() -> [Item] {
        filled.wait()
        let chunk = chunks.withLock { $0.removeFirst() }
        free.signal()
        return chunk
    }
}

/// One decoded log entry on its way from the reading thread to the applying one.
struct ReplayItem: Sendable {
    var sequence: Int64
    var account: Int
    var stream: CustomerID
    var event: Event
}
