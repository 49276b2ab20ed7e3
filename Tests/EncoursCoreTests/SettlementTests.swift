import EncoursCore
import EncoursTestSupport
import Testing

/// Open amounts after payments, credit notes and applied credit (DESIGN §5, first rule).
@Suite struct SettlementTests {
    let c1: CustomerID = "C1"

    func openAmounts(_ ledger: Ledger, asOf: String) -> [String: String] {
        let state = ledger.state(of: ledger.account(c1)!, asOf: day(asOf))!
        return Dictionary(uniqueKeysWithValues: state.invoices.map { ($0.id.rawValue, $0.openAmount.decimalString) })
    }

    @Test func partialPaymentWithAllocationLeavesTheRestOpen() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "1000.00", on: "2026-01-10"),
            payment("P1", c1, "400.00", on: "2026-01-20", allocations: [("A", "400.00")]),
        ])
        #expect(openAmounts(ledger, asOf: "2026-03-01") == ["A": "600.00"])
        // Due 2026-02-09 (30 days' default terms): 20 days late on 2026-03-01.
        let ageing = ledger.ageing(asOf: day("2026-03-01"))
        #expect(
            ageing.customers.map { $0.buckets.map(\.decimalString) } == [["0.00", "600.00", "0.00", "0.00", "0.00"]]
        )
        #expect(ageing.total.total.decimalString == "600.00")
    }

    @Test func unallocatedPaymentSettlesEarliestDueFirst() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05", due: "2026-02-01"),
            invoice("B", c1, "200.00", on: "2026-01-06", due: "2026-01-25"),
            invoice("C", c1, "50.00", on: "2026-01-04", due: "2026-02-01"),
            payment("P1", c1, "260.00", on: "2026-01-10"),
        ])
        // B (due 01-25) first: 200; then C (same due as A, issued earlier): 50; then A: 10.
        #expect(openAmounts(ledger, asOf: "2026-01-31") == ["A": "90.00", "B": "0.00", "C": "0.00"])
    }

    @Test func sameDueAndIssueDateFallsBackToInvoiceIdByteOrder() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("b", c1, "100.00", on: "2026-01-05"),
            invoice("B", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "100.00", on: "2026-01-10"),
        ])
        // "B" (0x42) sorts before "b" (0x62).
        #expect(openAmounts(ledger, asOf: "2026-01-31") == ["B": "0.00", "b": "100.00"])
    }

    @Test func unallocatedPaymentOnlySettlesInvoicesIssuedBeforeIt() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "150.00", on: "2026-01-10"),
            invoice("B", c1, "100.00", on: "2026-01-12"),
        ])
        #expect(openAmounts(ledger, asOf: "2026-01-31") == ["A": "0.00", "B": "100.00"])
        let state = ledger.account(c1)!.state
        #expect(state.unappliedCredit == eur("50.00"))
        #expect(state.receivables == eur("50.00"))
    }

    @Test func overPaymentBecomesUnappliedCreditShownNegative() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "150.00", on: "2026-01-10"),
        ])
        let line = ledger.ageing(asOf: day("2026-01-31")).customers[0]
        #expect(line.unapplied.decimalString == "-50.00")
        #expect(line.total.decimalString == "-50.00")
        #expect(line.buckets.allSatisfy { $0.isZero })
    }

    @Test func allocationIsCappedAtOpenAmountAndTheRestIsUnapplied() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "300.00", on: "2026-01-10", allocations: [("A", "250.00")]),
        ])
        let state = ledger.account(c1)!.state
        #expect(state.invoices[0].openAmount == .zero)
        #expect(state.unappliedCredit == eur("200.00"))
    }

    @Test func allocationsAbovePaymentAreRefused() throws {
        let found = try violations(
            of: [payment("P1", c1, "100.00", on: "2026-01-10", allocations: [("A", "60.00"), ("B", "50.00")])],
            after: [
                register(c1, on: "2026-01-01"), invoice("A", c1, "100.00", on: "2026-01-05"),
                invoice("B", c1, "100.00", on: "2026-01-05"),
            ]
        )
        #expect(found.map(\.violation.code) == [.allocationsExceedPayment])
        #expect(found.first?.violation.field == "allocations")
    }

    @Test func creditNoteOnInvoiceIsCappedAndTheExcessIsUnapplied() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "30.00", on: "2026-01-06", allocations: [("A", "30.00")]),
            creditNote("AV1", c1, "100.00", on: "2026-01-07", invoice: "A"),
        ])
        let state = ledger.account(c1)!.state
        #expect(state.invoices[0].openAmount == .zero)
        #expect(state.unappliedCredit == eur("30.00"))
    }

    @Test func creditNoteWithoutInvoiceActsAsUnallocatedPayment() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            invoice("B", c1, "100.00", on: "2026-01-06"),
            creditNote("AV1", c1, "120.00", on: "2026-01-07"),
        ])
        #expect(openAmounts(ledger, asOf: "2026-01-31") == ["A": "0.00", "B": "80.00"])
    }

    @Test func creditAppliedSettlesFromUnappliedCreditCappedAtOpenAmount() throws {
        let events: [Event] = [
            register(c1, on: "2026-01-01"),
            payment("P1", c1, "50.00", on: "2026-01-02"),
            invoice("A", c1, "30.00", on: "2026-01-05"),
            .creditApplied(CreditApplied(customer: c1, invoice: "A", amount: eur("50.00"), on: day("2026-01-06"))),
        ]
        let state = try appendOneByOne(events).account(c1)!.state
        #expect(state.invoices[0].openAmount == .zero)
        #expect(state.unappliedCredit == eur("20.00"))
    }

    @Test func creditAppliedAboveUnappliedCreditIsRefused() throws {
        let found = try violations(
            of: [
                .creditApplied(CreditApplied(customer: c1, invoice: "A", amount: eur("50.01"), on: day("2026-01-06")))
            ],
            after: [
                register(c1, on: "2026-01-01"), payment("P1", c1, "50.00", on: "2026-01-02"),
                invoice("A", c1, "80.00", on: "2026-01-05"),
            ]
        )
        #expect(found.map(\.violation.code) == [.creditExceedsUnapplied])
        #expect(found.first?.index == 0)
    }
}
