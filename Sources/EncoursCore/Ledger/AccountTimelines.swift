import Synchronization

/// The last step of a cold replay, shared by several threads: every entry is in place and
/// knows its account; each account's timeline is then sorted and run from its start.
///
/// Accounts never touch each other, so each thread takes accounts from a shared counter
/// until none is left (``applyAvailable()``), and one account is run by one thread only.
/// Running a timeline whole, rather than a window at a time as ``LedgerReplay`` does, also
/// keeps the account's state in the cache for all of its entries.
///
/// The entries are still in the buffer the log was read into, before it becomes the
/// ledger's array: each is moved out to be applied and moved back, by the one thread that
/// runs its account, so that no entry is copied (a copy retains and releases every
/// reference an event holds).
public final class AccountTimelines: @unchecked Sendable {
    // Unchecked: `accounts` and `entries` are written by several threads, each account and
    // its entries only by the thread that took the account's index from `next`; the rest
    // is read-only until `finish`, which runs once every thread's `applyAvailable()` has
    // returned.
    private let entries: UnsafeMutableBufferPointer<LedgerEntry>
    private let customers: [CustomerID]
    /// The entries' positions grouped by account, in log order within each account.
    private let positions: UnsafeMutableBufferPointer<Int32>
    /// Where each account's positions start; one more element than there are accounts.
    private let starts: [Int]
    private let accounts: UnsafeMutableBufferPointer<CustomerAccount>
    private var accountsMoved = false
    private let lastSequence: Int64
    private var owners = DocumentOwners()
    private let next = Atomic<Int>(0)
    private let firstFailure = Mutex<(account: Int, error: LedgerReplayError)?>(nil)

    /// How many accounts a thread takes at a time: enough to make the shared counter cheap,
    /// few enough that threads finish together.
    private static let accountsPerTake = 16

    /// `accountOfEntry[i]` is the index in `customers` of the account `entries[i]` belongs
    /// to; customers are numbered in the order they first appear in the log. `entries`
    /// must stay initialized, and untouched by anyone else, until ``finish(entries:)``.
    public init(
        entries: UnsafeMutableBufferPointer<LedgerEntry>,
        accountOfEntry: [Int32],
        customers: [CustomerID],
        lastSequence: Int64
    ) {
        precondition(accountOfEntry.count == entries.count, "one account per entry")
        self.entries = entries
        self.customers = customers
        self.lastSequence = lastSequence
        // A counting sort of the positions by account, stable: each account's in log order.
        var cursors = [Int](repeating: 0, count: customers.count + 1)
        for account in accountOfEntry { cursors[Int(account) + 1] += 1 }
        for index in customers.indices { cursors[index + 1] += cursors[index] }
        starts = cursors
        positions = .allocate(capacity: entries.count)
        for (position, account) in accountOfEntry.enumerated() {
            positions[cursors[Int(account)]] = Int32(position)
            cursors[Int(account)] += 1
        }
        accounts = .allocate(capacity: customers.count)
        for (index, customer) in customers.enumerated() {
            (accounts.baseAddress! + index).initialize(to: CustomerAccount(customer: customer))
        }
    }

    deinit {
        positions.deallocate()
        if !accountsMoved { accounts.baseAddress!.deinitialize(count: accounts.count) }
        accounts.deallocate()
    }

    /// Runs the timelines of accounts no other thread has taken, until none is left. Call it
    /// from each thread sharing the work.
    public func applyAvailable() {
        while true {
            let first = next.add(Self.accountsPerTake, ordering: .relaxed).oldValue
            guard first < customers.count else { return }
            for index in first..<min(first + Self.accountsPerTake, customers.count) {
                apply(account: index)
            }
        }
    }

    private func apply(account index: Int) {
        var account = CustomerAccount(customer: customers[index])
        account.entryPositions = Array(positions[starts[index]..<starts[index + 1]])
        do {
            try account.replayTimeline(inPlace: entries.baseAddress!)
        } catch {
            // Several threads may each meet one: keep the first account's, as a replay in
            // account order would report it.
            firstFailure.withLock { failure in
                if failure == nil || index < failure!.account { failure = (index, error) }
            }
        }
        accounts[index] = account
    }

    /// Records which customer owns each document `births` lists, in log order: one thread's
    /// share of the work, while the others apply timelines. Call it once, before
    /// ``finish(entries:)``.
    public func recordOwners(_ births: [DocumentBirths]) {
        owners = DocumentOwners(births: births, customers: customers)
    }

    /// The ledger holding `entries` (the buffer given to `init`, now an array), once every
    /// thread's ``applyAvailable()`` and ``recordOwners(_:)`` have returned; or the violation
    /// of the first account that does not replay. Call it once.
    public func finish(entries: consuming [LedgerEntry]) throws(LedgerReplayError) -> Ledger {
        precondition(!accountsMoved, "AccountTimelines.finish(entries:) called twice")
        if let failure = firstFailure.withLock({ $0 }) { throw failure.error }
        var ledger = Ledger()
        ledger.entries = entries
        ledger.accounts = Array(unsafeUninitializedCapacity: accounts.count) { buffer, count in
            buffer.baseAddress!.moveInitialize(from: accounts.baseAddress!, count: accounts.count)
            count = accounts.count
        }
        accountsMoved = true
        ledger.accountIndex.reserveCapacity(customers.count)
        for (index, customer) in customers.enumerated() { ledger.accountIndex[customer] = index }
        ledger.sortedAccountIndices = customers.indices.sorted { customers[$0] < customers[$1] }
        ledger.owners = owners
        ledger.lastSequence = lastSequence
        return ledger
    }
}
