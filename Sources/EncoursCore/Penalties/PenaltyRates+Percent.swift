/// Rates as people and configuration files write them: a decimal percent (`"2.15"`), read
/// exactly into basis points, never through a binary floating-point number.
///
/// The daemon's `[penalties]` section and the CLI's `--ecb-rate` and `--margin` accept the same
/// spellings through this one parser, so a rate valid in one is valid in the other.
extension PenaltyRates {
    /// The largest rate accepted, in basis points: 100 %. Bounding every rate (and the
    /// margin) keeps `cents × basis points × days` far inside what ``InterestSum`` multiplies
    /// out, whatever a configuration file says.
    public static let maximumBasisPoints = 10_000

    /// What a valid rate looks like, for error messages.
    public static let percentRule = "a percent from 0 to 100 with at most 2 decimals, like \"2.15\""

    /// `"2.15"` → 215, `"10"` → 1000, `"0.5"` → 50; `nil` for anything else: a sign, a
    /// decimal comma, an exponent, more than 2 decimals, or more than 100.
    public static func basisPoints(percent text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, whole.utf8.count <= 3, fraction.utf8.count <= 2,
            parts.count == 1 || !fraction.isEmpty,
            (Array(whole.utf8) + Array(fraction.utf8)).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let units = Int(whole)
        else { return nil }
        var hundredths = 0
        for (position, digit) in fraction.utf8.enumerated() {
            hundredths += Int(digit - UInt8(ascii: "0")) * (position == 0 ? 10 : 1)
        }
        let basisPoints = units * 100 + hundredths
        return basisPoints <= maximumBasisPoints ? basisPoints : nil
    }

    /// Basis points written back as a percent with 2 decimals: 215 → `"2.15"`.
    public static func percentText(basisPoints: Int) -> String {
        let hundredths = basisPoints % 100
        return "\(basisPoints / 100).\(hundredths < 10 ? "0" : "")\(hundredths)"
    }
}

/// One configured ECB rate, `2027-H1=2.15`: the half-year and its rate in basis points, as the
/// CLI's `--ecb-rate` takes it.
public struct ConfiguredECBRate: Sendable, Hashable {
    public var halfYear: HalfYear
    public var basisPoints: Int

    public init(halfYear: HalfYear, basisPoints: Int) {
        self.halfYear = halfYear
        self.basisPoints = basisPoints
    }

    /// Parses `HALF-YEAR=PERCENT` (`2027-H1=2.15`); `nil` when either side is not valid.
    public init?(_ text: some StringProtocol) {
        let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard sides.count == 2, let half = HalfYear(sides[0]),
            let basisPoints = PenaltyRates.basisPoints(percent: sides[1])
        else { return nil }
        self.init(halfYear: half, basisPoints: basisPoints)
    }
}
