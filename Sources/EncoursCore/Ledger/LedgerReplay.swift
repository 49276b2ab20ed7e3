import Foundation

/// Builds a ledger from a log read in sequence order, the fast way: entries are grouped by
/// customer as they come, and each account's timeline runs once at the end.
///
/// Checking an event against the ledger costs little, but doing it per event on a cold
/// start would sort and rebuild accounts again and again; a replay knows the log was
/// checked when it was written, so it only needs the final order.
public struct LedgerReplay {
    private var ledger = Ledger()
    private var lastCustomer: CustomerID?
    private var lastIndex = 0

    private var invoiceCount = 0

    /// `expectedCount`: how many entries the log holds, so memory is taken once.
    public init(expectedCount: Int = 0) {
        ledger.entries.reserveCapacity(expectedCount)
    }

    /// Adds the next recorded entry; `stream` is the customer the log filed it under.
    public mutating func add(sequence: Int64, stream: CustomerID, event: Event) {
        let index: Int
        if stream == lastCustomer {
            index = lastIndex
        } else if let existing = ledger.accountIndex[stream] {
            index = existing
        } else {
            index = ledger.accounts.count
            ledger.accounts.append(CustomerAccount(customer: stream))
            ledger.accountIndex[stream] = index
        }
        lastCustomer = stream
        lastIndex = index
        ledger.accounts[index].entryPositions.append(Int32(ledger.entries.count))
        ledger.entries.append(LedgerEntry(sequence: sequence, event: event))
        ledger.lastSequence = max(ledger.lastSequence, sequence)
        if case .invoiceIssued = event { invoiceCount += 1 }
    }

    /// Runs every account's timeline and returns the ledger, or the first violation found:
    /// a log that replays with a violation was not written by this ledger's rules.
    ///
    /// Accounts are independent, so their timelines run on two cores, each half of the
    /// accounts (by entries) on its own; the result does not depend on the split.
    public consuming func finish() throws(LedgerReplayError) -> Ledger {
        let lookup = EntryLookup(recorded: ledger.entries)
        let halves = Self.split(ledger.accounts)
        let invoicesPerHalf = invoiceCount / halves.count + 1
        let results = ledger.accounts.withUnsafeMutableBufferPointer { buffer in
            let accounts = UnsafeAccounts(buffer: buffer)
            let slots = ReplaySlots(count: halves.count)
            DispatchQueue.concurrentPerform(iterations: halves.count) { half in
                var owners = DocumentOwners()
                owners.invoices.reserveCapacity(invoicesPerHalf)
                do throws(LedgerReplayError) {
                    for index in halves[half] {
                        try accounts.buffer[index].replayTimeline(entries: lookup, owners: &owners)
                    }
                    slots.store(.success(owners), at: half)
                } catch {
                    slots.store(.failure(error), at: half)
                }
            }
            return slots.results
        }
        var owners = DocumentOwners()
        for result in results {
            switch result {
            case .success(let part): if owners.isEmpty { owners = part } else { owners.merge(part) }
            case .failure(let error): throw error
            }
        }
        ledger.owners = owners
        ledger.sortedAccountIndices = ledger.accounts.indices.sorted {
            ledger.accounts[$0].customer < ledger.accounts[$1].customer
        }
        return ledger
    }
}

extension LedgerReplay {
    /// Two ranges of account indices holding about as many entries each.
    static func split(_ accounts: [CustomerAccount]) -> [Range<Int>] {
        let total = accounts.reduce(0) { $0 + $1.entryPositions.count }
        guard accounts.count > 1, total > 10_000 else { return [accounts.indices] }
        var running = 0
        for (index, account) in accounts.enumerated() {
            running += account.entryPositions.count
            if running * 2 >= total { return [0..<(index + 1), (index + 1)..<accounts.count] }
        }
        return [accounts.indices]
    }
}

/// The accounts array seen by the replay threads; each touches only its own indices.
private struct UnsafeAccounts: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<CustomerAccount>
}

/// One result per replay thread, written once by its thread and read after all joined.
private final class ReplaySlots: @unchecked Sendable {
    private var slots: [Result<DocumentOwners, LedgerReplayError>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<DocumentOwners, LedgerReplayError>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    var results: [Result<DocumentOwners, LedgerReplayError>] {
        lock.withLock { slots.map { $0! } }
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
    mutating func replayTimeline(entries: EntryLookup, owners: inout DocumentOwners) throws(LedgerReplayError) {
        var sorted = true
        for index in entryPositions.indices.dropFirst()
        where entries.precedes(entryPositions[index], entryPositions[index - 1]) {
            sorted = false
            break
        }
        if !sorted { entryPositions.sort(by: entries.precedes) }
        var next = AccountState(customer: customer)
        for position in entryPositions {
            let entry = entries[position]
            do {
                try next.apply(entry, owners: nil)
            } catch {
                throw LedgerReplayError(customer: customer, violation: error)
            }
            owners.record(entry.event, customer: customer)
        }
        state = next
    }
}
