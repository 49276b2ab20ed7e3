import Dispatch
import EncoursCore
import Synchronization

/// Hands work from one thread to another in chunks, so that two stages of a long job
/// (preparing and inserting an import) run on two cores at once.
///
/// Bounded: the sender waits when `capacity` chunks are waiting, so memory stays flat
/// however long the job.
final class ChunkPipe<Chunk: Sendable>: Sendable {
    /// `nil` marks the end.
    private let chunks = Mutex<[Chunk?]>([])
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int = 8) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Blocks while the pipe is full.
    func send(_ chunk: Chunk) {
        put(chunk)
    }

    /// Says that nothing more will be sent.
    func close() {
        put(nil)
    }

    /// Blocks until a chunk is there; `nil` once the sender has closed the pipe.
    func receive() -> Chunk? {
        filled.wait()
        let chunk = chunks.withLock { $0.removeFirst() }
        free.signal()
        return chunk
    }

    private func put(_ chunk: Chunk?) {
        free.wait()
        chunks.withLock { $0.append(chunk) }
        filled.signal()
    }
}
