/// A sum of simple-interest terms `cents × basis points × days / (10,000 × 365)` kept exact
/// (whole cents plus a remainder in 3,650,000ths of a cent), so an invoice's interest is
/// rounded once, at the end, whatever the number of day-ranges it adds.
///
/// Each term is multiplied out on 128 bits: an amount of 10^14 cents at 20 % for 30 years
/// does not fit in 64.
struct InterestSum: Sendable, Hashable {
    /// 10,000 basis points in 100 % × 365 days in the year of the day count.
    static let denominator: Int64 = 3_650_000

    private(set) var cents: Int64 = 0
    /// In `0..<denominator`.
    private(set) var remainder: Int64 = 0

    /// Adds the interest on `amount` at `basisPoints` a year for `days` days.
    mutating func add(_ amount: Money, basisPoints: Int, days: Int) {
        let product = amount.minorUnits.multipliedFullWidth(by: Int64(basisPoints) * Int64(days))
        var (quotient, rest) = InterestSum.denominator.dividingFullWidth(product)
        if rest < 0 {
            rest += InterestSum.denominator
            quotient -= 1
        }
        cents += quotient
        remainder += rest
        if remainder >= InterestSum.denominator {
            remainder -= InterestSum.denominator
            cents += 1
        }
    }

    /// The sum rounded half-up to the cent (half a cent or more goes up).
    var rounded: Money {
        Money(minorUnits: cents + (remainder * 2 >= InterestSum.denominator ? 1 : 0))
    }
}
