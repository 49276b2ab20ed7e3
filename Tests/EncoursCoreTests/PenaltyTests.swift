import EncoursCore
import EncoursTestSupport
import Testing

/// Late-payment penalties (DESIGN §5, docs/definitions.md "Late-payment penalties"), figures
/// worked out by hand. Shipped rates used: 2020-H1 and 2020-H2 0.00 % → 10.00 %;
/// 2023-H2 4.00 % → 14.00 %; 2024-H1 4.50 % → 14.50 %; 2025-H1 3.15 % → 13.15 %;
/// 2025-H2 2.15 % → 12.15 %. Days count from due_on + 1 to the settlement day (or D), both
/// included; interest = amount × rate × days / 365, rounded half-up once per invoice.
@Suite struct PenaltyTests {
    let c1: CustomerID = "C1"
    let c2: CustomerID = "C2"

    func lines(_ events: [Event], asOf: String, rates: PenaltyRates = .shipped) throws -> [PenaltyLine] {
        let ledger = try appendOneByOne(events)
        return try ledger.penalties(asOf: day(asOf), rates: rates).customers.flatMap(\.invoices)
    }

    func figures(_ line: PenaltyLine) -> [String] {
        [
            line.invoice.rawValue, line.dueOn.description, String(line.daysLate), line.overdue.decimalString,
            line.interest.decimalString, line.indemnity.decimalString, line.total.decimalString,
        ]
    }

    @Test func paidLateInOnePaymentWithinOneHalfYear() throws {
        // Due 2025-02-14, paid 2025-03-16: 14 days (02-15…02-28) + 16 (03-01…03-16) = 30.
        // 1000.00 × 13.15 % × 30 / 365 = 3945 / 365 = 10.8082… → 10.81; + 40.00 = 50.81.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-01-15", due: "2025-02-14"),
                payment("P1", c1, "1000.00", on: "2025-03-16", allocations: [("A", "1000.00")]),
            ],
            asOf: "2025-03-31"
        )
        #expect(found.map(figures) == [["A", "2025-02-14", "30", "0.00", "10.81", "40.00", "50.81"]])
    }

    @Test func lateDaysSpanningFirstJulyTakeEachHalfYearsRate() throws {
        // Due 2025-06-20, paid 2025-07-10: 06-21…06-30 = 10 days at 13.15 %, 07-01…07-10 =
        // 10 days at 12.15 %. 10000.00 × (0.1315 × 10 + 0.1215 × 10) / 365 = 25300 / 365
        // = 69.3150… → 69.32; + 40.00 = 109.32.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "10000.00", on: "2025-05-21", due: "2025-06-20"),
                payment("P1", c1, "10000.00", on: "2025-07-10", allocations: [("A", "10000.00")]),
            ],
            asOf: "2025-07-31"
        )
        #expect(found.map(figures) == [["A", "2025-06-20", "20", "0.00", "69.32", "40.00", "109.32"]])
    }

    @Test func partialPaymentsAccrueOnTheDecreasingOverdueAmount() throws {
        // Due 2024-01-31 (2024-H1, 14.50 %). 3000.00 for 02-01…02-10 = 10 days; 1000.00 paid
        // on 02-10; 2000.00 for 02-11…03-01 = 19 (leap February) + 1 = 20 days; the rest paid
        // (unallocated) on 03-01. (3000 × 10 + 2000 × 20) × 0.145 / 365 = 10150 / 365
        // = 27.8082… → 27.81; + 40.00 = 67.81. Days late: 03-01 − 01-31 = 30.
        let found = try lines(
            [
                register(c1, on: "2024-01-01"),
                invoice("A", c1, "3000.00", on: "2024-01-01", due: "2024-01-31"),
                payment("P1", c1, "1000.00", on: "2024-02-10", allocations: [("A", "1000.00")]),
                payment("P2", c1, "2000.00", on: "2024-03-01"),
            ],
            asOf: "2024-03-31"
        )
        #expect(found.map(figures) == [["A", "2024-01-31", "30", "0.00", "27.81", "40.00", "67.81"]])
    }

    @Test func paidOnTheDueDateOwesNothing() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2025-01-01"),
            invoice("A", c1, "500.00", on: "2025-03-01", due: "2025-03-31"),
            payment("P1", c1, "500.00", on: "2025-03-31", allocations: [("A", "500.00")]),
        ])
        let report = try ledger.penalties(asOf: day("2025-06-30"))
        #expect(report.customers.isEmpty)
        #expect(
            report.json
                == #"{"as_of":"2025-06-30","currency":"EUR","customers":[],"#
                + #""total":{"overdue":"0.00","interest":"0.00","indemnity":"0.00","total":"0.00"}}"#
        )
    }

    @Test func paidTheDayAfterOwesOneDayAndTheIndemnity() throws {
        // 1000.00 × 13.15 % × 1 / 365 = 0.3602… → 0.36; + 40.00 = 40.36.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-03-01", due: "2025-03-31"),
                payment("P1", c1, "1000.00", on: "2025-04-01", allocations: [("A", "1000.00")]),
            ],
            asOf: "2025-04-30"
        )
        #expect(found.map(figures) == [["A", "2025-03-31", "1", "0.00", "0.36", "40.00", "40.36"]])
    }

    @Test func creditNoteSettlingPartStopsInterestOnThatPart() throws {
        // Due 2023-09-30 (2023-H2, 14.00 %). 2000.00 for 10-01…10-10 = 10 days; credit note
        // 500.00 on 10-10; 1500.00 for 10-11…10-31 = 21 days, paid on 10-31.
        // (2000 × 10 + 1500 × 21) × 0.14 / 365 = 7210 / 365 = 19.7534… → 19.75; + 40.00 = 59.75.
        let found = try lines(
            [
                register(c1, on: "2023-07-01"),
                invoice("A", c1, "2000.00", on: "2023-08-31", due: "2023-09-30"),
                creditNote("CN1", c1, "500.00", on: "2023-10-10", invoice: "A"),
                payment("P1", c1, "1500.00", on: "2023-10-31", allocations: [("A", "1500.00")]),
            ],
            asOf: "2023-11-30"
        )
        #expect(found.map(figures) == [["A", "2023-09-30", "31", "0.00", "19.75", "40.00", "59.75"]])
    }

    @Test func stillOpenAccruesToTheReportDay() throws {
        // 200.00 paid before the due date 2025-10-31: 1000.00 overdue. 11-01…12-31 = 61 days
        // at 12.15 %: 1000 × 0.1215 × 61 / 365 = 7411.5 / 365 = 20.3054… → 20.31; + 40.00.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1200.00", on: "2025-10-01", due: "2025-10-31"),
                payment("P1", c1, "200.00", on: "2025-10-20", allocations: [("A", "200.00")]),
            ],
            asOf: "2025-12-31"
        )
        #expect(found.map(figures) == [["A", "2025-10-31", "61", "1000.00", "20.31", "40.00", "60.31"]])
    }

    @Test func aPaymentAfterTheReportDayIsNotYetKnown() throws {
        // As of 2025-03-16 the payment of 2025-03-20 has not happened: 02-15…03-16 = 30 days
        // on 1000.00, as in the first test: 10.81 + 40.00, 1000.00 overdue.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-01-15", due: "2025-02-14"),
                payment("P1", c1, "1000.00", on: "2025-03-20", allocations: [("A", "1000.00")]),
            ],
            asOf: "2025-03-16"
        )
        #expect(found.map(figures) == [["A", "2025-02-14", "30", "1000.00", "10.81", "40.00", "50.81"]])
    }

    @Test func aDisputedInvoiceStillAccrues() throws {
        // As the open-at-D case: the dispute changes nothing. 1000 × 0.1215 × 61 / 365 → 20.31.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-10-01", due: "2025-10-31"),
                .disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", on: day("2025-11-05"))),
            ],
            asOf: "2025-12-31"
        )
        #expect(found.map(figures) == [["A", "2025-10-31", "61", "1000.00", "20.31", "40.00", "60.31"]])
    }

    @Test func unappliedCreditStopsInterestOnlyOnceApplied() throws {
        // The credit note precedes A: unapplied. A 730.00 due 2025-03-31 (13.15 %); 365.00 of
        // credit applied on 04-30: 730.00 for 04-01…04-30 = 30 days, 365.00 for 05-01…05-31 =
        // 31 days. (730 × 30 + 365 × 31) × 0.1315 / 365 = 4367.7725 / 365 = 11.9665 → 11.97.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                creditNote("CN1", c1, "365.00", on: "2025-03-01"),
                invoice("A", c1, "730.00", on: "2025-03-02", due: "2025-03-31"),
                .creditApplied(CreditApplied(customer: c1, invoice: "A", amount: eur("365.00"), on: day("2025-04-30"))),
            ],
            asOf: "2025-05-31"
        )
        #expect(found.map(figures) == [["A", "2025-03-31", "61", "365.00", "11.97", "40.00", "51.97"]])
    }

    @Test func aBackdatedPaymentCountsOnItsOwnDate() throws {
        // Recorded after an event of 04-01 but dated 03-16: as the first test, 10.81 + 40.00.
        // B (due 05-01) is not late on 04-30.
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-01-15", due: "2025-02-14"),
                invoice("B", c1, "100.00", on: "2025-04-01", due: "2025-05-01"),
                payment("P1", c1, "1000.00", on: "2025-03-16", allocations: [("A", "1000.00")]),
            ],
            asOf: "2025-04-30"
        )
        #expect(found.map(figures) == [["A", "2025-02-14", "30", "0.00", "10.81", "40.00", "50.81"]])
    }

    @Test func interestIsRoundedHalfUpOncePerInvoice() throws {
        // 2020: ECB 0.00 % → 10.00 %. A: 18.25 × 0.10 × 1 / 365 = 0.005 → 0.01 (half-up).
        // B: 14.60 for 07-01 (0.004) then 7.30 for 07-02 (0.002): 0.006 → 0.01, where rounding
        // each day-range would give 0.00.
        let found = try lines(
            [
                register(c1, on: "2020-01-01"),
                invoice("A", c1, "18.25", on: "2020-01-01", due: "2020-01-10"),
                payment("P1", c1, "18.25", on: "2020-01-11", allocations: [("A", "18.25")]),
                invoice("B", c1, "14.60", on: "2020-06-01", due: "2020-06-30"),
                payment("P2", c1, "7.30", on: "2020-07-01", allocations: [("B", "7.30")]),
                payment("P3", c1, "7.30", on: "2020-07-02", allocations: [("B", "7.30")]),
            ],
            asOf: "2020-12-31"
        )
        #expect(found.map(\.interest) == [eur("0.01"), eur("0.01")])
    }

    @Test func aHalfYearMissingFromTheTableIsAnError() throws {
        // Due 2026-12-31, still open on 2027-01-05: 2027-H1 is not shipped.
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "1000.00", on: "2026-12-01", due: "2026-12-31"),
        ])
        #expect(throws: PenaltyRateMissing(halfYear: HalfYear("2027-H1")!, customer: c1, invoice: "A")) {
            try ledger.penalties(asOf: day("2027-01-05"))
        }
        // Up to 2026-12-31 nothing is late, and 2014-H2 is never needed.
        #expect(try ledger.penalties(asOf: day("2026-12-31")).customers.isEmpty)
        let error = PenaltyRateMissing(halfYear: HalfYear("2027-H1")!, customer: c1, invoice: "A")
        #expect(
            error.description
                == #"no ECB rate for 2027-H1 (in force on 2027-01-01) in the penalty rate table, needed for invoice "A" of customer "C1""#
        )
    }

    @Test func configurationOverridesAndExtendsTheTable() throws {
        // 2025-H1 overridden to 4.00 % → 14.00 %: 1000 × 0.14 × 30 / 365 = 4200 / 365
        // = 11.5068… → 11.51. 2027-H1 added at 2.00 % → 12.00 %: B open 01-01…01-10 = 10
        // days: 1000 × 0.12 × 10 / 365 = 1200 / 365 = 3.2876… → 3.29.
        let rates = PenaltyRates.shipped.overriding([HalfYear("2025-H1")!: 400, HalfYear("2027-H1")!: 200])
        #expect(rates.annualBasisPoints(for: HalfYear("2025-H2")!) == 1215)
        let found = try lines(
            [
                register(c1, on: "2025-01-01"),
                invoice("A", c1, "1000.00", on: "2025-01-15", due: "2025-02-14"),
                payment("P1", c1, "1000.00", on: "2025-03-16", allocations: [("A", "1000.00")]),
                invoice("B", c1, "1000.00", on: "2026-12-01", due: "2026-12-31"),
            ],
            asOf: "2027-01-10",
            rates: rates
        )
        #expect(
            found.map(figures) == [
                ["A", "2025-02-14", "30", "0.00", "11.51", "40.00", "51.51"],
                ["B", "2026-12-31", "10", "1000.00", "3.29", "40.00", "43.29"],
            ]
        )
    }

    @Test func halfYearsParseAndBound() {
        #expect(HalfYear("2025-H2")?.firstDay == day("2025-07-01"))
        #expect(HalfYear("2024-H1")?.lastDay == day("2024-06-30"))
        #expect(HalfYear("2024-H2")?.lastDay == day("2024-12-31"))
        #expect(HalfYear(containing: day("2025-06-30")).description == "2025-H1")
        #expect(HalfYear("2025-H3") == nil)
        #expect(HalfYear("+202-H1") == nil)
        #expect(PenaltyRates.shipped.annualBasisPoints(for: HalfYear("2015-H1")!) == 1005)
        #expect(PenaltyRates.shipped.annualBasisPoints(for: HalfYear("2022-H2")!) == 1000)
        #expect(PenaltyRates.shipped.annualBasisPoints(for: HalfYear("2023-H1")!) == 1250)
        #expect(PenaltyRates.shipped.annualBasisPoints(for: HalfYear("2014-H2")!) == nil)
    }
}
