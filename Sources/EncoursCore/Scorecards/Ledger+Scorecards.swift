extension Ledger {
    /// Every sales rep's scorecard over `period`, or only `salesRep`'s.
    ///
    /// A customer counts for the rep named on its file at the period's end (a customer
    /// handed over mid-period is measured wholly under its new rep). One pass over the
    /// accounts: balances from each account's state at `to`, flows from its timeline.
    public func scorecards(
        period: ScorecardPeriod,
        plan: CommissionPlan = CommissionPlan(),
        salesRep: SalesRepID? = nil
    ) -> ScorecardReport {
        var tallies: [SalesRepID: RepTally] = [:]
        var unassigned = 0
        let emptyWindow = SalesWindow(asOf: period.to)
        for account in accounts {
            guard let state = state(of: account, asOf: period.to) else { continue }
            guard let rep = state.profile.salesRep else {
                unassigned += 1
                continue
            }
            if let salesRep, rep != salesRep { continue }
            tallies[rep, default: RepTally(rep: rep, period: period, rate: plan.rate(for: rep), window: emptyWindow)]
                .add(state, cash: cashCollected(by: account, in: period))
        }
        let cards = tallies.values
            .map { $0.scorecard }
            .sorted { $0.salesRep < $1.salesRep }
        return ScorecardReport(period: period, salesReps: cards, unassignedCustomers: unassigned)
    }

    /// Payments dated in `period`; the timeline is in date order, so only the period's tail
    /// of it is read.
    private func cashCollected(by account: CustomerAccount, in period: ScorecardPeriod) -> Money {
        var cash = Money.zero
        for position in account.entryPositions.reversed() {
            let entry = entries[Int(position)]
            if entry.on > period.to { continue }
            if entry.on < period.from { break }
            if case .paymentReceived(let payment) = entry.event { cash += payment.amount }
        }
        return cash
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

    mutating func add(_ state: AccountState, cash: Money) {
        let period = card.period
        let rate = card.commission.rate
        card.customers += 1
        card.receivables += state.receivables
        card.cashCollected += cash
        for invoice in state.invoices {
            let open = invoice.openAmount
            let commission = rate.commission(on: invoice.amount)
            if open.isPositive {
                if invoice.dueOn < period.to { card.overdue += open }
                card.commission.held += commission
            } else if let paidOn = invoice.paidOn, period.contains(paidOn) {
                card.commission.released += commission
            }
            if period.contains(invoice.issuedOn) {
                card.sales += invoice.amount
                card.commission.earned += commission
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
