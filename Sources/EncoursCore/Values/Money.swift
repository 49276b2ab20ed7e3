/// An exact amount in the ledger currency, held as a whole number of minor units (cents).
///
/// Money is never a binary floating-point number: `0.1 + 0.2` must be `0.30` to the cent,
/// and a receivables ledger is judged on its figures being exactly right.
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in minor units (cents for EUR).
    public var minorUnits: Int64

    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    /// The largest amount a single event may carry: 999,999,999,999.99.
    ///
    /// Bounding each input keeps every sum over a ledger far below `Int64.max`, so arithmetic
    /// on validated amounts cannot overflow.
    public static let maximumInput = Money(minorUnits: 99_999_999_999_999)

    public static let zero = Money(minorUnits: 0)

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
    public static prefix func - (value: Money) -> Money { Money(minorUnits: -value.minorUnits) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.minorUnits += rhs.minorUnits }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.minorUnits -= rhs.minorUnits }
}

extension Money {
    /// The amount with exactly two decimals and a point, as the JSON contract writes it:
    /// `"1234.50"`, `"-20.00"`, and `"0.00"` (never `"-0.00"`).
    public var decimalString: String {
        let magnitude = minorUnits.magnitude
        let units = magnitude / 100
        let cents = magnitude % 100
        let sign = minorUnits < 0 ? "-" : ""
        return cents < 10 ? "\(sign)\(units).0\(cents)" : "\(sign)\(units).\(cents)"
    }
}

extension Money: CustomStringConvertible {
    public var description: String { decimalString }
}
