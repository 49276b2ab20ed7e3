import EncoursCore
import Testing

/// The audit that vouches for generated ledgers must itself catch what a ledger refuses;
/// otherwise its silence would prove nothing.
@Suite struct AuditSelfTests {
    let customer: CustomerID = "C1"
    let day1 = Day(year: 2025, month: 1, day: 1)!
    let day2 = Day(year: 2025, month: 1, day: 2)!
    let day3 = Day(year: 2025, month: 1, day: 3)!

    var registration: Event {
        .customerRegistered(
            CustomerRegistered(customer: customer, profile: CustomerProfile(legalName: "SAS Test"), on: day1)
        )
    }

    func invoice(_ id: InvoiceID, _ cents: Int64, on day: Day) -> Event {
        .invoiceIssued(InvoiceIssued(customer: customer, invoice: id, amount: Money(minorUnits: cents), on: day))
    }

    func payment(_ id: PaymentID, _ cents: Int64, on day: Day, allocations: [Allocation] = []) -> Event {
        .paymentReceived(
            PaymentReceived(
                customer: customer,
                payment: id,
                amount: Money(minorUnits: cents),
                on: day,
                allocations: allocations
            )
        )
    }

    func credit(_ cents: Int64, on day: Day, id: String) -> Event {
        .creditApplied(
            CreditApplied(customer: customer, invoice: "A", amount: Money(minorUnits: cents), on: day, id: id)
        )
    }

    @Test func aValidLedgerPasses() {
        let events = [
            registration, invoice("A", 10_000, on: day1), payment("P1", 15_000, on: day2),
            invoice("B", 3_000, on: day2),
            payment("P2", 1_000, on: day3, allocations: [Allocation(invoice: "B", amount: Money(minorUnits: 1_000))]),
        ]
        #expect(LedgerAudit.audit(events).violations.isEmpty)
        #expect(LedgerAudit.audit(events).unappliedCredit[customer] == 5_000)
    }

    @Test func creditBeyondTheUnappliedIsCaught() {
        let events = [
            registration, invoice("A", 10_000, on: day1), payment("P1", 10_500, on: day2),
            invoice("B", 3_000, on: day2),
            credit(600, on: day3, id: "X1"),
        ]
        #expect(LedgerAudit.audit(events).violations.count >= 1)
    }

    @Test func overAllocationAndUnknownInvoicesAreCaught() {
        let events = [
            registration, invoice("A", 10_000, on: day2),
            payment("P1", 500, on: day2, allocations: [Allocation(invoice: "A", amount: Money(minorUnits: 600))]),
            payment("P2", 500, on: day1, allocations: [Allocation(invoice: "A", amount: Money(minorUnits: 100))]),
        ]
        let violations = LedgerAudit.audit(events).violations
        #expect(violations.contains { $0.contains("exceed") })
        #expect(violations.contains { $0.contains("does not exist") })
    }

    @Test func lateRecordingBeforeACreditApplicationIsCaught() {
        let events = [
            registration, invoice("A", 10_000, on: day1), payment("P1", 12_000, on: day1),
            invoice("B", 1_000, on: day3), payment("P2", 100, on: day2), credit(100, on: day3, id: "X1"),
        ]
        let audit = LedgerAudit.audit(events)
        #expect(audit.lateRecorded.count == 1)
        #expect(audit.violations.contains { $0.contains("recorded late") })
    }

    @Test func reusedIdsAndOutOfOrderEventsAreCaught() {
        let events = [
            registration, invoice("A", 10_000, on: day2), invoice("A", 10_000, on: day2), invoice("B", 100, on: day1),
        ]
        let violations = LedgerAudit.audit(events).violations
        #expect(violations.contains { $0.contains("reused") })
        #expect(violations.contains { $0.contains("after an event") })
    }
}
