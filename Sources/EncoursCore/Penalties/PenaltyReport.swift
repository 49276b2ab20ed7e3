/// Sums of penalty lines: one customer's, or the whole ledger's.
public struct PenaltyTotals: Sendable, Hashable {
    public var overdue = Money.zero
    public var interest = Money.zero
    public var indemnity = Money.zero

    public var total: Money { interest + indemnity }

    public init() {}

    mutating func add(_ line: PenaltyLine) {
        overdue += line.overdue
        interest += line.interest
        indemnity += line.indemnity
    }

    mutating func add(_ totals: PenaltyTotals) {
        overdue += totals.overdue
        interest += totals.interest
        indemnity += totals.indemnity
    }
}

/// One customer's late invoices and what they owe in penalties: the figure a credit manager
/// claims (or waives) customer by customer.
public struct PenaltyCustomer: Sendable, Hashable {
    public var customer: CustomerID
    /// By due date, then invoice id (byte order).
    public var invoices: [PenaltyLine]
    public var totals: PenaltyTotals
}

/// The late-payment penalties report: every invoice late on `asOf`, grouped by customer, with
/// per-customer and ledger totals (docs/api.md, "Penalties (contract extension)").
public struct PenaltyReport: Sendable, Hashable {
    public var asOf: Day
    public var currency: String
    /// Customers with at least one late invoice, in customer-id byte order.
    public var customers: [PenaltyCustomer]
    public var total: PenaltyTotals
}

extension Ledger {
    /// Late-payment penalties on `day` for every customer registered by then, or one.
    ///
    /// Throws when a day that accrues interest falls in a half-year `rates` does not hold.
    public func penalties(
        asOf day: Day,
        customer: CustomerID? = nil,
        rates: PenaltyRates = .shipped,
        currency: String = "EUR"
    ) throws(PenaltyRateMissing) -> PenaltyReport {
        var customers: [PenaltyCustomer] = []
        var total = PenaltyTotals()
        for account in accountsInOrder(only: customer) {
            guard let line = try penalties(of: account, asOf: day, rates: rates) else { continue }
            total.add(line.totals)
            customers.append(line)
        }
        return PenaltyReport(asOf: day, currency: currency, customers: customers, total: total)
    }

    /// One account's late invoices on `day`; `nil` when it has none or was not registered.
    public func penalties(
        of account: CustomerAccount,
        asOf day: Day,
        rates: PenaltyRates = .shipped
    ) throws(PenaltyRateMissing) -> PenaltyCustomer? {
        guard let timeline = settlementTimeline(of: account, asOf: day) else { return nil }
        var lines: [PenaltyLine] = []
        for (index, invoice) in timeline.state.invoices.enumerated() {
            let line = try PenaltyLine.of(
                invoice,
                customer: account.customer,
                settlements: timeline.settlements[index],
                asOf: day,
                rates: rates
            )
            if let line { lines.append(line) }
        }
        guard !lines.isEmpty else { return nil }
        lines.sort { $0.dueOn != $1.dueOn ? $0.dueOn < $1.dueOn : $0.invoice < $1.invoice }
        var totals = PenaltyTotals()
        for line in lines { totals.add(line) }
        return PenaltyCustomer(customer: account.customer, invoices: lines, totals: totals)
    }
}
