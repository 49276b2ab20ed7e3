/// One line of the ageing balance ("balance âgée"): open amounts by lateness.
public struct AgeingLine: Sendable, Hashable {
    /// `nil` on the total line.
    public var customer: CustomerID?
    /// One amount per bucket, in ``AgeingBuckets/names`` order.
    public var buckets: [Money]
    /// Also counted in its bucket; reported apart so disputes can be followed.
    public var disputed: Money
    /// Unapplied credit, written as a negative amount (or zero).
    public var unapplied: Money
    /// Buckets plus unapplied: the receivables.
    public var total: Money

    init(customer: CustomerID?, bucketCount: Int) {
        self.customer = customer
        self.buckets = Array(repeating: .zero, count: bucketCount)
        self.disputed = .zero
        self.unapplied = .zero
        self.total = .zero
    }

    var isAllZero: Bool {
        disputed.isZero && unapplied.isZero && total.isZero && buckets.allSatisfy(\.isZero)
    }

    mutating func add(_ other: AgeingLine) {
        for index in buckets.indices { buckets[index] += other.buckets[index] }
        disputed += other.disputed
        unapplied += other.unapplied
        total += other.total
    }
}

/// The ageing report of DESIGN §6.
public struct AgeingReport: Sendable, Hashable {
    public var asOf: Day
    public var currency: String
    public var bucketNames: [String]
    /// Customers with any non-zero figure, in customer-id byte order.
    public var customers: [AgeingLine]
    public var total: AgeingLine
}

extension AccountState {
    /// This account's ageing line on `day`; the state must be the account as of `day`.
    public func ageingLine(asOf day: Day, buckets: AgeingBuckets) -> AgeingLine {
        var line = AgeingLine(customer: customer, bucketCount: buckets.count)
        for invoice in invoices {
            let open = invoice.openAmount
            guard open.isPositive else { continue }
            line.buckets[buckets.index(daysPastDue: day.days(since: invoice.dueOn))] += open
            line.disputed += disputedAmount(of: invoice)
            line.total += open
        }
        line.unapplied = -unappliedCredit
        line.total -= unappliedCredit
        return line
    }
}

extension Ledger {
    /// Ageing on `day` for every customer, or one.
    public func ageing(
        asOf day: Day,
        customer: CustomerID? = nil,
        buckets: AgeingBuckets = .standard,
        currency: String = "EUR"
    ) -> AgeingReport {
        var total = AgeingLine(customer: nil, bucketCount: buckets.count)
        var lines: [AgeingLine] = []
        for account in accountsInOrder(only: customer) {
            guard let state = state(of: account, asOf: day) else { continue }
            let line = state.ageingLine(asOf: day, buckets: buckets)
            guard !line.isAllZero else { continue }
            total.add(line)
            lines.append(line)
        }
        return AgeingReport(asOf: day, currency: currency, bucketNames: buckets.names, customers: lines, total: total)
    }
}
