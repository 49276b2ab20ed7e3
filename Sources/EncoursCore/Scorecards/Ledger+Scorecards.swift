extension Ledger {
    /// Every sales rep's scorecard over `period`, or only `salesRep`'s.
    ///
    /// A customer counts for the rep named on its file at the period's end (a customer
    /// handed over mid-period is measured wholly under its new rep). Balances come from each
    /// account's state at `to`, read where it lies when nothing came after `to` (the array's
    /// getter would copy each state); the cash collected from one pass over the entries,
    /// whose memory is read in order rather than account by account.
    public func scorecards(
        period: ScorecardPeriod,
        plan: CommissionPlan = CommissionPlan(),
        salesRep: SalesRepID? = nil
    ) -> ScorecardReport {
        var slots: [SalesRepID: Int] = [:]
        var tallies: [RepTally] = []
        var slotOfAccount = [Int32](repeating: -1, count: accounts.count)
        var unassigned = 0
        let emptyWindow = SalesWindow(asOf: period.to)
        func add(_ state: AccountState, account index: Int) {
            guard let rep = state.profile.salesRep else {
                unassigned += 1
                return
            }
            if let salesRep, rep != salesRep { return }
            let slot: Int
            if let known = slots[rep] {
                slot = known
            } else {
                slot = tallies.count
                slots[rep] = slot
                tallies.append(RepTally(rep: rep, period: period, rate: plan.rate(for: rep), window: emptyWindow))
            }
            slotOfAccount[index] = Int32(slot)
            tallies[slot].add(state)
        }
        accounts.withUnsafeBufferPointer { accounts in
            for index in accounts.indices {
                if let lastDay = accounts[index].state.lastDay, lastDay <= period.to {
                    if accounts[index].state.isRegistered { add(accounts[index].state, account: index) }
                } else if let past = state(of: accounts[index], asOf: period.to) {
                    add(past, account: index)
                }
            }
        }
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where period.contains(entries[index].on) {
                guard case .paymentReceived(let payment) = entries[index].event,
                    let account = accountIndex[payment.customer]
                else { continue }
                let slot = Int(slotOfAccount[account])
                if slot >= 0 { tallies[slot].addCash(payment.amount) }
            }
        }
        let cards = tallies.map(\.scorecard).sorted { $0.salesRep < $1.salesRep }
        return ScorecardReport(period: period, salesReps: cards, unassignedCustomers: unassigned)
    }
}

/// One rep's figures while the accounts are read.
private struct RepTally {
    private var card: SalesRepScorecard
    private var window: SalesWindow

    init(rep: SalesRepID, period: ScorecardPeriod, rate: CommissionRate, window: SalesWindow) {
        self.card = SalesRepScorecard(salesRep: rep, period: period, rate: rate)
        self.window = window
    }

    /// The figures with DSO, which only the rep's customers together give.
    var scorecard: SalesRepScorecard {
        var finished = card
        finished.dso = window.dso(receivables: card.receivables, method: .countback)
        return finished
    }

    mutating func addCash(_ amount: Money) {
        card.cashCollected += amount
    }

    mutating func add(_ state: AccountState) {
        let period = card.period
        let rate = card.commission.rate
        card.customers += 1
        card.receivables += state.receivables
        // In place: a copied invoice state retains its id, order and dispute list.
        state.invoices.withUnsafeBufferPointer { invoices in
            for index in invoices.indices {
                let amount = invoices[index].amount
                let open = amount - invoices[index].settled
                if open.isPositive {
                    if invoices[index].dueOn < period.to { card.overdue += open }
                    card.commission.held += rate.commission(on: amount)
                } else if let paidOn = invoices[index].paidOn, period.contains(paidOn) {
                    card.commission.released += rate.commission(on: amount)
                }
                if period.contains(invoices[index].issuedOn) {
                    card.sales += amount
                    card.commission.earned += rate.commission(on: amount)
                }
            }
        }
        for dispute in state.disputes {
            if period.contains(dispute.openedOn) { card.disputesOpened.add(dispute) }
            if let resolvedOn = dispute.resolvedOn, period.contains(resolvedOn) {
                card.disputesResolved.add(dispute)
            }
        }
        window.add(state)
    }
}
