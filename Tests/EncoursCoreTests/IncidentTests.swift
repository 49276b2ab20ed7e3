import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct IncidentTests {
    let c1: CustomerID = "C1"

    func events() -> [Event] {
        [
            register(c1, on: "2026-01-01"),
            // Due 2026-01-31 (30 days' terms).
            invoice("A", c1, "1000.00", on: "2026-01-01"),
            // Due 2026-02-14.
            invoice("B", c1, "500.00", on: "2026-01-15"),
            .reminderSent(
                ReminderSent(customer: c1, level: "reminder_1", channel: "email", invoices: ["A"], on: day("2026-02-03"))
            ),
            .disputeOpened(
                DisputeOpened(invoice: "B", dispute: "D1", reason: "livraison incomplète", on: day("2026-02-05"))
            ),
            .promiseMade(
                PromiseMade(customer: c1, promise: "PR1", amount: eur("1000.00"), dueOn: day("2026-02-10"), on: day("2026-02-04"))
            ),
            payment("P1", c1, "600.00", on: "2026-02-12", allocations: [("A", "600.00")]),
            .noteLogged(NoteLogged(customer: c1, text: "Rappelé le comptable", tags: ["appel"], on: day("2026-02-20"))),
            .customerBlocked(CustomerBlockChange(customer: c1, reason: "retards répétés", on: day("2026-02-21"))),
            payment("P2", c1, "400.00", on: "2026-02-25", allocations: [("A", "400.00")]),
            .disputeResolved(DisputeResolved(dispute: "D1", outcome: .upheld, on: day("2026-03-01"))),
            .customerUnblocked(CustomerBlockChange(customer: c1, on: day("2026-03-02"))),
        ]
    }

    @Test func everyKindInNewestFirstOrder() throws {
        let ledger = try appendOneByOne(events())
        let history = try #require(ledger.incidents(of: c1, asOf: day("2026-03-31"), promiseGraceDays: 3))
        #expect(
            history.incidents.map(\.kind) == [
                .unblocked, .disputeResolved, .latePayment, .blocked, .note, .promiseBroken, .disputeOpened, .reminder,
            ]
        )
        let late = history.incidents[2]
        // A fell due 01-31 and its last cent came on 02-25.
        #expect(late.on == day("2026-02-25"))
        #expect(late.invoices == ["A"])
        #expect(late.amount?.decimalString == "1000.00")
        #expect(late.daysLate == 25)
        #expect(late.sequence == nil)
        let broken = history.incidents[5]
        // Promised for 02-10 with 3 days' grace: broken on 02-14 with 600 of 1000 paid.
        #expect(broken.on == day("2026-02-14"))
        #expect(broken.amount?.decimalString == "400.00")
        #expect(broken.daysLate == 4)
        let opened = history.incidents[6]
        #expect(opened.amount?.decimalString == "500.00")
        #expect(opened.text == "livraison incomplète")
        #expect(history.incidents[7].detail == "reminder_1 by email")
        #expect(history.incidents[4].detail == "appel")
        #expect(history.incidents[1].detail == "dispute D1 upheld")
    }

    @Test func onlyWhatHappenedByTheDate() throws {
        let ledger = try appendOneByOne(events())
        let history = try #require(ledger.incidents(of: c1, asOf: day("2026-02-12"), promiseGraceDays: 3))
        // The promise is still pending on 02-12 and A is not yet fully paid.
        #expect(history.incidents.map(\.kind) == [.disputeOpened, .reminder])
        #expect(ledger.incidents(of: c1, asOf: day("2025-12-31"), promiseGraceDays: 3) == nil)
        #expect(ledger.incidents(of: "C9", asOf: day("2026-03-31"), promiseGraceDays: 3) == nil)
    }

    @Test func aPaymentOnTheDueDateIsNotLate() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-01", due: "2026-01-31"),
            payment("P1", c1, "100.00", on: "2026-01-31"),
        ])
        let history = try #require(ledger.incidents(of: c1, asOf: day("2026-03-31"), promiseGraceDays: 3))
        #expect(history.incidents.isEmpty)
    }
}
