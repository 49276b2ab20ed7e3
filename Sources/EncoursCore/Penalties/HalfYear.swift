/// A half of a calendar year (1 January–30 June or 1 July–31 December): the period for which
/// the French statutory late-payment rate is fixed (Code de commerce L441-10), so penalty
/// interest is split at each 1 January and 1 July.
public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 for January–June, 2 for July–December.
    public let half: Int

    /// The half-year, or `nil` when `half` is not 1 or 2 or the year is outside 1–9999.
    public init?(year: Int, half: Int) {
        guard (1...9999).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    /// The half-year `day` falls in.
    public init(containing day: Day) {
        let civil = day.civil
        self.year = civil.year
        self.half = civil.month <= 6 ? 1 : 2
    }

    /// Parses `2025-H1` or `2025-H2`, as configuration writes a half-year.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4,
            parts[0].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let year = Int(parts[0]), parts[1] == "H1" || parts[1] == "H2"
        else { return nil }
        self.init(year: year, half: parts[1] == "H1" ? 1 : 2)
    }

    /// 1 January or 1 July: the day whose ECB rate applies to the whole half-year.
    public var firstDay: Day {
        Day(daysSinceEpoch: Int32(Day.daysFromCivil(year: year, month: half == 1 ? 1 : 7, day: 1)))
    }

    /// 30 June or 31 December.
    public var lastDay: Day {
        Day(daysSinceEpoch: Int32(Day.daysFromCivil(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)))
    }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.half) < (rhs.year, rhs.half)
    }

    /// `2025-H1`, `2025-H2`.
    public var description: String {
        var text = String(year)
        while text.utf8.count < 4 { text = "0" + text }
        return text + (half == 1 ? "-H1" : "-H2")
    }
}
