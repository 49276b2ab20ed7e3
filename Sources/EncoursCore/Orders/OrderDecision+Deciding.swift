extension OrderDecision {
    /// Decides an order of `amount` on `day` for the account `state` (as of `day`, before
    /// the order), following docs/definitions.md, "Order decisions".
    ///
    /// The outcome, first that applies: a blocked customer is refused; over the limit is
    /// refused under the `block` policy; any cause at all is a warning (over the limit under
    /// `alert`, no limit decided, a risk in the account); otherwise accepted.
    static func decide(
        amount: Money,
        on day: Day,
        state: AccountState,
        history: DecisionHistory,
        rules: OrderRules
    ) -> OrderDecision {
        let line = state.exposureLine(asOf: day)
        let policy = state.profile.policy ?? .alert
        var decision = OrderDecision(
            customer: state.customer,
            on: day,
            amount: amount,
            outcome: .accept,
            policy: policy,
            exposureBefore: line.exposure,
            exposureAfter: line.exposure + amount,
            limit: line.limit,
            causes: [],
            waysOut: []
        )
        if state.blocked {
            decision.causes.append(.blocked(since: history.block?.since, reason: history.block?.reason))
        }
        if decision.limit == nil { decision.causes.append(.noLimit) }
        if let excess = decision.excess { decision.causes.append(.overLimit(excess: excess)) }

        let overdue = state.overdueInvoices(on: day)
        let arrears = overdue.reduce(into: Money.zero) { $0 += $1.openAmount }
        if let oldest = overdue.first {
            decision.causes.append(
                .overdueInvoices(amount: arrears, count: overdue.count, oldestDaysLate: day.days(since: oldest.dueOn))
            )
        }
        let disputes = state.openDisputes()
        if disputes.count > 0 { decision.causes.append(.openDisputes(amount: disputes.amount, count: disputes.count)) }
        let usual = state.recentOrderMedian(through: day, days: rules.unusualSizeLookbackDays)
        if let median = usual.median, usual.count >= rules.unusualSizeMinimumOrders,
            amount.minorUnits > Int64(rules.unusualSizeFactor) * median.minorUnits
        {
            decision.causes.append(
                .unusualSize(amount: amount, median: median, factor: rules.unusualSizeFactor, orders: usual.count)
            )
        }
        if let lowered = history.lowered {
            decision.causes.append(.limitLowered(from: lowered.from, to: lowered.to, on: lowered.on))
        }

        if state.blocked || (decision.excess != nil && policy == .block) {
            decision.outcome = .refuse
        } else if !decision.causes.isEmpty {
            decision.outcome = .warn
        }
        decision.waysOut = waysOut(for: decision, state: state, overdue: overdue, arrears: arrears, rules: rules)
        return decision
    }

    /// The ways out of docs/definitions.md: those that make room only when the order is
    /// over the limit; the payment plan whenever there are arrears.
    private static func waysOut(
        for decision: OrderDecision,
        state: AccountState,
        overdue: [InvoiceState],
        arrears: Money,
        rules: OrderRules
    ) -> [OrderWayOut] {
        var ways: [OrderWayOut] = []
        let terms = state.profile.termsDays ?? AccountState.defaultTermsDays
        if let needed = decision.excess, let limit = decision.limit {
            ways.append(.deposit(amount: min(needed, decision.amount), sufficient: needed <= decision.amount))
            if !overdue.isEmpty {
                var chosen: [OrderWayOut.OverdueInvoice] = []
                var total = Money.zero
                for invoice in overdue where total < needed {
                    chosen.append(.init(invoice: invoice.id, dueOn: invoice.dueOn, open: invoice.openAmount))
                    total += invoice.openAmount
                }
                let shortfall = needed > total ? needed - total : .zero
                ways.append(.payOverdue(invoices: chosen, amount: total, shortfall: shortfall))
            }
            if arrears.isPositive { ways.append(plan(arrears, on: decision.on, rules: rules)) }
            if terms > rules.shorterTermsDays {
                ways.append(
                    .shorterTerms(amount: decision.amount, termsDays: rules.shorterTermsDays, customerTermsDays: terms)
                )
            }
            ways.append(
                .temporaryLimit(
                    increase: needed,
                    limit: limit + needed,
                    until: decision.on.adding(days: terms + rules.temporaryLimitGraceDays)
                )
            )
        } else if arrears.isPositive {
            ways.append(plan(arrears, on: decision.on, rules: rules))
        }
        return ways
    }

    private static func plan(_ arrears: Money, on day: Day, rules: OrderRules) -> OrderWayOut {
        .paymentPlan(
            amount: arrears,
            instalments: OrderWayOut.Instalment.plan(
                arrears,
                count: rules.instalments,
                from: day,
                firstAfterDays: rules.firstInstalmentDays,
                everyDays: rules.instalmentIntervalDays
            )
        )
    }
}
