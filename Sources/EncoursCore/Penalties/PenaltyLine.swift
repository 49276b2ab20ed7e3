/// The late-payment penalties one invoice owes on a day (Code de commerce L441-10, DESIGN §5):
/// interest on what was overdue, day by day, and the fixed recovery indemnity.
public struct PenaltyLine: Sendable, Hashable {
    public var customer: CustomerID
    public var invoice: InvoiceID
    public var dueOn: Day
    /// From `dueOn` to the day the invoice was fully settled, or to the report's day while
    /// it is still open.
    public var daysLate: Int
    /// The open amount on the report's day.
    public var overdue: Money
    /// Interest on each overdue amount, rounded half-up to the cent once for the invoice.
    public var interest: Money
    /// ``recoveryIndemnity`` when the invoice was not fully settled by its due date.
    public var indemnity: Money

    public var total: Money { interest + indemnity }

    /// The fixed indemnity for recovery costs per invoice paid late: 40 EUR (Code de
    /// commerce D441-5).
    public static let recoveryIndemnity = Money(minorUnits: 4000)
}

extension PenaltyLine {
    /// The penalties of `invoice` on `day`, given its settlements in timeline order; `nil`
    /// when it is not late: due on or after `day`, or fully settled by its due date.
    ///
    /// Each day `d` from `dueOn + 1` to `day` accrues interest on the amount still open at
    /// the end of `d − 1`, at the annual rate of `d`'s half-year, over 365: a part settled
    /// on day `P` accrues up to and including `P`, and no longer after it.
    static func of(
        _ invoice: InvoiceState,
        customer: CustomerID,
        settlements: [InvoiceSettlement],
        asOf day: Day,
        rates: PenaltyRates
    ) throws(PenaltyRateMissing) -> PenaltyLine? {
        guard invoice.dueOn < day else { return nil }
        var outstanding = invoice.amount
        var remaining = settlements[...]
        while let first = remaining.first, first.day <= invoice.dueOn {
            outstanding -= first.amount
            remaining = remaining.dropFirst()
        }
        guard outstanding.isPositive else { return nil }
        var interest = InterestSum()
        var from = invoice.dueOn.adding(days: 1)
        var lastDay = day
        for settlement in remaining where outstanding.isPositive {
            // Several settlements on one day: the first accrues up to that day, the next none.
            if settlement.day >= from {
                try accrue(
                    outstanding,
                    from: from,
                    through: settlement.day,
                    into: &interest,
                    rates: rates,
                    for: invoice.id,
                    of: customer
                )
                from = settlement.day.adding(days: 1)
            }
            outstanding -= settlement.amount
            lastDay = settlement.day
        }
        if outstanding.isPositive {
            try accrue(
                outstanding,
                from: from,
                through: day,
                into: &interest,
                rates: rates,
                for: invoice.id,
                of: customer
            )
            lastDay = day
        }
        return PenaltyLine(
            customer: customer,
            invoice: invoice.id,
            dueOn: invoice.dueOn,
            daysLate: lastDay.days(since: invoice.dueOn),
            overdue: invoice.openAmount,
            interest: interest.rounded,
            indemnity: PenaltyLine.recoveryIndemnity
        )
    }

    /// Adds the interest on `amount` for the days `first` … `last`, split where the
    /// half-year changes.
    private static func accrue(
        _ amount: Money,
        from first: Day,
        through last: Day,
        into interest: inout InterestSum,
        rates: PenaltyRates,
        for invoice: InvoiceID,
        of customer: CustomerID
    ) throws(PenaltyRateMissing) {
        var start = first
        while start <= last {
            let half = HalfYear(containing: start)
            guard let rate = rates.annualBasisPoints(for: half) else {
                throw PenaltyRateMissing(halfYear: half, customer: customer, invoice: invoice)
            }
            let end = min(last, half.lastDay)
            interest.add(amount, basisPoints: rate, days: end.days(since: start) + 1)
            start = end.adding(days: 1)
        }
    }
}
