import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct DSOTests {
    let c1: CustomerID = "C1"

    /// March 2026 up to the 15th: 1,000 of sales; February: 2,000; January: 3,100.
    func threeMonths(paid: String) -> [Event] {
        [
            register(c1, on: "2025-01-01"),
            invoice("JAN", c1, "3100.00", on: "2026-01-10"),
            invoice("FEB", c1, "2000.00", on: "2026-02-10"),
            invoice("MAR", c1, "1000.00", on: "2026-03-10"),
            payment("P1", c1, paid, on: "2026-03-12"),
        ]
    }

    @Test func countbackWithMidMonthAsOf() throws {
        // R = 6100 − 3500 = 2600: March's 15 days take 1000; February gives 28 × 1600 / 2000 = 22.4.
        let report = try appendOneByOne(threeMonths(paid: "3500.00")).dso(asOf: day("2026-03-15"))
        #expect(report.dso?.description == "37.4")
        #expect(report.customers.map { $0.dso?.description } == ["37.4"])
    }

    @Test func countbackRoundsHalfUpToATenth() throws {
        // R = 2015: 15 + 28 × 1015 / 2000 = 29.21 → 29.2. R = 2025: 15 + 14.35 = 29.35 → 29.4.
        #expect(
            try appendOneByOne(threeMonths(paid: "4085.00")).dso(asOf: day("2026-03-15")).dso?.description == "29.2"
        )
        #expect(
            try appendOneByOne(threeMonths(paid: "4075.00")).dso(asOf: day("2026-03-15")).dso?.description == "29.4"
        )
    }

    @Test func countbackWithReceivablesLargerThanTwelveMonthsOfSales() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2024-01-01"),
            invoice("OLD", c1, "5000.00", on: "2024-12-01"),
            invoice("FEB", c1, "100.00", on: "2026-02-10"),
        ])
        // Every period is consumed: 15 + 28 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 380 days.
        #expect(ledger.dso(asOf: day("2026-03-15")).dso?.description == "380.0")
    }

    @Test func countbackWithOneInvoiceOfThisMonthOnly() throws {
        let ledger = try appendOneByOne([register(c1, on: "2026-01-01"), invoice("A", c1, "1000.00", on: "2026-03-10")])
        #expect(ledger.dso(asOf: day("2026-03-15")).dso?.description == "15.0")
        #expect(ledger.dso(asOf: day("2026-03-09")).dso == nil)
    }

    @Test func countbackIsZeroWhenNothingIsOwedAndNullWithoutSales() throws {
        let paid = try appendOneByOne(threeMonths(paid: "6100.00"))
        #expect(paid.dso(asOf: day("2026-03-15")).dso?.description == "0.0")
        let noSales = try appendOneByOne([
            register(c1, on: "2024-01-01"), invoice("OLD", c1, "500.00", on: "2024-12-01"),
        ])
        #expect(noSales.dso(asOf: day("2026-03-15")).dso == nil)
    }

    @Test func simpleDSOOverNinetyDays() throws {
        // Sales from 2025-12-16 to 2026-03-15 (90 days): 3100 + 2000 + 1000; R = 2600 → 2600 / 6100 × 90 = 38.36 → 38.4.
        let ledger = try appendOneByOne(threeMonths(paid: "3500.00"))
        #expect(ledger.dso(asOf: day("2026-03-15"), method: .simple).dso?.description == "38.4")
        // On 2026-04-15 the window starts 2026-01-16: January's invoice drops out → 2600 / 3000 × 90 = 78.0.
        #expect(ledger.dso(asOf: day("2026-04-15"), method: .simple).dso?.description == "78.0")
    }

    @Test func simpleDSOIsNullWithNoSales() throws {
        let ledger = try appendOneByOne([register(c1, on: "2025-01-01"), invoice("A", c1, "100.00", on: "2025-06-01")])
        #expect(ledger.dso(asOf: day("2026-03-15"), method: .simple).dso == nil)
        #expect(ledger.dso(asOf: day("2026-03-15"), method: .simple).customers.map(\.dso) == [nil])
    }

    @Test func ledgerDSOIsTotalReceivablesOverTotalSalesNotAnAverage() throws {
        let ledger = try appendOneByOne([
            register("A", on: "2026-01-01"), register("B", on: "2026-01-01"),
            invoice("A1", "A", "1000.00", on: "2026-03-01"),
            invoice("B1", "B", "3000.00", on: "2026-03-01"),
            payment("PB", "B", "3000.00", on: "2026-03-05"),
        ])
        // A: 1000 / 1000 × 15 = 15.0; B: 0. Ledger: R 1000 ≤ March sales 4000 → 15 × 1000 / 4000 = 3.75 → 3.8.
        let report = ledger.dso(asOf: day("2026-03-15"))
        #expect(report.customers.map { $0.dso?.description } == ["15.0", "0.0"])
        #expect(report.dso?.description == "3.8")
    }
}
