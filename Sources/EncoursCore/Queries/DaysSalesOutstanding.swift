/// How DSO is computed (DESIGN §5).
public enum DSOMethod: String, Sendable, Hashable, CaseIterable {
    /// Walks back month by month, consuming receivables with each month's sales.
    case countback
    /// Receivables over the last 90 days' sales, times 90.
    case simple
}

/// A DSO figure in days, rounded half-up to a tenth of a day and held exactly as tenths.
public struct DaysSalesOutstanding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var tenths: Int64

    public init(tenths: Int64) {
        self.tenths = tenths
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.tenths < rhs.tenths }

    /// `41.3`, `0.0`: the JSON number the contract shows.
    public var description: String { "\(tenths / 10).\(tenths % 10)" }

    /// `numerator / denominator` days, both positive, rounded half-up to a tenth.
    static func rounding(days numerator: Int128, per denominator: Int128) -> Self {
        let tenths = (20 * numerator + denominator) / (2 * denominator)
        return Self(tenths: Int64(tenths))
    }
}

/// The sales a DSO figure needs, summed over invoices issued by `asOf`.
struct SalesWindow: Sendable {
    let asOf: Day
    /// The current month up to `asOf`, then the 12 previous calendar months.
    var monthly: [Int64] = Array(repeating: 0, count: 13)
    var monthLengths: [Int] = []
    let monthStarts: [Day]
    /// Sales of the 90 days `asOf − 89 … asOf`.
    var last90Days: Int64 = 0

    init(asOf: Day) {
        self.asOf = asOf
        var starts: [Day] = [asOf.firstOfMonth]
        var lengths: [Int] = [asOf.dayOfMonth]
        for _ in 1..<13 {
            let previous = starts.last!.adding(days: -1).firstOfMonth
            lengths.append(Day.daysInMonth(year: previous.year, month: previous.month))
            starts.append(previous)
        }
        self.monthStarts = starts
        self.monthLengths = lengths
    }

    mutating func add(_ state: AccountState) {
        let oldest = monthStarts[12]
        let ninetyDaysAgo = asOf.adding(days: -89)
        // In place: a copied invoice state retains its id, order and dispute list.
        state.invoices.withUnsafeBufferPointer { invoices in
            for index in invoices.indices where invoices[index].issuedOn <= asOf {
                let issuedOn = invoices[index].issuedOn
                let amount = invoices[index].amount.minorUnits
                if issuedOn >= ninetyDaysAgo { last90Days += amount }
                guard issuedOn >= oldest else { continue }
                var period = 0
                while issuedOn < monthStarts[period] { period += 1 }
                monthly[period] += amount
            }
        }
    }

    mutating func add(_ other: SalesWindow) {
        for index in monthly.indices { monthly[index] += other.monthly[index] }
        last90Days += other.last90Days
    }

    func dso(receivables: Money, method: DSOMethod) -> DaysSalesOutstanding? {
        switch method {
        case .countback: countback(receivables: receivables)
        case .simple: simple(receivables: receivables)
        }
    }

    private func countback(receivables: Money) -> DaysSalesOutstanding? {
        guard monthly.contains(where: { $0 != 0 }) else { return nil }
        guard receivables.isPositive else { return DaysSalesOutstanding(tenths: 0) }
        var remaining = Int128(receivables.minorUnits)
        var days = Int128(0)
        for (period, sales) in monthly.enumerated() {
            let length = Int128(monthLengths[period])
            let sales = Int128(sales)
            if remaining > sales {
                days += length
                remaining -= sales
            } else {
                return .rounding(days: days * sales + length * remaining, per: sales)
            }
        }
        return DaysSalesOutstanding(tenths: Int64(days * 10))
    }

    private func simple(receivables: Money) -> DaysSalesOutstanding? {
        guard last90Days != 0 else { return nil }
        guard receivables.isPositive else { return DaysSalesOutstanding(tenths: 0) }
        return .rounding(days: Int128(receivables.minorUnits) * 90, per: Int128(last90Days))
    }
}

/// One customer's DSO; `nil` where DESIGN §5 says so (no sales in the window).
public struct DSOLine: Sendable, Hashable {
    public var customer: CustomerID
    public var dso: DaysSalesOutstanding?
}

/// The DSO report of DESIGN §6: the whole ledger's figure (total receivables over total
/// sales, not an average) and each customer's.
public struct DSOReport: Sendable, Hashable {
    public var asOf: Day
    public var method: DSOMethod
    public var dso: DaysSalesOutstanding?
    public var customers: [DSOLine]
}

extension Ledger {
    /// DSO on `day` by `method`, for the whole ledger and every customer registered by then
    /// (or only the one asked for, whose figure is then also the headline).
    public func dso(asOf day: Day, method: DSOMethod = .countback, customer: CustomerID? = nil) -> DSOReport {
        let empty = SalesWindow(asOf: day)
        var all = empty
        var receivables = Money.zero
        var lines: [DSOLine] = []
        for account in accountsInOrder(only: customer) {
            guard let state = state(of: account, asOf: day) else { continue }
            var window = empty
            window.add(state)
            let owed = state.receivables
            lines.append(DSOLine(customer: account.customer, dso: window.dso(receivables: owed, method: method)))
            all.add(window)
            receivables += owed
        }
        return DSOReport(
            asOf: day,
            method: method,
            dso: all.dso(receivables: receivables, method: method),
            customers: lines
        )
    }
}
