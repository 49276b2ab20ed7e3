/// Builds a ledger from a log read in sequence order, the fast way.
///
/// A log is mostly in date order already, so each entry is applied to its account as it
/// comes, while the next ones are still being read. An entry dated before what its account
/// has already applied (a payment recorded late) cannot be: that account is set aside and
/// its whole timeline runs once, sorted, at the end. No entry is checked twice, and the
/// result is the same as running every timeline from scratch.
public struct LedgerReplay {
    private var ledger = Ledger()
    /// Accounts that met a backdated entry, to rebuild in `finish`.
    private var deferred: [Bool] = []
    /// For callers that route entries themselves (``add(sequence:stream:event:)``).
    private var router = ReplayRouter()

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
    public mutating func add(sequence: Int64, stream: CustomerID, event: Event) {
        let account = router.route(stream: stream, event: event)
        add(sequence: sequence, account: account, stream: stream, event: event)
    }

    /// Adds the next recorded entry, routed by a ``ReplayRouter`` that sees every entry in
    /// the same order (possibly on another thread).
    public mutating func add(sequence: Int64, account index: Int, stream: CustomerID, event: Event) {
        if index == ledger.accounts.count {
            ledger.accounts.append(CustomerAccount(customer: stream))
            ledger.accountIndex[stream] = index
            deferred.append(false)
        }
        let entry = LedgerEntry(sequence: sequence, event: event)
        ledger.accounts[index].entryPositions.append(Int32(ledger.entries.count))
        ledger.entries.append(entry)
        ledger.lastSequence = max(ledger.lastSequence, sequence)
        guard !deferred[index] else { return }
        if let lastDay = ledger.accounts[index].state.lastDay, entry.on < lastDay {
            deferred[index] = true
            return
        }
        do {
            try ledger.accounts[index].state.apply(entry, owners: nil)
        } catch {
            // Perhaps an entry recorded later but dated earlier makes this one valid (a
            // registration recorded after the invoices): the sorted rebuild decides.
            deferred[index] = true
        }
    }

    /// Runs the timelines of the accounts that met a backdated entry, and returns the
    /// ledger, or the first violation: a log that replays with one was not written by this
    /// ledger's rules.
    public consuming func finish() throws(LedgerReplayError) -> Ledger {
        let owners = router.owners
        return try finish(owners: owners)
    }

    /// As ``finish()``, with the owners the caller's ``ReplayRouter`` collected.
    public consuming func finish(owners: DocumentOwners) throws(LedgerReplayError) -> Ledger {
        let lookup = EntryLookup(recorded: ledger.entries)
        for index in ledger.accounts.indices where deferred[index] {
            try ledger.accounts[index].replayTimeline(entries: lookup)
        }
        ledger.owners = owners
        ledger.sortedAccountIndices = ledger.accounts.indices.sorted {
            ledger.accounts[$0].customer < ledger.accounts[$1].customer
        }
        return ledger
    }
}

/// The part of a replay that only needs each entry's customer: which account it goes to,
/// and who owns the documents it creates. It can run on the thread reading the log while
/// ``LedgerReplay`` applies entries on another.
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
