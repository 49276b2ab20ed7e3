/// A count of disputes and the amounts they were opened for.
public struct DisputeTally: Sendable, Hashable {
    public var count = 0
    public var amount = Money.zero

    public init() {}

    mutating func add(_ dispute: DisputeState) {
        count += 1
        amount += dispute.amount
    }

    mutating func add(_ other: DisputeTally) {
        count += other.count
        amount += other.amount
    }
}

/// Commission on a rep's invoices: earned when invoiced, held until fully paid, released then.
public struct CommissionFigures: Sendable, Hashable {
    public var rate: CommissionRate
    /// On the invoices issued in the period.
    public var earned = Money.zero
    /// On the invoices issued by the period's end that are not fully paid then.
    public var held = Money.zero
    /// On the invoices that became fully paid in the period.
    public var released = Money.zero

    public init(rate: CommissionRate) {
        self.rate = rate
    }
}

/// What a sales rep is measured on (DESIGN §1): the receivables of their customers, what is
/// overdue and disputed, DSO, the cash collected, and the commission held until payment.
public struct SalesRepScorecard: Sendable, Hashable {
    public var salesRep: SalesRepID
    public var period: ScorecardPeriod
    /// Customers registered by the period's end whose sales rep is this one then.
    public var customers = 0
    /// Receivables at the period's end (open amounts − unapplied credit).
    public var receivables = Money.zero
    /// Open amounts past due at the period's end.
    public var overdue = Money.zero
    /// Amounts of invoices issued in the period.
    public var sales = Money.zero
    /// Payments received in the period, whatever they settled.
    public var cashCollected = Money.zero
    public var disputesOpened = DisputeTally()
    public var disputesResolved = DisputeTally()
    /// Countback DSO at the period's end over these customers together; `nil` without sales.
    public var dso: DaysSalesOutstanding?
    public var commission: CommissionFigures

    init(salesRep: SalesRepID, period: ScorecardPeriod, rate: CommissionRate) {
        self.salesRep = salesRep
        self.period = period
        self.commission = CommissionFigures(rate: rate)
    }
}

/// Every rep's scorecard for one period, in sales-rep id byte order, and the team's totals.
public struct ScorecardReport: Sendable, Hashable {
    public var period: ScorecardPeriod
    public var salesReps: [SalesRepScorecard]
    /// Registered customers with no sales rep: in no scorecard, counted so nothing hides.
    public var unassignedCustomers: Int
}
