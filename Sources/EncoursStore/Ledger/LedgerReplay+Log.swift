import EncoursCore

extension Ledger {
    /// The ledger as the log holds it, through `lastSequence` (everything by default): a
    /// cold start, or "what did we know then" for `known_at`.
    ///
    /// Two steps, each shared by two threads. The log's rows are read and decoded straight
    /// into the ledger's entries, ranges of them taken in turn by either thread, each
    /// through a connection of its own (``ReplayShares``, ``EventLogReader``); then each
    /// account's timeline is run whole, accounts taken in turn (``AccountTimelines``).
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

    /// Reads rows `1...last` into `buffer`, with the (ledger-wide) account of each; on two
    /// threads when `shared`. On failure nothing is left initialized.
    ///
    /// The rows are cut into ranges that the two threads take in turn, each through its own
    /// connection: halves fixed in advance left one thread waiting for the other (a
    /// twentieth of the replay, more when the machine was busy), as the events of one half
    /// can cost more to decode than the other's.
    private static func readShares(
        of log: EventLog,
        through last: Int64,
        shared: Bool,
        into buffer: UnsafeMutableBufferPointer<LedgerEntry>
    ) -> Result<ReadShares, LedgerDatabaseError> {
        let capacity = Int(last)
        let accounts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        defer { accounts.deallocate() }
        // A log this program wrote numbers its rows from 1 without gaps, so each range's
        // rows fill its places exactly; gaps are closed up below.
        let rangeCount = shared ? readRangeCount : 1
        let ranges = (0..<rangeCount).map { index in
            Int64(capacity * index / rangeCount + 1)...Int64(capacity * (index + 1) / rangeCount)
        }
        let shares = ReplayShares(
            ranges: ranges,
            threads: shared ? 2 : 1,
            entries: buffer.baseAddress!,
            accounts: accounts.baseAddress!
        )
        let path = log.path
        let helper =
            shared
            ? HelperThread {
                let reader: EventLogReader
                do throws(EventLogError) {
                    reader = try EventLogReader(path: path, pageCacheKibibytes: 2048)
                } catch {
                    return shares.fail(with: .log(error))
                }
                shares.readAvailable(thread: 1) { first, last, body in
                    try reader.scanRecords(from: first, through: last, body)
                }
            } : nil
        do {
            try log.withPageCache(kibibytes: 2048) {
                shares.readAvailable(thread: 0) { first, last, body in
                    try log.scanRecords(from: first, through: last, body)
                }
            }
        } catch {
            shares.fail(with: .log(error as? EventLogError ?? .misuse("\(error)")))
        }
        helper?.wait()
        return shares.joined(into: buffer, accounts: accounts)
    }

    /// How many ranges a shared replay's rows are cut into: enough for the two threads to
    /// end together, few enough that starting each scan costs nothing.
    static let readRangeCount = 32
}
