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
    public consuming func finish() throws(LedgerReplayError) -> Ledger {
        var owners = DocumentOwners()
        owners.invoices.reserveCapacity(invoiceCount)
        let lookup = EntryLookup(recorded: ledger.entries)
        for index in ledger.accounts.indices {
            try ledger.accounts[index].replayTimeline(entries: lookup, owners: &owners)
        }
        ledger.owners = owners
        ledger.sortedAccountIndices = ledger.accounts.indices.sorted {
            ledger.accounts[$0].customer < ledger.accounts[$1].customer
        }
        return ledger
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
