/// One fall of an invoice's open amount: on `day`, `amount` of it was settled by a payment,
/// a credit note or applied credit.
///
/// The ledger's state keeps only what an invoice has settled in all; penalty interest needs
/// when each part was settled, so it is read from the account's timeline again.
public struct InvoiceSettlement: Sendable, Hashable {
    public var day: Day
    public var amount: Money

    public init(day: Day, amount: Money) {
        self.day = day
        self.amount = amount
    }
}

extension Ledger {
    /// Runs the account's timeline up to the end of `day`, as ``state(of:asOf:)`` does, and
    /// records each invoice's settlements in timeline order (indexed like the state's
    /// `invoices`). `nil` when the customer was not yet registered on `day`.
    ///
    /// Replay keeps no settlement history, so snapshots and replay cost nothing for it; only
    /// a penalty question pays for one run of the timelines it reads.
    public func settlementTimeline(
        of account: CustomerAccount,
        asOf day: Day
    ) -> (state: AccountState, settlements: [[InvoiceSettlement]])? {
        var state = AccountState(customer: account.customer)
        var settlements: [[InvoiceSettlement]] = []
        var settledBefore: [Money] = []
        // Invoices with an open amount before the entry: only they can be settled by it.
        var open: [Int] = []
        for position in account.entryPositions {
            let entry = entries[Int(position)]
            guard entry.on <= day else { break }
            // A recorded timeline was checked when it was appended; it cannot fail here.
            try? state.apply(entry, owners: nil)
            switch entry.event {
            case .invoiceIssued:
                while settlements.count < state.invoices.count {
                    let index = settlements.count
                    settlements.append([])
                    settledBefore.append(state.invoices[index].settled)
                    if state.invoices[index].openAmount.isPositive { open.append(index) }
                }
            case .paymentReceived, .creditNoteIssued, .creditApplied:
                open.removeAll { index in
                    let settled = state.invoices[index].settled
                    if settled != settledBefore[index] {
                        settlements[index].append(
                            InvoiceSettlement(day: entry.on, amount: settled - settledBefore[index])
                        )
                        settledBefore[index] = settled
                    }
                    return !state.invoices[index].openAmount.isPositive
                }
            default:
                break
            }
        }
        return state.isRegistered ? (state, settlements) : nil
    }
}
