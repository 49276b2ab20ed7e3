import EncoursCore
import Synchronization

/// The rows of a cold replay cut into ranges, which the reading threads take in turn, each
/// range read into its own places of the ledger's entries (a ``ReplayShare``); then put
/// together in log order (``joined(into:accounts:)``).
///
/// Each thread numbers the customers it meets in its own way: numbering them across the
/// log would need the threads to agree at every row.
final class ReplayShares: @unchecked Sendable {
    // Unchecked: a range's share (and which thread read it) is written only by the thread
    // that took the range's index from `next`, a thread's numbering only by that thread,
    // and all of them are read by `joined` alone, once every reading thread has returned.
    private let ranges: [ClosedRange<Int64>]
    private let places: [ReplayShare.Places]
    private let shares: UnsafeMutableBufferPointer<ReplayShare?>
    private let readers: UnsafeMutableBufferPointer<Int>
    private let numberings: UnsafeMutableBufferPointer<CustomerNumbering>
    private let next = Atomic<Int>(0)
    /// The failure of the earliest range that failed, as a replay in log order would meet
    /// it; a failure of no range in particular (a connection) counts after every range.
    private let failure = Mutex<(range: Int, error: LedgerDatabaseError)?>(nil)

    /// `ranges` in log order; the places of row `seq` are `entries[seq - 1]` and
    /// `accounts[seq - 1]`.
    init(
        ranges: [ClosedRange<Int64>],
        threads: Int,
        entries: UnsafeMutablePointer<LedgerEntry>,
        accounts: UnsafeMutablePointer<Int32>
    ) {
        self.ranges = ranges
        places = ranges.map { range in
            let start = Int(range.lowerBound - 1)
            return ReplayShare.Places(entries: entries + start, accounts: accounts + start, capacity: range.count)
        }
        shares = .allocate(capacity: ranges.count)
        shares.initialize(repeating: nil)
        readers = .allocate(capacity: ranges.count)
        readers.initialize(repeating: 0)
        numberings = .allocate(capacity: threads)
        numberings.initialize(repeating: CustomerNumbering())
    }

    deinit {
        shares.baseAddress!.deinitialize(count: shares.count)
        shares.deallocate()
        readers.deallocate()
        numberings.baseAddress!.deinitialize(count: numberings.count)
        numberings.deallocate()
    }

    /// Reads ranges no other thread has taken, until none is left or one has failed.
    /// `thread` tells the calling thread from the others (0, 1, …); `scan(first, last, body)`
    /// is a connection's `scanRecords` over `first...last`, each thread giving its own.
    func readAvailable(thread: Int, _ scan: (Int64, Int64, (EventRecordRowView) throws -> Void) throws -> Void) {
        var numbering = CustomerNumbering()
        defer { numberings[thread] = numbering }
        while failure.withLock({ $0 == nil }) {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < ranges.count else { return }
            let range = ranges[index]
            var share = ReplayShare(places[index])
            let error = share.read(
                { body in
                    // `body` does not outlive the scan: it is only handed on to it.
                    try withoutActuallyEscaping(body) { try scan(range.lowerBound, range.upperBound, $0) }
                },
                numbering: &numbering
            )
            shares[index] = share
            readers[index] = thread
            if let error { record(error, range: index) }
        }
    }

    /// Records a failure that belongs to no range: the replay fails, after any range's.
    func fail(with error: LedgerDatabaseError) {
        record(error, range: ranges.count)
    }

    private func record(_ error: LedgerDatabaseError, range: Int) {
        failure.withLock { failure in
            if failure == nil || range < failure!.range { failure = (range, error) }
        }
    }

    /// The ranges put together: entries moved up over any gap (a row number the log does
    /// not hold), accounts numbered across the whole log in order of first appearance.
    /// On failure every entry read is destroyed.
    func joined(
        into buffer: UnsafeMutableBufferPointer<LedgerEntry>,
        accounts: UnsafeMutableBufferPointer<Int32>
    ) -> Result<ReadShares, LedgerDatabaseError> {
        if let failure = failure.withLock({ $0 }) {
            for index in shares.indices { shares[index]?.discard() }
            return .failure(failure.error)
        }
        let (customers, numbers) = CustomerNumbering.ledgerOrder(Array(numberings))
        var births: [DocumentBirths] = []
        var count = 0
        var lastSequence: Int64 = 0
        for index in shares.indices {
            // Taken out, not copied: renumbering a copy's births would copy them first.
            guard var share = shares[index].take() else { continue }
            let place = Int(ranges[index].lowerBound - 1)
            if count < place {
                (buffer.baseAddress! + count).moveInitialize(from: buffer.baseAddress! + place, count: share.count)
                (accounts.baseAddress! + count).moveInitialize(from: accounts.baseAddress! + place, count: share.count)
            }
            let ledgerNumbers = numbers[readers[index]]
            for position in count..<count + share.count {
                accounts[position] = ledgerNumbers[Int(accounts[position])]
            }
            share.births.renumberAccounts(ledgerNumbers)
            births.append(share.births)
            count += share.count
            if share.count > 0 { lastSequence = share.lastSequence }
        }
        return .success(
            ReadShares(
                count: count,
                accountOfEntry: Array(accounts[..<count]),
                births: births,
                customers: customers,
                lastSequence: lastSequence
            )
        )
    }
}

/// What reading a cold replay's rows found: how many entries, the account of each, the
/// documents each range created, the ledger's customers in order of first appearance, and
/// the last sequence read.
struct ReadShares {
    var count: Int
    var accountOfEntry: [Int32]
    var births: [DocumentBirths]
    var customers: [CustomerID]
    var lastSequence: Int64
}
