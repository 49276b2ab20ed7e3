/// Finance's decisions on one customer's credit, in the order they take effect: every
/// limit and policy given at registration or by an update, every `credit_limit.set`, every
/// block and unblock; and where the customer stands on the query date.
///
/// "Every change records who and why": the who and the when of each decision are the log's
/// (`actor`, `recorded_at`), which the ledger does not keep, so the caller supplies them
/// as ``Attribution``s by sequence number.
public struct LimitHistory: Sendable, Hashable {
    public var customer: CustomerID
    public var asOf: Day
    /// The effective limit on `asOf`; `nil`: no limit decided.
    public var limit: Money?
    public var policy: CreditPolicy
    public var status: CreditStatus
    /// In timeline order: business date, then log order.
    public var decisions: [Decision]

    /// One event that decided something about the customer's credit.
    public struct Decision: Sendable, Hashable {
        public var sequence: Int64
        public var type: EventType
        public var on: Day
        /// The limit decided: `credit_limit.set`'s `limit`, or the registration's or
        /// update's `credit_limit`; `nil` when the event gives none.
        public var limit: Money?
        /// The last day of a temporary limit.
        public var until: Day?
        /// The policy given by a registration or an update.
        public var policy: CreditPolicy?
        /// Why: the `reason` of a `credit_limit.set` or a block.
        public var reason: String?
    }

    /// Who recorded an event and when, from the log's row.
    public struct Attribution: Sendable, Hashable {
        public var recordedAt: String
        public var actor: String

        public init(recordedAt: String, actor: String) {
            self.recordedAt = recordedAt
            self.actor = actor
        }
    }

    /// The sequence numbers whose attributions the answer needs.
    public var sequences: [Int64] { decisions.map(\.sequence) }
}

extension LimitHistory.Decision {
    /// The decision an event records, or `nil` for an event that decides nothing about
    /// credit (including a registration or update that gives neither a limit nor a policy).
    init?(_ entry: LedgerEntry) {
        let event = entry.event
        var decision = LimitHistory.Decision(sequence: entry.sequence, type: event.type, on: entry.on)
        switch event {
        case .customerRegistered(let registered):
            decision.limit = registered.profile.creditLimit
            decision.policy = registered.profile.policy
        case .customerUpdated(let updated):
            decision.limit = updated.profile.creditLimit
            decision.policy = updated.profile.policy
        case .creditLimitSet(let set):
            decision.limit = set.limit
            decision.until = set.until
            decision.reason = set.reason
        case .customerBlocked(let change), .customerUnblocked(let change):
            decision.reason = change.reason
            self = decision
            return
        default:
            return nil
        }
        guard decision.type == .creditLimitSet || decision.limit != nil || decision.policy != nil else { return nil }
        self = decision
    }
}

extension Ledger {
    /// The customer's credit decisions and its standing on `day`; `nil` when it is not
    /// registered on `day`.
    public func limitHistory(of customer: CustomerID, asOf day: Day) -> LimitHistory? {
        guard let account = account(customer), let state = state(of: account, asOf: day) else { return nil }
        let line = state.exposureLine(asOf: day)
        return LimitHistory(
            customer: customer,
            asOf: day,
            limit: line.limit,
            policy: state.profile.policy ?? .alert,
            status: line.status,
            decisions: entries(of: account).compactMap(LimitHistory.Decision.init)
        )
    }
}
