import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct ScorecardTests {
    let march = ScorecardPeriod(from: day("2026-03-01"), to: day("2026-03-31"))!

    func registered(_ customer: CustomerID, rep: SalesRepID?) -> Event {
        .customerRegistered(
            CustomerRegistered(
                customer: customer,
                profile: CustomerProfile(legalName: "SAS \(customer)", salesRep: rep),
                on: day("2025-11-01")
            )
        )
    }

    func opened(_ id: DisputeID, _ invoice: InvoiceID, amount: String? = nil, on: String) -> Event {
        .disputeOpened(DisputeOpened(invoice: invoice, dispute: id, amount: amount.map(eur), on: day(on)))
    }

    /// Two reps and a customer with none; figures worked by hand in each test.
    func ledger() throws -> Ledger {
        try appendOneByOne([
            registered("C1", rep: "R1"),
            registered("C2", rep: "R1"),
            registered("C3", rep: "R2"),
            registered("C4", rep: nil),
            invoice("G", "C3", "100.00", on: "2025-12-01"),
            invoice("A", "C1", "1000.00", on: "2026-01-15"),
            invoice("E", "C1", "300.00", on: "2026-02-01"),
            opened("D2", "G", on: "2026-02-01"),
            payment("P2", "C2", "250.00", on: "2026-02-15"),
            invoice("B", "C1", "500.00", on: "2026-03-05"),
            payment("P1", "C1", "1000.00", on: "2026-03-10", allocations: [("A", "1000.00")]),
            opened("D1", "E", amount: "100.00", on: "2026-03-12"),
            .disputeResolved(DisputeResolved(dispute: "D2", outcome: .rejected, on: day("2026-03-15"))),
            invoice("F", "C2", "2000.00", on: "2026-03-20"),
            payment("P3", "C3", "100.00", on: "2026-04-02"),
        ])
    }

    let plan = CommissionPlan(standard: CommissionRate(percent: "2.5")!, byRep: ["R2": CommissionRate(percent: "10")!])

    @Test func repFiguresOverAMonth() throws {
        let report = try ledger().scorecards(period: march, plan: plan)
        #expect(report.salesReps.map(\.salesRep) == ["R1", "R2"])
        #expect(report.unassignedCustomers == 1)
        let r1 = report.salesReps[0]
        #expect(r1.customers == 2)
        // C1: B 500 + E 300 open (A paid); C2: F 2000 − 250 unapplied.
        #expect(r1.receivables.decimalString == "2550.00")
        // E fell due 03-03; B (04-04) and F (04-19) are not yet due.
        #expect(r1.overdue.decimalString == "300.00")
        #expect(r1.sales.decimalString == "2500.00")
        // P1 only: P2 was in February, P3 is another rep's.
        #expect(r1.cashCollected.decimalString == "1000.00")
        #expect(r1.disputesOpened.count == 1)
        #expect(r1.disputesOpened.amount.decimalString == "100.00")
        #expect(r1.disputesResolved.count == 0)
        // March sales 2500 take 31 days and leave 50; February's 300: 28 × 50/300 = 4.67.
        #expect(r1.dso?.description == "35.7")
    }

    @Test func commissionIsEarnedOnSalesHeldUntilPaidAndReleasedWhenPaid() throws {
        let r1 = try ledger().scorecards(period: march, plan: plan).salesReps[0]
        #expect(r1.commission.rate.description == "2.50")
        // 2.5 % of B 500 and F 2000.
        #expect(r1.commission.earned.decimalString == "62.50")
        // B 12.50 + E 7.50 + F 50.00, all still open on 03-31.
        #expect(r1.commission.held.decimalString == "70.00")
        // A was fully paid on 03-10.
        #expect(r1.commission.released.decimalString == "25.00")
        // In April nothing more is paid by R1's customers; A's release was in March.
        let april = try ledger().scorecards(
            period: ScorecardPeriod(from: day("2026-04-01"), to: day("2026-04-30"))!,
            plan: plan
        )
        #expect(april.salesReps[0].commission.released == .zero)
        #expect(april.salesReps[1].commission.released.decimalString == "10.00")
    }

    @Test func aRepsOwnRateAndResolvedDisputes() throws {
        let r2 = try ledger().scorecards(period: march, plan: plan, salesRep: "R2")
        #expect(r2.salesReps.count == 1)
        let card = r2.salesReps[0]
        #expect(card.customers == 1)
        #expect(card.receivables.decimalString == "100.00")
        #expect(card.overdue.decimalString == "100.00")
        #expect(card.sales == .zero)
        #expect(card.cashCollected == .zero)
        #expect(card.disputesOpened.count == 0)
        #expect(card.disputesResolved.count == 1)
        #expect(card.disputesResolved.amount.decimalString == "100.00")
        #expect(card.commission.rate.description == "10.00")
        #expect(card.commission.held.decimalString == "10.00")
        // No sales in March, February or January: 31 + 28 + 31, then December's 100
        // covers the 100 owed: 31 days more.
        #expect(card.dso?.description == "121.0")
    }

    @Test func aCustomerCountsForTheRepOnItsFileAtThePeriodsEnd() throws {
        var events = try ledger().entries.map(\.event)
        events.append(
            .customerUpdated(
                CustomerUpdated(customer: "C3", profile: CustomerProfile(salesRep: "R1"), on: day("2026-03-20"))
            )
        )
        let report = try appendOneByOne(events).scorecards(period: march, plan: plan)
        #expect(report.salesReps.map(\.salesRep) == ["R1"])
        #expect(report.salesReps[0].customers == 3)
        // Before the hand-over, C3 was still R2's.
        let february = try appendOneByOne(events).scorecards(
            period: ScorecardPeriod(from: day("2026-02-01"), to: day("2026-02-28"))!,
            plan: plan
        )
        #expect(february.salesReps.map(\.salesRep) == ["R1", "R2"])
    }

    @Test func jsonShape() throws {
        let card = try ledger().scorecards(period: march, plan: plan, salesRep: "R2").salesReps[0]
        #expect(
            card.json()
                == #"{"from":"2026-03-01","to":"2026-03-31","currency":"EUR","sales_rep":"R2","customers":1,"#
                + #""receivables":"100.00","overdue":"100.00","sales":"0.00","cash_collected":"0.00","#
                + #""disputes_opened":{"count":0,"amount":"0.00"},"disputes_resolved":{"count":1,"amount":"100.00"},"#
                + #""dso":121.0,"commission":{"rate":"10.00","earned":"0.00","held":"10.00","released":"0.00"}}"#
        )
    }
}

@Suite struct CommissionRateTests {
    @Test(arguments: [("2.5", 250), ("3", 300), ("0.75", 75), ("100", 10_000), ("0", 0), ("12.05", 1_205)])
    func parsesPercentages(text: String, hundredths: Int64) {
        #expect(CommissionRate(percent: text)?.hundredthsOfPercent == hundredths)
    }

    @Test(arguments: ["", ".5", "2.", "2.555", "-1", "100.01", "1e2", "2,5", " 2", "1000"])
    func refusesWhatIsNotAPercentage(text: String) {
        #expect(CommissionRate(percent: text) == nil)
    }

    @Test func roundsHalfUpToTheCent() {
        let rate = CommissionRate(percent: "2.75")!
        // 0.20 × 2.75 % = 0.55 cent → 1 cent; 0.18 × 2.75 % = 0.495 cent → 0.
        #expect(rate.commission(on: eur("0.20")).decimalString == "0.01")
        #expect(rate.commission(on: eur("0.18")).decimalString == "0.00")
        #expect(rate.commission(on: eur("1234.56")).decimalString == "33.95")
    }
}

@Suite struct PaidOnTests {
    @Test func anInvoiceIsPaidOnTheDayItsLastCentIsSettledWhateverSettlesIt() throws {
        let events: [Event] = [
            register("C1", on: "2026-01-01"),
            invoice("A", "C1", "100.00", on: "2026-01-02"),
            invoice("B", "C1", "100.00", on: "2026-01-03"),
            payment("P1", "C1", "150.00", on: "2026-02-10"),
            creditNote("N1", "C1", "50.00", on: "2026-02-20", invoice: "B"),
        ]
        for ledger in [try appendOneByOne(events), try replayed(events)] {
            let state = try #require(ledger.account("C1")?.state)
            #expect(state.invoice("A")?.paidOn == day("2026-02-10"))
            #expect(state.invoice("B")?.paidOn == day("2026-02-20"))
            let before = try #require(ledger.state(of: ledger.account("C1")!, asOf: day("2026-02-15")))
            #expect(before.invoice("B")?.paidOn == nil)
        }
    }
}
