import Dispatch
import EncoursCore
import EncoursImport
import EncoursStore
import Foundation
import Synchronization

/// Reads the files of one `encours import` on a thread of its own, into a feed the ledger
/// appends from while the reading goes on: on a large file, parsing and SQLite's inserts
/// overlap instead of following each other.
///
/// Whatever the ledger does, the reading runs to the end of the last file, so that every
/// error of every file is reported; with any, the feed is abandoned and nothing is appended.
final class ImportReading: Sendable {
    /// What the reading found, once it is done.
    struct Outcome: Sendable {
        /// Where each event came from, in batch order, to name it in messages.
        var places: [ImportCommand.EventPlace] = []
        /// Every file's errors, as lines to print.
        var errors: [String] = []
    }

    let feed: LedgerDatabase.SubmissionFeed
    private let outcome = Mutex<Outcome?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `files` with `reader`; `report` is called on the reading thread with
    /// each file's result and the number of events it gave.
    init(
        files: [(name: String, path: String, bytes: [UInt8])],
        reader: ExportReader,
        report: @escaping @Sendable (EventReadResult, Int) -> Void
    ) {
        let byteCount = files.reduce(0) { $0 + $1.bytes.count }
        feed = LedgerDatabase.SubmissionFeed(expectedCount: byteCount / Self.typicalEventByteCount)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let read = Self.read(files, reader: reader, into: feed, report: report)
            outcome.withLock { $0 = read }
            done.signal()
        }
    }

    /// A little less than an average event line (about 150 bytes in generated ledgers and
    /// in exports): the expected count errs on the high side, which costs only address space.
    static let typicalEventByteCount = 128

    /// Waits for the reading to end.
    func wait() -> Outcome {
        done.wait()
        done.signal()
        return outcome.withLock { $0! }
    }

    private static func read(
        _ files: [(name: String, path: String, bytes: [UInt8])],
        reader: ExportReader,
        into feed: LedgerDatabase.SubmissionFeed,
        report: (EventReadResult, Int) -> Void
    ) -> Outcome {
        var reader = reader
        // Customers a file registers are known to the files after it, which must not register
        // them again (on another day: a conflict).
        let ledgerCustomers = reader.knownCustomers
        var registered: Set<CustomerID> = []
        var outcome = Outcome()
        outcome.places.reserveCapacity(feed.expectedCount)
        for (name, path, bytes) in files {
            Terminal.progress("reading \(path)")
            let earlierFiles = registered
            reader.knownCustomers = KnownCustomers { ledgerCustomers.contains($0) || earlierFiles.contains($0) }
            var count = 0
            let result = reader.read(bytes, file: name) { (events: consuming [ParsedEvent]) in
                count += events.count
                let (submissions, places) = Self.submissions(moving: events, file: name, registering: &registered)
                outcome.places.append(contentsOf: places)
                // Past the first error nothing will be appended: keep reading for the report only.
                if outcome.errors.isEmpty { feed.send(submissions) }
            }
            outcome.errors += result.errorReport
            report(result, count)
        }
        if outcome.errors.isEmpty { feed.finish() } else { feed.abandon() }
        return outcome
    }

    /// What the ledger appends of `events`, and where each came from; adds the customers
    /// they register to `registered`.
    ///
    /// Each event is moved out, from the end into arrays filled from the end, never copied:
    /// a copy retains its storage and payload, and the array's end releases them.
    private static func submissions(
        moving events: consuming [ParsedEvent],
        file: String,
        registering registered: inout Set<CustomerID>
    ) -> (submissions: [LedgerDatabase.Submission], places: [ImportCommand.EventPlace]) {
        var events = events
        let count = events.count
        var places = [ImportCommand.EventPlace](repeating: .init(file: file, line: 0, type: .noteLogged), count: count)
        let submissions = [LedgerDatabase.Submission](unsafeUninitializedCapacity: count) { buffer, initialized in
            var index = count
            while let parsed = events.popLast() {
                index -= 1
                places[index] = .init(file: file, line: parsed.line, type: parsed.event.type)
                if case .customerRegistered(let event) = parsed.event { registered.insert(event.customer) }
                (buffer.baseAddress! + index).initialize(to: .init(event: parsed.event, payload: parsed.payload))
            }
            initialized = count
        }
        return (submissions, places)
    }
}
