/// The business days a scorecard measures activity over, both ends included.
///
/// Balances (receivables, overdue, DSO, commission held) are read at `to`; flows (sales,
/// cash, disputes, commission released) are summed from `from` to `to`.
public struct ScorecardPeriod: Sendable, Hashable {
    public let from: Day
    public let to: Day

    /// `nil` when `from` is after `to`.
    public init?(from: Day, to: Day) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The month of `day` up to `day`: the default period.
    public static func monthToDate(_ day: Day) -> ScorecardPeriod {
        ScorecardPeriod(from: day.firstOfMonth, to: day)!
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}
