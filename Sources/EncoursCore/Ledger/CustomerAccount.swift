/// One customer's stream: its entries in timeline order and the state they add up to.
///
/// The entries are kept so that a backdated event can be put in its place and the
/// account's timeline run again; only this customer's figures can change, because every
/// effect of an event (settlement, credit, disputes) stays within its customer.
public struct CustomerAccount: Sendable {
    public let customer: CustomerID
    /// Sorted by `(on, sequence)`.
    public internal(set) var entries: [LedgerEntry]
    /// The state after every entry.
    public internal(set) var state: AccountState

    init(customer: CustomerID) {
        self.customer = customer
        self.entries = []
        self.state = AccountState(customer: customer)
    }

    /// The account as it stood at the end of business date `day`, or `nil` when the customer
    /// was not yet registered then.
    public func state(asOf day: Day) -> AccountState? {
        if let lastDay = state.lastDay, lastDay <= day {
            return state.isRegistered ? state : nil
        }
        var past = AccountState(customer: customer)
        for entry in entries {
            guard entry.event.on <= day else { break }
            // A recorded timeline was checked when it was appended; it cannot fail here.
            try? past.apply(entry, owners: nil)
        }
        return past.isRegistered ? past : nil
    }

    /// Runs the whole timeline again from its first entry, collecting every violation.
    /// An entry that violates is left out and the run goes on, so that one bad event does
    /// not hide the others.
    static func rebuild(
        customer: CustomerID, entries: [LedgerEntry], owners: OwnerView?
    ) -> (state: AccountState, violations: [LedgerViolation]) {
        var state = AccountState(customer: customer)
        var violations: [LedgerViolation] = []
        for entry in entries {
            do {
                try state.apply(entry, owners: owners)
            } catch {
                violations.append(error)
            }
        }
        return (state, violations)
    }
}
