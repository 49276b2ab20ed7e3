/// Builds a ledger from entries added in sequence order, on one thread: the rows after a
/// snapshot, or the ledger as it was known at an earlier sequence (``Ledger/asKnown(through:)``).
/// A cold replay of a whole log runs on two threads instead (``AccountTimelines``).
///
/// A log is mostly in date order already, so entries are applied to their accounts as they
/// come, a window at a time (``window``). An entry dated before what its account applied
/// in an earlier window (a payment recorded late) cannot be: that account is set aside and
/// its whole timeline runs once, sorted, at the end. No entry is checked twice, and the
/// result is the same as running every timeline from scratch.
public struct LedgerReplay {
    private var ledger = Ledger()
    /// Accounts that met a backdated entry, to rebuild in `finish`.
    private var deferred: [Bool] = []
    private var router = ReplayRouter()
    /// The account of each entry added and not yet applied (the last entries of the ledger).
    private var pendingAccounts: [Int32] = []
    /// Scratch space of ``applyPending()``: one count per account, all zero between calls;
    /// the accounts of the window in order of appearance; its positions grouped by account.
    private var windowCounts: [Int32] = []
    private var touched: [Int32] = []
    private var order: [Int32] = []
    /// How many entries are applied together: enough for each account to have several,
    /// few enough that they stay in the cache.
    public static let window = 1 << 16

    /// `expectedCount`: how many entries the log holds, so memory is taken once.
    public init(expectedCount: Int = 0) {
        ledger.entries.reserveCapacity(expectedCount)
    }

    /// Goes on from `ledger` (restored from a snapshot) with the entries recorded after its
    /// ``Ledger/lastSequence``, added with ``add(sequence:stream:event:)``: the result is the
    /// ledger a replay of the whole log gives. An added entry dated before what its account
    /// has applied reruns that account's timeline in ``finish()``, as in a full replay.
    public init(continuing ledger: consuming Ledger, expectedCount: Int = 0) {
        var ledger = ledger
        router = ReplayRouter(continuing: ledger)
        // The router holds the owners now and hands them back in `finish`; two holders would
        // copy the tables on the first document added.
        ledger.owners = DocumentOwners()
        ledger.entries.reserveCapacity(ledger.entries.count + expectedCount)
        deferred = Array(repeating: false, count: ledger.accounts.count)
        self.ledger = ledger
    }

    /// Adds the next recorded entry; `stream` is the customer the log filed it under.
    public mutating func add(sequence: Int64, stream: CustomerID, event: consuming Event) {
        let index = router.route(stream: stream, event: event)
        if index == ledger.accounts.count {
            ledger.accounts.append(CustomerAccount(customer: stream))
            ledger.accountIndex[stream] = index
            deferred.append(false)
        }
        ledger.entries.append(LedgerEntry(sequence: sequence, event: event))
        ledger.lastSequence = max(ledger.lastSequence, sequence)
        pendingAccounts.append(Int32(index))
        if pendingAccounts.count == Self.window { applyPending() }
    }

    /// Applies the entries added since the last call, account by account.
    ///
    /// Consecutive entries of a log belong to different customers, and an account's state
    /// is spread over many arrays and tables: applied in log order, nearly every entry would
    /// wait on memory for its account. Grouped by account, each state is brought into the
    /// cache once per window; within an account the timeline order is kept (log order, or
    /// date order when the window holds a backdated entry), and accounts never touch each
    /// other, so the result is the same.
    private mutating func applyPending() {
        guard !pendingAccounts.isEmpty else { return }
        let firstPosition = ledger.entries.count - pendingAccounts.count
        if windowCounts.count < ledger.accounts.count {
            windowCounts.append(contentsOf: repeatElement(0, count: ledger.accounts.count - windowCounts.count))
        }
        // A counting sort of the window's positions by account, stable: accounts in the order
        // they first appear, each one's entries in log order.
        touched.removeAll(keepingCapacity: true)
        for account in pendingAccounts {
            if windowCounts[Int(account)] == 0 { touched.append(account) }
            windowCounts[Int(account)] += 1
        }
        var next: Int32 = 0
        for account in touched {
            let count = windowCounts[Int(account)]
            windowCounts[Int(account)] = next
            next += count
        }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: repeatElement(0, count: pendingAccounts.count))
        for (offset, account) in pendingAccounts.enumerated() {
            order[Int(windowCounts[Int(account)])] = Int32(firstPosition + offset)
            windowCounts[Int(account)] += 1
        }
        var start = 0
        for account in touched {
            let index = Int(account)
            let end = Int(windowCounts[index])
            windowCounts[index] = 0
            // A backdated entry among the window's own is put in its place here; only one
            // dated before what the account applied in an earlier window sets it aside.
            if !isInDateOrder(order[start..<end]) {
                let entries = ledger.entries
                order[start..<end].sort { (entries[Int($0)].on, $0) < (entries[Int($1)].on, $1) }
            }
            let positions = order[start..<end]
            start = end
            ledger.accounts[index].entryPositions.append(contentsOf: positions)
            guard !deferred[index] else { continue }
            // Read in place: a copy of each entry would retain and release its storage.
            let applied = ledger.entries.withUnsafeBufferPointer { entries in
                Self.apply(positions, of: entries, to: &ledger.accounts[index].state)
            }
            if !applied { deferred[index] = true }
        }
        pendingAccounts.removeAll(keepingCapacity: true)
    }

    private func isInDateOrder(_ positions: ArraySlice<Int32>) -> Bool {
        var previous = Day(daysSinceEpoch: .min)
        for position in positions {
            let day = ledger.entries[Int(position)].on
            if day < previous { return false }
            previous = day
        }
        return true
    }

    /// Applies one account's entries of a window in order; `false` when one is dated
    /// before what the account has applied, or does not apply yet (perhaps an entry
    /// recorded later but dated earlier makes it valid, as a registration recorded after
    /// the invoices): the account's sorted rebuild decides.
    private static func apply(
        _ positions: ArraySlice<Int32>,
        of entries: UnsafeBufferPointer<LedgerEntry>,
        to state: inout AccountState
    ) -> Bool {
        for position in positions {
            if let lastDay = state.lastDay, entries[Int(position)].on < lastDay { return false }
            do {
                try state.apply(entries[Int(position)], owners: nil)
            } catch {
                return false
            }
        }
        return true
    }

    /// Runs the timelines of the accounts that met a backdated entry, and returns the
    /// ledger, or the first violation: a log that replays with one was not written by this
    /// ledger's rules.
    ///
    /// Mutating rather than consuming: the last entries are applied to the accounts in
    /// place, and a caller's copy of the replay (which `consuming` may make) would share
    /// every account's arrays and have each one copied on its first change. The replay is
    /// left empty.
    public mutating func finish() throws(LedgerReplayError) -> Ledger {
        let owners = router.owners
        router = ReplayRouter()
        applyPending()
        let lookup = EntryLookup(recorded: ledger.entries)
        for index in ledger.accounts.indices where deferred[index] {
            try ledger.accounts[index].replayTimeline(entries: lookup)
        }
        var built = Ledger()
        swap(&built, &ledger)
        deferred = []
        built.owners = owners
        built.sortedAccountIndices = built.accounts.indices.sorted {
            built.accounts[$0].customer < built.accounts[$1].customer
        }
        return built
    }
}

/// The part of a replay that only needs each entry's customer: which account it goes to,
/// and who owns the documents it creates.
public struct ReplayRouter: Sendable {
    private var accountIndex: [CustomerID: Int] = [:]
    private var lastCustomer: CustomerID?
    private var lastIndex = 0
    public private(set) var owners = DocumentOwners()

    /// `expectedCount`: how many entries will be routed, to size the owner tables once.
    public init(expectedCount: Int = 0) {
        owners.invoices.reserveCapacity(expectedCount / 3)
        owners.orders.reserveCapacity(expectedCount / 6)
    }

    /// Routes the entries recorded after `ledger`: its accounts keep their indices and its
    /// owners are extended.
    public init(continuing ledger: Ledger) {
        accountIndex = ledger.accountIndex
        owners = ledger.owners
    }

    /// The account index of `stream`: the order in which customers first appear.
    public mutating func route(stream: CustomerID, event: Event) -> Int {
        let index: Int
        if stream == lastCustomer {
            index = lastIndex
        } else if let existing = accountIndex[stream] {
            index = existing
        } else {
            index = accountIndex.count
            accountIndex[stream] = index
        }
        lastCustomer = stream
        lastIndex = index
        owners.record(event, customer: stream)
        return index
    }
}

/// A recorded log that does not replay: an entry violates the ledger's rules.
public struct LedgerReplayError: Error, Sendable, CustomStringConvertible {
    public var customer: CustomerID
    public var violation: LedgerViolation

    public var description: String {
        "recorded event seq \(violation.sequence) of customer \"\(customer)\" does not replay: \(violation)"
    }
}

extension CustomerAccount {
    /// As ``replayTimeline(entries:)``, the entries in a buffer that only this thread
    /// touches for this account: they are moved out to be applied and moved back, never
    /// copied (a copy retains and releases every reference an event holds).
    ///
    /// They are moved out all at once, into one buffer, before any is applied. They lie
    /// scattered through the log, so each is a cache miss; in a loop that does nothing else
    /// the memory fetches them together, where the applying loop would wait for each in
    /// turn (a tenth of a million-event replay's time went to those waits).
    mutating func replayTimeline(inPlace entries: UnsafeMutablePointer<LedgerEntry>) throws(LedgerReplayError) {
        let positions = entryPositions
        let timeline = UnsafeMutablePointer<LedgerEntry>.allocate(capacity: positions.count)
        defer { timeline.deallocate() }
        for (index, position) in positions.enumerated() {
            (timeline + index).moveInitialize(from: entries + Int(position), count: 1)
        }
        // Whatever happens, every entry goes back to its place.
        defer {
            for (index, position) in positions.enumerated() {
                (entries + Int(position)).moveInitialize(from: timeline + index, count: 1)
            }
        }
        var inDateOrder = true
        var invoiceCount = 0
        for index in positions.indices {
            if index > 0, timeline[index].on < timeline[index - 1].on { inDateOrder = false }
            if case .invoiceIssued = timeline[index].event { invoiceCount += 1 }
        }
        // Timeline order: business date, then log order (positions follow log order).
        var order = Array(positions.indices)
        if !inDateOrder {
            order.sort { (timeline[$0].on, positions[$0]) < (timeline[$1].on, positions[$1]) }
            entryPositions = order.map { positions[$0] }
        }
        var next = AccountState(customer: customer)
        next.reserveInvoices(invoiceCount)
        for index in order {
            // Moved out and back, as reading it in place would copy it.
            let entry = (timeline + index).move()
            defer { (timeline + index).initialize(to: entry) }
            do {
                try next.apply(entry, owners: nil)
            } catch {
                throw LedgerReplayError(customer: customer, violation: error)
            }
        }
        state = next
    }

    /// Sorts the entries into timeline order and runs them all from a new state.
    mutating func replayTimeline(entries: EntryLookup) throws(LedgerReplayError) {
        entryPositions.sort(by: entries.precedes)
        var next = AccountState(customer: customer)
        for position in entryPositions {
            do {
                try next.apply(entries[position], owners: nil)
            } catch {
                throw LedgerReplayError(customer: customer, violation: error)
            }
        }
        state = next
    }
}
