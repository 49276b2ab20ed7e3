extension Ledger {
    /// The decision on an order of `amount` for `customer` on `day` (the check a sales rep
    /// or a script asks before confirming an order); `nil` when the customer is not
    /// registered on `day`.
    public func decideOrder(
        customer: CustomerID,
        amount: Money,
        on day: Day,
        rules: OrderRules = .standard
    ) -> OrderDecision? {
        guard let account = account(customer), let state = state(of: account, asOf: day) else { return nil }
        let timeline = account.entryPositions.lazy.map { entries[Int($0)] }.prefix { $0.on <= day }.map(\.event)
        let history = DecisionHistory(timeline: timeline, through: day, loweredWindowDays: rules.limitLoweredDays)
        return OrderDecision.decide(amount: amount, on: day, state: state, history: history, rules: rules)
    }
}
