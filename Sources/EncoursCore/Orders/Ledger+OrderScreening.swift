/// An order of a batch, decided on its way into the ledger.
public struct ScreenedOrder: Sendable, Hashable {
    /// Its position in the events screened.
    public var index: Int
    public var order: OrderID
    public var decision: OrderDecision
    /// Finance's reason for letting it pass whatever the decision (`order.placed`'s `override`).
    public var override: String?

    /// A refusal nobody overrode: the batch must not be appended.
    public var isRefused: Bool { decision.outcome == .refuse && override == nil }
}

extension Ledger {
    /// Decides each new `order.placed` of `events` dated `today` or later, as if the events
    /// before it in the batch were already appended (docs/definitions.md, "Placing orders").
    ///
    /// Orders dated before `today` record decisions already taken (the invoicing export's
    /// history) and are not decided again; neither is an order whose id the ledger or an
    /// earlier event of the batch already has (a duplicate or a conflict, which the append
    /// reports itself). `events` must be the ones to append, duplicates left out; an order
    /// whose customer is not registered on its date is left to the ledger check.
    public func screenOrders(_ events: [Event], today: Day, rules: OrderRules = .standard) -> [ScreenedOrder] {
        var screened: [ScreenedOrder] = []
        var earlierOrders = Set<OrderID>()
        // Each customer's events in the batch, by position: found once, on the first order
        // to decide.
        var positions: [CustomerID: [Int]]?
        for (index, event) in events.enumerated() {
            guard case .orderPlaced(let placed) = event else { continue }
            defer { earlierOrders.insert(placed.order) }
            guard placed.on >= today, owners.orders[placed.order] == nil, !earlierOrders.contains(placed.order)
            else { continue }
            if positions == nil {
                var found: [CustomerID: [Int]] = [:]
                for (position, stream) in resolveStreams(events).streams.enumerated() {
                    if let stream { found[stream, default: []].append(position) }
                }
                positions = found
            }
            let prior = (positions![placed.customer] ?? []).prefix { $0 < index }.map {
                LedgerEntry(sequence: lastSequence + 1 + Int64($0), event: events[$0])
            }
            guard
                let decision = decideOrder(
                    customer: placed.customer,
                    amount: placed.amount,
                    on: placed.on,
                    after: prior,
                    rules: rules
                )
            else { continue }
            screened.append(
                ScreenedOrder(index: index, order: placed.order, decision: decision, override: placed.override)
            )
        }
        return screened
    }

    /// ``decideOrder(customer:amount:on:rules:)`` with `pending` entries of this customer
    /// (in log order, not yet appended) taken into account.
    private func decideOrder(
        customer: CustomerID,
        amount: Money,
        on day: Day,
        after pending: [LedgerEntry],
        rules: OrderRules
    ) -> OrderDecision? {
        guard !pending.isEmpty else { return decideOrder(customer: customer, amount: amount, on: day, rules: rules) }
        let account = self.account(customer)
        let recorded = account.map { entries(of: $0) } ?? []
        let additions = pending.sorted { ($0.on, $0.sequence) < ($1.on, $1.sequence) }
        var state: AccountState
        var timeline: [LedgerEntry]
        if let lastDay = account?.state.lastDay, lastDay > additions[0].on || lastDay > day {
            // Backdated: the customer's timeline is run again with the additions in place.
            timeline = (recorded + additions).sorted { ($0.on, $0.sequence) < ($1.on, $1.sequence) }
            state = AccountState(customer: customer)
            for entry in timeline where entry.on <= day { try? state.apply(entry, owners: nil) }
        } else {
            timeline = recorded + additions
            state = account?.state ?? AccountState(customer: customer)
            for entry in additions where entry.on <= day { try? state.apply(entry, owners: nil) }
        }
        guard state.isRegistered else { return nil }
        let history = DecisionHistory(
            timeline: timeline.lazy.prefix { $0.on <= day }.map(\.event),
            through: day,
            loweredWindowDays: rules.limitLoweredDays
        )
        return OrderDecision.decide(amount: amount, on: day, state: state, history: history, rules: rules)
    }
}

/// When and by which rules the orders of a batch are decided on their way in: the daemon's
/// today and its `[orders]` settings.
public struct OrderScreening: Sendable, Hashable {
    /// Orders dated before it are not decided again.
    public var today: Day
    public var rules: OrderRules

    public init(today: Day, rules: OrderRules) {
        self.today = today
        self.rules = rules
    }

    /// Whether any of `events` is an order this screening decides (by its date alone).
    public func concerns(_ events: some Sequence<Event>) -> Bool {
        events.contains { if case .orderPlaced(let placed) = $0 { placed.on >= today } else { false } }
    }
}
