/// What an order gets from the credit check (docs/definitions.md, "Order decisions").
public enum OrderOutcome: String, Sendable, Hashable, CaseIterable {
    /// Within the limit and nothing in the account to worry about.
    case accept
    /// It may pass, but someone should look: over the limit under the `alert` policy, no
    /// limit decided, or a risk in the account.
    case warn
    /// It may not pass: the customer is blocked, or over the limit under the `block` policy.
    /// Only finance may let it through (`override`).
    case refuse
}

/// The credit decision on one order: the figures it rests on, why it is not a plain
/// `accept`, and what would let it pass.
///
/// A value computed from the ledger and returned to whoever performs it (the daemon
/// refuses to append, the CLI prints), as a state machine returns an action.
public struct OrderDecision: Sendable, Hashable {
    public var customer: CustomerID
    /// The order's business date D: the figures are those of D.
    public var on: Day
    public var amount: Money
    public var outcome: OrderOutcome
    public var policy: CreditPolicy
    /// Exposure on D, before the order.
    public var exposureBefore: Money
    /// Exposure with the order: before + amount.
    public var exposureAfter: Money
    /// The effective limit on D; `nil`: no limit decided.
    public var limit: Money?
    public var headroomBefore: Money? { limit.map { $0 - exposureBefore } }
    public var headroomAfter: Money? { limit.map { $0 - exposureAfter } }
    /// Empty exactly when the outcome is `accept`; in the order of ``OrderCause/Kind``.
    public var causes: [OrderCause]
    /// Empty when nothing would help (always for `accept`).
    public var waysOut: [OrderWayOut]

    /// exposure after − limit when positive: how much the order takes the customer over.
    public var excess: Money? {
        guard let limit, exposureAfter > limit else { return nil }
        return exposureAfter - limit
    }
}

/// One reason an order is not simply accepted, with its amount.
public enum OrderCause: Sendable, Hashable {
    /// Finance blocked the customer: the latest block (its day and reason when known).
    case blocked(since: Day?, reason: String?)
    /// No limit decided: finance must decide one; there is nothing to be over.
    case noLimit
    /// Exposure after the order above the limit, by `excess`.
    case overLimit(excess: Money)
    /// Invoices past due on D: their open amounts, how many, and the oldest one's days late.
    case overdueInvoices(amount: Money, count: Int, oldestDaysLate: Int)
    /// Unresolved disputes: the disputed amounts (as the ageing's `disputed`) and how many.
    case openDisputes(amount: Money, count: Int)
    /// The order is above `factor` × the median of the customer's recent orders.
    case unusualSize(amount: Money, median: Money, factor: Int, orders: Int)
    /// Finance lowered the limit recently: from, to, on.
    case limitLowered(from: Money, to: Money, on: Day)

    /// The stable names of the causes, in the order a decision lists them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case blocked
        case noLimit = "no_limit"
        case overLimit = "over_limit"
        case overdueInvoices = "overdue_invoices"
        case openDisputes = "open_disputes"
        case unusualSize = "unusual_size"
        case limitLowered = "limit_lowered"
    }

    public var kind: Kind {
        switch self {
        case .blocked: .blocked
        case .noLimit: .noLimit
        case .overLimit: .overLimit
        case .overdueInvoices: .overdueInvoices
        case .openDisputes: .openDisputes
        case .unusualSize: .unusualSize
        case .limitLowered: .limitLowered
        }
    }

    /// The cause's amount: what it weighs in the decision; `nil` for `blocked` and
    /// `no_limit`, which are not amounts.
    public var amount: Money? {
        switch self {
        case .blocked, .noLimit: nil
        case .overLimit(let excess): excess
        case .overdueInvoices(let amount, _, _): amount
        case .openDisputes(let amount, _): amount
        case .unusualSize(let amount, _, _, _): amount
        case .limitLowered(let from, let to, _): from - to
        }
    }
}

/// One way an order that is over the limit (or a customer with arrears) could pass, with
/// its figure, for the credit manager and the sales rep to agree on.
public enum OrderWayOut: Sendable, Hashable {
    /// A deposit paid with the order ("acompte"): at most the order's amount. `sufficient`
    /// is false when the customer is over the limit even without the order.
    case deposit(amount: Money, sufficient: Bool)
    /// Paying these overdue invoices, oldest due first, makes the room needed; `shortfall`
    /// is what is still missing when even all of them are not enough.
    case payOverdue(invoices: [OverdueInvoice], amount: Money, shortfall: Money)
    /// The arrears in instalments (the first carries the odd cents).
    case paymentPlan(amount: Money, instalments: [Instalment])
    /// This order's invoice at shorter terms (`0`: paid with the order).
    case shorterTerms(amount: Money, termsDays: Int, customerTermsDays: Int)
    /// A temporary limit of `limit` (the current one + `increase`) until `until`.
    case temporaryLimit(increase: Money, limit: Money, until: Day)

    /// The stable names of the ways out, in the order a decision lists them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case deposit
        case payOverdue = "pay_overdue"
        case paymentPlan = "payment_plan"
        case shorterTerms = "shorter_terms"
        case temporaryLimit = "temporary_limit"
    }

    public var kind: Kind {
        switch self {
        case .deposit: .deposit
        case .payOverdue: .payOverdue
        case .paymentPlan: .paymentPlan
        case .shorterTerms: .shorterTerms
        case .temporaryLimit: .temporaryLimit
        }
    }

    /// The way's figure: the deposit, the invoices' total, the arrears, the order, the increase.
    public var amount: Money {
        switch self {
        case .deposit(let amount, _): amount
        case .payOverdue(_, let amount, _): amount
        case .paymentPlan(let amount, _): amount
        case .shorterTerms(let amount, _, _): amount
        case .temporaryLimit(let increase, _, _): increase
        }
    }

    /// An invoice past due whose payment would make room.
    public struct OverdueInvoice: Sendable, Hashable {
        public var invoice: InvoiceID
        public var dueOn: Day
        public var open: Money

        public init(invoice: InvoiceID, dueOn: Day, open: Money) {
            self.invoice = invoice
            self.dueOn = dueOn
            self.open = open
        }
    }

    /// One payment of a plan.
    public struct Instalment: Sendable, Hashable {
        public var dueOn: Day
        public var amount: Money

        public init(dueOn: Day, amount: Money) {
            self.dueOn = dueOn
            self.amount = amount
        }
    }
}
