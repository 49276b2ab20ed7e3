/// Where a customer stands against its credit limit; the first that applies (DESIGN §5).
public enum CreditStatus: String, Sendable, Hashable, CaseIterable {
    case blocked
    /// No limit decided: a gap the credit manager must close.
    case noLimit = "no_limit"
    /// Exposure strictly above the limit.
    case overLimit = "over_limit"
    /// Limit above zero and exposure at 80 % of it or more.
    case warning
    case ok
}

/// A customer's exposure ("encours"): open order book plus receivables, against its limit.
public struct ExposureLine: Sendable, Hashable {
    public var customer: CustomerID
    public var orderBook: Money
    public var receivables: Money
    public var exposure: Money
    /// `nil`: no limit decided.
    public var limit: Money?
    /// Limit − exposure; `nil` without a limit.
    public var headroom: Money?
    public var status: CreditStatus
}

/// The exposure report of DESIGN §6.
public struct ExposureReport: Sendable, Hashable {
    public var asOf: Day
    /// Every customer registered by `asOf`, in customer-id byte order.
    public var customers: [ExposureLine]
}

extension AccountState {
    /// This account's exposure on `day`; the state must be the account as of `day`.
    public func exposureLine(asOf day: Day) -> ExposureLine {
        let orderBook = self.orderBook
        let receivables = self.receivables
        let exposure = orderBook + receivables
        let limit = effectiveLimit(on: day)
        let status: CreditStatus
        if blocked {
            status = .blocked
        } else if let limit {
            if exposure > limit {
                status = .overLimit
            } else if limit.isPositive, exposure.minorUnits * 5 >= limit.minorUnits * 4 {
                status = .warning
            } else {
                status = .ok
            }
        } else {
            status = .noLimit
        }
        return ExposureLine(
            customer: customer,
            orderBook: orderBook,
            receivables: receivables,
            exposure: exposure,
            limit: limit,
            headroom: limit.map { $0 - exposure },
            status: status
        )
    }
}

extension Ledger {
    /// Exposure on `day` for every customer registered by then, or one.
    public func exposure(asOf day: Day, customer: CustomerID? = nil) -> ExposureReport {
        let lines = accountsInOrder(only: customer).compactMap { state(of: $0, asOf: day)?.exposureLine(asOf: day) }
        return ExposureReport(asOf: day, customers: lines)
    }
}
