import EncoursCore

extension Ledger {
    /// The ledger as the log holds it, through `lastSequence` (everything by default): a
    /// cold start, or "what did we know then" for `known_at`.
    ///
    /// Two steps, each shared by two threads. The log's two halves are read and decoded at
    /// once, the second through a connection of its own (``EventLogReader``), straight into
    /// the ledger's entries; then each account's timeline is run whole, accounts taken in
    /// turn by either thread (``AccountTimelines``).
    public static func replay(_ log: EventLog, through lastSequence: Int64 = .max) throws(LedgerDatabaseError) -> Ledger
    {
        let last = min(log.lastSequence, lastSequence)
        guard last > 0 else { return Ledger() }
        let shared = last >= parallelReplayMinimum
        var outcome: Result<AccountTimelines, LedgerDatabaseError>?
        // Both steps run on the buffer that becomes the ledger's entries: the timelines move
        // each entry out and back while they apply it (see AccountTimelines).
        let entries = [LedgerEntry](unsafeUninitializedCapacity: Int(last)) { buffer, initialized in
            switch readShares(of: log, through: last, shared: shared, into: buffer) {
            case .failure(let error):
                initialized = 0
                outcome = .failure(error)
            case .success(let read):
                initialized = read.count
                let timelines = AccountTimelines(
                    entries: UnsafeMutableBufferPointer(rebasing: buffer[..<read.count]),
                    accountOfEntry: read.accountOfEntry,
                    customers: read.customers,
                    lastSequence: read.lastSequence
                )
                let helper = shared ? HelperThread { timelines.applyAvailable() } : nil
                timelines.recordOwners(read.births)
                timelines.applyAvailable()
                helper?.wait()
                outcome = .success(timelines)
            }
        }
        let timelines = try outcome!.get()
        do {
            return try timelines.finish(entries: entries)
        } catch {
            throw .unreplayable(error)
        }
    }

    /// Below this many rows a replay runs on one thread: a second connection and thread
    /// would cost more than they save.
    static let parallelReplayMinimum: Int64 = 20_000

    /// What reading the shares found: how many entries, the account of each, the documents
    /// each share created, the ledger's customers in order of first appearance, and the
    /// last sequence read.
    private struct ReadShares {
        var count: Int
        var accountOfEntry: [Int32]
        var births: [DocumentBirths]
        var customers: [CustomerID]
        var lastSequence: Int64
    }

    /// Reads rows `1...last` into `buffer`, with the (ledger-wide) account of each; the
    /// halves at once when `shared`. On failure nothing is left initialized.
    private static func readShares(
        of log: EventLog,
        through last: Int64,
        shared: Bool,
        into buffer: UnsafeMutableBufferPointer<LedgerEntry>
    ) -> Result<ReadShares, LedgerDatabaseError> {
        let capacity = Int(last)
        // A log this program wrote numbers its rows from 1 without gaps, so the first share's
        // rows fill its places exactly; a gap would be closed up below.
        let split = shared ? capacity / 2 : capacity
        let accounts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        defer { accounts.deallocate() }
        var first = ReplayShare(.init(entries: buffer.baseAddress!, accounts: accounts.baseAddress!, capacity: split))
        let path = log.path
        let places = ReplayShare.Places(
            entries: buffer.baseAddress! + split,
            accounts: accounts.baseAddress! + split,
            capacity: capacity - split
        )
        let second = shared ? HelperThread { readSecondShare(of: path, rows: Int64(split) + 1...last, into: places) } : nil
        var failure: LedgerDatabaseError?
        do {
            failure = try log.withPageCache(kibibytes: 2048) {
                first.read { body in try log.scanRecords(from: 1, through: Int64(split), body) }
            }
        } catch {
            failure = .log(error as? EventLogError ?? .misuse("\(error)"))
        }
        var secondShare = second?.wait()
        if let failure = failure ?? secondShare?.1 {
            first.discard()
            secondShare?.0.discard()
            return .failure(failure)
        }
        var customers = first.numbering.customers
        var births = [first.births]
        if var share = secondShare?.0 {
            // Close up a gap between the halves, then number the second half's accounts as
            // the whole log does: its new customers after the first half's.
            let start = first.count
            if start < split {
                (buffer.baseAddress! + start).moveInitialize(from: buffer.baseAddress! + split, count: share.count)
                (accounts.baseAddress! + start).moveInitialize(from: accounts.baseAddress! + split, count: share.count)
            }
            var ledgerIndex: [Int32] = []
            ledgerIndex.reserveCapacity(share.numbering.customers.count)
            for customer in share.numbering.customers {
                if let index = first.numbering.existingNumber(of: customer) {
                    ledgerIndex.append(Int32(index))
                } else {
                    ledgerIndex.append(Int32(customers.count))
                    customers.append(customer)
                }
            }
            for position in start..<start + share.count {
                accounts[position] = ledgerIndex[Int(accounts[position])]
            }
            share.renumberBirths(ledgerIndex)
            births.append(share.births)
        }
        let count = first.count + (secondShare?.0.count ?? 0)
        let lastSequence = (secondShare?.0.count ?? 0) > 0 ? secondShare!.0.lastSequence : first.lastSequence
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

    /// Reads `rows` into `places` through a connection of its own: the second share, on the
    /// helper thread.
    private static func readSecondShare(
        of path: String,
        rows: ClosedRange<Int64>,
        into places: ReplayShare.Places
    ) -> (ReplayShare, LedgerDatabaseError?) {
        var share = ReplayShare(places)
        do {
            let reader = try EventLogReader(path: path, pageCacheKibibytes: 2048)
            let failure = share.read { body in try reader.scanRecords(from: rows.lowerBound, through: rows.upperBound, body) }
            return (share, failure)
        } catch {
            return (share, .log(error))
        }
    }
}
