import Dispatch
import Synchronization

/// Work started on another thread, whose result the starting thread collects when it has
/// done its own part: the two halves of a job that uses both cores (a cold replay, the
/// check of a large batch).
final class HelperThread<Result: Sendable>: Sendable {
    private let result = Mutex<Result?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// Blocks until the work is done, and returns its result.
    func wait() -> Result {
        done.wait()
        return result.withLock { $0! }
    }
}
