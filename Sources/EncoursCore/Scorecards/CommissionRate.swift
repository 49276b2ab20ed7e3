/// A sales commission rate, held exactly in hundredths of a percent (`2.75 %` is 275).
///
/// Commission is money: it is computed per invoice in integer arithmetic and rounded
/// half-up to the cent, never through a binary floating-point percentage.
public struct CommissionRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Hundredths of a percent: 10,000 is 100 %.
    public let hundredthsOfPercent: Int64

    /// The most a rate may be: 100 %. Bounding it keeps `amount × rate` far from overflow.
    public static let maximum = CommissionRate(uncheckedHundredths: 10_000)
    public static let zero = CommissionRate(uncheckedHundredths: 0)

    private init(uncheckedHundredths: Int64) {
        self.hundredthsOfPercent = uncheckedHundredths
    }

    /// `nil` outside 0…100 %.
    public init?(hundredthsOfPercent: Int64) {
        guard (0...CommissionRate.maximum.hundredthsOfPercent).contains(hundredthsOfPercent) else { return nil }
        self.hundredthsOfPercent = hundredthsOfPercent
    }

    /// Parses a percentage written with at most two decimals: `"2.5"`, `"3"`, `"0.75"`.
    /// `nil` for anything else, or outside 0…100 %.
    public init?(percent text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 3,
            whole.allSatisfy(\.isASCIIDigit), let units = Int64(whole)
        else { return nil }
        var hundredths = units * 100
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit),
                let value = Int64(decimals)
            else { return nil }
            hundredths += decimals.count == 1 ? value * 10 : value
        }
        self.init(hundredthsOfPercent: hundredths)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.hundredthsOfPercent < rhs.hundredthsOfPercent }

    /// `"2.75"`: the percentage as configuration and JSON write it.
    public var description: String {
        let cents = hundredthsOfPercent % 100
        return "\(hundredthsOfPercent / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The commission on `amount`, rounded half-up to the cent (amounts are never negative).
    public func commission(on amount: Money) -> Money {
        let product = Int128(amount.minorUnits) * Int128(hundredthsOfPercent)
        return Money(minorUnits: Int64((product + 5_000) / 10_000))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
