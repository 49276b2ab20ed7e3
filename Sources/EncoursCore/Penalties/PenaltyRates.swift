/// The annual rates late-payment interest is charged at, by half-year: the ECB main
/// refinancing operations rate in force on 1 January or 1 July, plus a margin (10 points by
/// law unless the contract says otherwise).
///
/// Rates are whole basis points (1/100 of a percent), never floating point: the interest is
/// computed exactly from them. The product ships a table (``shipped``); configuration adds
/// half-years the table does not know yet or corrects one (``overriding(_:)``). A day whose
/// half-year is not in the table has no rate: asking for it is an error the caller reports,
/// never a silent 0.
public struct PenaltyRates: Sendable, Hashable {
    /// The ECB main refinancing operations rate in force on the first day of each half-year,
    /// in basis points (`215` is 2.15 %).
    public private(set) var ecbRates: [HalfYear: Int]
    /// Added to the ECB rate, in basis points (`1000` is 10 points).
    public var marginBasisPoints: Int

    /// The statutory margin of Code de commerce L441-10: 10 points.
    public static let statutoryMarginBasisPoints = 1000

    public init(ecbRates: [HalfYear: Int], marginBasisPoints: Int = PenaltyRates.statutoryMarginBasisPoints) {
        self.ecbRates = ecbRates
        self.marginBasisPoints = marginBasisPoints
    }

    /// These rates with `entries` added, replacing the table's value for a half-year they name.
    public func overriding(_ entries: [HalfYear: Int]) -> PenaltyRates {
        var rates = self
        rates.ecbRates.merge(entries) { _, configured in configured }
        return rates
    }

    /// The annual penalty rate of `half`, in basis points: its ECB rate plus the margin.
    public func annualBasisPoints(for half: HalfYear) -> Int? {
        ecbRates[half].map { $0 + marginBasisPoints }
    }
}

/// A late-payment penalty needs the rate of a half-year the table does not hold: the table
/// (shipped, or extended by configuration) must be completed before the figure can be given.
public struct PenaltyRateMissing: Error, Sendable, Hashable, CustomStringConvertible {
    public var halfYear: HalfYear
    /// The invoice whose interest needed it, when known.
    public var customer: CustomerID?
    public var invoice: InvoiceID?

    public init(halfYear: HalfYear, customer: CustomerID? = nil, invoice: InvoiceID? = nil) {
        self.halfYear = halfYear
        self.customer = customer
        self.invoice = invoice
    }

    public var description: String {
        var text = "no ECB rate for \(halfYear) (in force on \(halfYear.firstDay)) in the penalty rate table"
        if let invoice { text += ", needed for invoice \"\(invoice)\"" }
        if let customer { text += " of customer \"\(customer)\"" }
        return text
    }
}
