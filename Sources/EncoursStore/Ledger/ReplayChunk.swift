import EncoursCore

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

/// One decoded log entry on its way from the reading thread to the applying one.
struct ReplayItem: Sendable {
    var sequence: Int64
    var account: Int
    var stream: CustomerID
    var event: Event
}
