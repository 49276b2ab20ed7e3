/// A count of promises and the amount they promised.
public struct PromiseTally: Sendable, Hashable {
    public var count = 0
    public var amount = Money.zero

    public init() {}

    mutating func add(_ other: PromiseTally) {
        count += other.count
        amount += other.amount
    }
}

/// Promises by status: one customer's, or the whole ledger's.
public struct PromiseTotals: Sendable, Hashable {
    public var kept = PromiseTally()
    public var broken = PromiseTally()
    public var pending = PromiseTally()

    public init() {}

    mutating func add(_ outcome: PromiseOutcome) {
        switch outcome.status {
        case .kept: Self.count(outcome, in: &kept)
        case .broken: Self.count(outcome, in: &broken)
        case .pending: Self.count(outcome, in: &pending)
        }
    }

    mutating func add(_ totals: PromiseTotals) {
        kept.add(totals.kept)
        broken.add(totals.broken)
        pending.add(totals.pending)
    }

    private static func count(_ outcome: PromiseOutcome, in tally: inout PromiseTally) {
        tally.count += 1
        tally.amount += outcome.promise.amount
    }
}

/// One customer's promises to pay and how they stand.
public struct PromiseCustomer: Sendable, Hashable {
    public var customer: CustomerID
    /// In the order they were made.
    public var promises: [PromiseOutcome]
    public var totals: PromiseTotals
}

/// The promises-to-pay report: kept, broken and pending, per customer and for the ledger
/// (docs/api.md, "Promises to pay (contract extension)").
public struct PromiseReport: Sendable, Hashable {
    public var asOf: Day
    public var currency: String
    public var graceDays: Int
    /// Customers with at least one promise made by `asOf`, in customer-id byte order.
    public var customers: [PromiseCustomer]
    public var total: PromiseTotals
}

extension Ledger {
    /// The promises made by `day` of every customer, or one, as they stand on `day`.
    public func promises(
        asOf day: Day,
        graceDays: Int = PromiseOutcome.standardGraceDays,
        customer: CustomerID? = nil,
        currency: String = "EUR"
    ) -> PromiseReport {
        var customers: [PromiseCustomer] = []
        var total = PromiseTotals()
        for account in accountsInOrder(only: customer) where !account.state.promises.isEmpty {
            guard let state = state(of: account, asOf: day), !state.promises.isEmpty else { continue }
            let outcomes = state.promiseOutcomes(asOf: day, graceDays: graceDays)
            var totals = PromiseTotals()
            for outcome in outcomes { totals.add(outcome) }
            total.add(totals)
            customers.append(PromiseCustomer(customer: account.customer, promises: outcomes, totals: totals))
        }
        return PromiseReport(asOf: day, currency: currency, graceDays: graceDays, customers: customers, total: total)
    }
}
