/// One customer's stream: where its entries are in the ledger, in timeline order, and the
/// state they add up to.
///
/// The entries are kept so that a backdated event can be put in its place and the
/// account's timeline run again; only this customer's figures can change, because every
/// effect of an event (settlement, credit, disputes) stays within its customer.
public struct CustomerAccount: Sendable, Equatable {
    public let customer: CustomerID
    /// Positions in ``Ledger/entries``, sorted by `(on, sequence)`.
    public internal(set) var entryPositions: [Int32]
    /// The state after every entry.
    public internal(set) var state: AccountState

    init(customer: CustomerID) {
        self.customer = customer
        self.entryPositions = []
        self.state = AccountState(customer: customer)
    }

    /// Runs the timeline from its first entry, collecting every violation. An entry that
    /// violates is left out and the run goes on, so one bad event does not hide the others.
    func rebuilt(entries: EntryLookup, owners: OwnerView?) -> (state: AccountState, violations: [LedgerViolation]) {
        var state = AccountState(customer: customer)
        var violations: [LedgerViolation] = []
        for position in entryPositions {
            do {
                try state.apply(entries[position], owners: owners)
            } catch {
                violations.append(error)
            }
        }
        return (state, violations)
    }
}

/// The ledger's entries seen together with those of a batch being checked, which will take
/// the next positions once committed.
struct EntryLookup: Sendable {
    let recorded: [LedgerEntry]
    var pending: [LedgerEntry] = []

    subscript(position: Int32) -> LedgerEntry {
        let index = Int(position)
        return index < recorded.count ? recorded[index] : pending[index - recorded.count]
    }

    /// How many of the entries at `positions` issue an invoice.
    func invoiceCount(at positions: [Int32]) -> Int {
        var count = 0
        for position in positions {
            let index = Int(position)
            let issues =
                if index < recorded.count {
                    if case .invoiceIssued = recorded[index].event { true } else { false }
                } else {
                    if case .invoiceIssued = pending[index - recorded.count].event { true } else { false }
                }
            if issues { count += 1 }
        }
        return count
    }

    func day(at position: Int32) -> Day {
        let index = Int(position)
        return index < recorded.count ? recorded[index].on : pending[index - recorded.count].on
    }

    /// Timeline order: business date, then log order (positions follow log order).
    func precedes(_ lhs: Int32, _ rhs: Int32) -> Bool {
        let lhsDay = day(at: lhs)
        let rhsDay = day(at: rhs)
        return lhsDay != rhsDay ? lhsDay < rhsDay : lhs < rhs
    }
}
