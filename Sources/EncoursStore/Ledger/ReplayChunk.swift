import EncoursCore
import Synchronization

/// Decoded log entries on their way from the reading thread to the applying one, handed
/// over by moving them.
///
/// An array would be copied out of element by element and then destroyed: a retain and a
/// release of every event's storage, about a tenth of a replay's work. The applying thread
/// moves each item out instead, and only the memory is freed.
final class ReplayChunk: @unchecked Sendable {
    // Unchecked: one thread fills the chunk, then gives it up through the ``ChunkPipe``
    // and never touches it again; the receiving thread alone drains it.
    private let items: UnsafeMutablePointer<ReplayItem>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        items = .allocate(capacity: capacity)
    }

    deinit {
        items.deinitialize(count: count)
        items.deallocate()
    }

    var isFull: Bool { count == capacity }

    func append(_ item: consuming ReplayItem) {
        precondition(count < capacity, "a replay chunk is full")
        (items + count).initialize(to: item)
        count += 1
    }

    /// Calls `body` with each item in order, moved out; the chunk is left empty.
    func drain(_ body: (consuming ReplayItem) -> Void) {
        for offset in 0..<count {
            body((items + offset).move())
        }
        count = 0
    }
}

extension ReplayChunk {
    /// Empty chunks to fill again, handed back by the thread that drained them.
    final class Spares: Sendable {
        private let chunks = Mutex<[ReplayChunk]>([])
        private let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// An empty chunk: a drained one when there is one.
        func take() -> ReplayChunk {
            chunks.withLock { $0.popLast() } ?? ReplayChunk(capacity: capacity)
        }

        func give(_ chunk: ReplayChunk) {
            precondition(chunk.count == 0, "a spare replay chunk must be drained")
            chunks.withLock { $0.append(chunk) }
        }
    }
}

/// One decoded log entry on its way from the reading thread to the applying one.
struct ReplayItem: Sendable {
    var sequence: Int64
    var account: Int
    var stream: CustomerID
    var event: Event
}
