import EncoursCore
import EncoursTestSupport
import Testing

/// Penalty rates given by configuration (`[penalties]`, `--ecb-rate`, `--margin`): a shipped
/// half-year corrected, a new one added, and rates out of bounds refused. Figures by hand,
/// interest = amount × (ECB rate + margin) × days / 365, rounded half-up once per invoice.
@Suite struct PenaltyRateConfigurationTests {
    let c1: CustomerID = "C1"

    /// 1000.00 due 2025-07-31, paid 2025-08-30: 08-01 … 08-30 = 30 days in 2025-H2.
    func paidThirtyDaysLateIn2025H2() throws -> Ledger {
        try appendOneByOne([
            register(c1, on: "2025-01-01"),
            invoice("A", c1, "1000.00", on: "2025-07-01", due: "2025-07-31"),
            payment("P1", c1, "1000.00", on: "2025-08-30", allocations: [("A", "1000.00")]),
        ])
    }

    func interest(_ ledger: Ledger, asOf: String, rates: PenaltyRates) throws -> [String] {
        try ledger.penalties(asOf: day(asOf), rates: rates).customers.flatMap(\.invoices).map {
            $0.interest.decimalString
        }
    }

    @Test func theShippedRateOfAHalfYearCanBeCorrected() throws {
        let ledger = try paidThirtyDaysLateIn2025H2()
        // Shipped 2025-H2: 2.15 % + 10 = 12.15 %: 1000 × 0.1215 × 30 / 365 = 9.9863… → 9.99.
        #expect(try interest(ledger, asOf: "2025-09-30", rates: .shipped) == ["9.99"])
        // Corrected to 3.15 %: 13.15 %: 1000 × 0.1315 × 30 / 365 = 10.8082… → 10.81.
        let corrected = PenaltyRates.shipped.overriding([HalfYear("2025-H2")!: 315])
        #expect(try interest(ledger, asOf: "2025-09-30", rates: corrected) == ["10.81"])
        // The other half-years keep their shipped rates.
        #expect(corrected.annualBasisPoints(for: HalfYear("2025-H1")!) == 1315)
    }

    @Test func aMarginReplacesTheStatutoryTenPoints() throws {
        let ledger = try paidThirtyDaysLateIn2025H2()
        // 2.15 % + 7.85 = 10.00 %: 1000 × 0.10 × 30 / 365 = 8.2191… → 8.22.
        var rates = PenaltyRates.shipped
        rates.marginBasisPoints = 785
        #expect(try interest(ledger, asOf: "2025-09-30", rates: rates) == ["8.22"])
    }

    @Test func aHalfYearBeyondTheShippedTableIsChargedOnceConfigured() throws {
        // 2000.00 due 2027-01-31, open on 2027-03-02: 02-01 … 03-02 = 28 + 2 = 30 days in 2027-H1.
        let ledger = try appendOneByOne([
            register(c1, on: "2026-12-01"),
            invoice("B", c1, "2000.00", on: "2027-01-01", due: "2027-01-31"),
        ])
        #expect(throws: PenaltyRateMissing(halfYear: HalfYear("2027-H1")!, customer: c1, invoice: "B")) {
            try ledger.penalties(asOf: day("2027-03-02"))
        }
        // 2.40 % + 10 = 12.40 %: 2000 × 0.124 × 30 / 365 = 20.3835… → 20.38.
        let extended = PenaltyRates.shipped.overriding([ConfiguredECBRate("2027-H1=2.40")!].reduce(into: [:]) {
            $0[$1.halfYear] = $1.basisPoints
        })
        #expect(try interest(ledger, asOf: "2027-03-02", rates: extended) == ["20.38"])
    }

    @Test(arguments: [
        ("2.15", 215), ("10", 1000), ("0", 0), ("0.5", 50), ("0.05", 5), ("100", 10_000), ("100.00", 10_000),
        ("012.15", 1215),
    ])
    func aPercentIsReadExactlyIntoBasisPoints(text: String, basisPoints: Int) {
        #expect(PenaltyRates.basisPoints(percent: text) == basisPoints)
        #expect(PenaltyRates.percentText(basisPoints: basisPoints) == format2(basisPoints))
    }

    @Test(arguments: ["100.01", "101", "1000", "-1", "+2", "2.155", "2,15", "1e2", ".5", "5.", "", "2.1.5", " 2", "NaN"])
    func aRateOutOfBoundsOrMalformedIsRefused(text: String) {
        #expect(PenaltyRates.basisPoints(percent: text) == nil)
    }

    @Test func anECBRateArgumentNamesItsHalfYear() {
        #expect(ConfiguredECBRate("2027-H2=3") == ConfiguredECBRate(halfYear: HalfYear("2027-H2")!, basisPoints: 300))
        #expect(ConfiguredECBRate("2027-H3=3") == nil)
        #expect(ConfiguredECBRate("2027-H1") == nil)
        #expect(ConfiguredECBRate("2027-H1=200") == nil)
    }

    /// 215 → "2.15", by hand rather than with the code under test.
    private func format2(_ basisPoints: Int) -> String {
        let cents = basisPoints % 100
        return "\(basisPoints / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }
}
