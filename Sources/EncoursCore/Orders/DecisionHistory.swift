/// What an order decision needs from the customer's past that the account state does not
/// keep: since when and why it is blocked, and whether finance lowered its limit lately.
///
/// Read by walking the customer's events up to the order's date in timeline order: a
/// customer has hundreds of events, not millions, so the walk costs microseconds.
struct DecisionHistory {
    /// The block in force: the latest `customer.blocked` not followed by an unblock.
    var block: (since: Day, reason: String?)?
    /// The latest limit decision taken in the window that lowered the effective limit.
    var lowered: (from: Money, to: Money, on: Day)?

    /// `timeline`: the customer's events dated up to `day`, in `(on, sequence)` order.
    init(timeline: some Sequence<Event>, through day: Day, loweredWindowDays: Int) {
        var limits = LimitTimeline()
        let windowStart = day.adding(days: -(loweredWindowDays - 1))
        for event in timeline {
            switch event {
            case .customerBlocked(let change):
                block = (change.on, change.reason)
            case .customerUnblocked:
                block = nil
            default:
                guard let change = limits.apply(event), event.on >= windowStart,
                    let from = change.before, let to = change.after, to < from
                else { continue }
                lowered = (from, to, event.on)
            }
        }
    }
}

/// The effective limit (docs/definitions.md, "Exposure") followed event by event, so that
/// the effect of each limit decision can be told: the limit just before it and just after,
/// on its day.
struct LimitTimeline {
    /// The latest `credit_limit` of `customer.registered`/`customer.updated`.
    private(set) var registered: Money?
    /// Every `credit_limit.set` so far, in timeline order.
    private(set) var decisions: [LimitDecision] = []

    /// The limit on `day`, as ``AccountState/effectiveLimit(on:)`` reads it.
    func effective(on day: Day) -> Money? {
        for decision in decisions.reversed() where decision.isInForce(on: day) {
            return decision.limit
        }
        return registered
    }

    /// Takes `event` into account. For an event that decides a limit (a `credit_limit.set`,
    /// or a registration or update giving `credit_limit`), returns the effective limit on
    /// its day just before and just after it; `nil` for any other event.
    mutating func apply(_ event: Event) -> (before: Money?, after: Money?)? {
        let before = effective(on: event.on)
        switch event {
        case .customerRegistered(let registered):
            guard let limit = registered.profile.creditLimit else { return nil }
            self.registered = limit
        case .customerUpdated(let updated):
            guard let limit = updated.profile.creditLimit else { return nil }
            registered = limit
        case .creditLimitSet(let decision):
            decisions.append(
                LimitDecision(
                    limit: decision.limit,
                    decidedOn: decision.on,
                    until: decision.until,
                    reason: decision.reason
                )
            )
        default:
            return nil
        }
        return (before, effective(on: event.on))
    }
}
