import Dispatch
import EncoursCore
import Synchronization

/// The ledger check of one batch (``Ledger/prepare(_:)``), run either at once or on another
/// core while the rows are being inserted.
///
/// Inserting a large import costs seconds of SQLite work that does not depend on the
/// check's outcome, and the check is a pure function of a ledger value: running them side
/// by side makes an import about as long as the slower of the two. The check is waited for
/// before the commit, and vetoes it when it fails.
final class BatchCheck: Sendable {
    private let outcome = Mutex<Result<PreparedBatch, BatchRejection>?>(nil)
    private let done = DispatchSemaphore(value: 0)
    let isRunningConcurrently: Bool

    init(ledger: Ledger, events: [Event], resolution: StreamResolution, concurrently: Bool) {
        isRunningConcurrently = concurrently
        if concurrently {
            DispatchQueue.global(qos: .userInitiated).async {
                self.finish(ledger.prepare(events, resolution: resolution))
            }
        } else {
            finish(ledger.prepare(events, resolution: resolution))
        }
    }

    private func finish(_ result: Result<PreparedBatch, BatchRejection>) {
        outcome.withLock { $0 = result }
        done.signal()
    }

    /// Blocks until the check has finished; later calls return at once.
    func wait() {
        done.wait()
        done.signal()
    }

    var prepared: PreparedBatch? {
        wait()
        return outcome.withLock { if case .success(let batch) = $0 { batch } else { nil } }
    }

    var rejection: BatchRejection? {
        wait()
        return outcome.withLock { if case .failure(let rejection) = $0 { rejection } else { nil } }
    }
}
