import EncoursCore
import EncoursTestSupport
import Testing

/// Every transition of the standard scenario on one invoice, by hand: A, 1000.00, issued
/// 2026-01-01, due 2026-01-31. Its steps' own days: pre_due 01-26 (due − 5), reminder_1 02-03
/// (due + 3), reminder_2 ten days after reminder_1 is done, formal_notice 03-02 (due + 30:
/// February 2026 has 28 days), litigation 03-17 (due + 45).
@Suite struct DunningWorklistTests {
    static let opening: [Event] = [
        register("C1", on: "2026-01-01"),
        invoice("A", "C1", "1000.00", on: "2026-01-01", due: "2026-01-31"),
    ]

    /// The worklist as lines: `customer step invoices since=day` for an action,
    /// `customer invoice paused:reason step [until=day]` for a pause.
    static func lines(
        _ events: [Event],
        on text: String,
        scenario: DunningScenario = .standard,
        graceDays: Int = 3,
        owner: DunningOwner? = nil
    ) throws -> [String] {
        let ledger = try appendOneByOne(opening + events)
        return lines(
            ledger.dunningWorklist(on: day(text), scenario: scenario, promiseGraceDays: graceDays, owner: owner)
        )
    }

    static func lines(_ worklist: DunningWorklist) -> [String] {
        worklist.actions.map { action in
            "\(action.customer) \(action.step.name) \(action.invoices.map(\.invoice.rawValue).joined(separator: ",")) "
                + "since=\(action.dueSince)"
        }
            + worklist.paused.map { pause in
                "\(pause.customer) \(pause.invoice.invoice) paused:\(pause.reason.rawValue) \(pause.step.name)"
                    + (pause.until.map { " until=\($0)" } ?? "")
            }
    }

    @Test func preDueReminderFromFiveDaysBeforeTheDueDateUntilIt() throws {
        #expect(try Self.lines([], on: "2026-01-25") == [])
        #expect(try Self.lines([], on: "2026-01-26") == ["C1 pre_due A since=2026-01-26"])
        #expect(try Self.lines([], on: "2026-01-31") == ["C1 pre_due A since=2026-01-26"])
        let ledger = try appendOneByOne(Self.opening)
        let action = try #require(ledger.dunningWorklist(on: day("2026-01-31")).actions.first)
        #expect(action.daysLate == 0)
        #expect(action.open == eur("1000.00"))
        #expect(action.step.channel == .email)
        #expect(action.step.owner == .finance)
    }

    @Test func preDueReminderLapsesOnceTheDueDateHasPassed() throws {
        #expect(try Self.lines([], on: "2026-02-01") == [])
        #expect(try Self.lines([], on: "2026-02-02") == [])
    }

    @Test func reminderOneThreeDaysAfterTheDueDateWhetherOrNotPreDueWasSent() throws {
        #expect(try Self.lines([], on: "2026-02-03") == ["C1 reminder_1 A since=2026-02-03"])
        let preDueSent = [reminder("C1", "pre_due", on: "2026-01-26", invoices: ["A"])]
        #expect(try Self.lines(preDueSent, on: "2026-01-27") == [])
        #expect(try Self.lines(preDueSent, on: "2026-02-03") == ["C1 reminder_1 A since=2026-02-03"])
        // Not done: it stays on the list, and reminder_2 never comes due without it.
        #expect(try Self.lines([], on: "2026-03-01") == ["C1 reminder_1 A since=2026-02-03"])
    }

    @Test func reminderTwoTenDaysAfterReminderOneWasDone() throws {
        // Done two days late, on 02-05: reminder_2 on 02-15, not 02-13.
        let done = [reminder("C1", "reminder_1", on: "2026-02-05", invoices: ["A"])]
        #expect(try Self.lines(done, on: "2026-02-05") == [])
        #expect(try Self.lines(done, on: "2026-02-14") == [])
        #expect(try Self.lines(done, on: "2026-02-15") == ["C1 reminder_2 A since=2026-02-15"])
        let ledger = try appendOneByOne(Self.opening + done)
        let action = try #require(ledger.dunningWorklist(on: day("2026-02-20")).actions.first)
        #expect(action.step.name == "reminder_2")
        #expect(action.step.owner == .sales)
        #expect(action.step.channel == .phone)
        #expect(action.daysLate == 20)
        #expect(action.dueSince == day("2026-02-15"))
    }

    @Test func aStepDoneAgainKeepsTheDayItWasFirstDone() throws {
        let twice = [
            reminder("C1", "reminder_1", on: "2026-02-03", invoices: ["A"]),
            reminder("C1", "reminder_1", on: "2026-02-08", invoices: ["A"]),
        ]
        #expect(try Self.lines(twice, on: "2026-02-13") == ["C1 reminder_2 A since=2026-02-13"])
    }

    @Test func formalNoticeOvertakesAMissedReminderTwo() throws {
        let done = [reminder("C1", "reminder_1", on: "2026-02-05", invoices: ["A"])]
        #expect(try Self.lines(done, on: "2026-03-01") == ["C1 reminder_2 A since=2026-02-15"])
        #expect(try Self.lines(done, on: "2026-03-02") == ["C1 formal_notice A since=2026-03-02"])
        // Nothing done at all: the formal notice overtakes reminder_1 too.
        #expect(try Self.lines([], on: "2026-03-05") == ["C1 formal_notice A since=2026-03-02"])
    }

    @Test func litigationFifteenDaysAfterTheFormalNoticeThenNothing() throws {
        let notice = [reminder("C1", "formal_notice", on: "2026-03-02", invoices: ["A"], channel: "registered_letter")]
        #expect(try Self.lines(notice, on: "2026-03-16") == [])
        #expect(try Self.lines(notice, on: "2026-03-17") == ["C1 litigation A since=2026-03-17"])
        let handedOver = notice + [reminder("C1", "litigation", on: "2026-03-18", invoices: ["A"])]
        #expect(try Self.lines(handedOver, on: "2026-12-31") == [])
    }

    @Test func disputePausesUntilItIsResolved() throws {
        let disputed = [disputeOpened("D1", "A", amount: "200.00", on: "2026-02-01")]
        #expect(try Self.lines(disputed, on: "2026-02-03") == ["C1 A paused:dispute reminder_1"])
        let resolved = disputed + [disputeResolved("D1", on: "2026-02-10")]
        #expect(try Self.lines(resolved, on: "2026-02-09") == ["C1 A paused:dispute reminder_1"])
        // Due since 02-03 all along: 7 days waiting once the dispute is gone.
        #expect(try Self.lines(resolved, on: "2026-02-10") == ["C1 reminder_1 A since=2026-02-03"])
        // An invoice whose step is not due is not listed, paused or not.
        #expect(try Self.lines(disputed, on: "2026-02-02") == [])
    }

    @Test func pendingPromisePausesUntilDueDatePlusGrace() throws {
        // Promised on 02-04 for 02-06: pending until 02-09 with 3 days of grace.
        let promised = [
            reminder("C1", "reminder_1", on: "2026-02-03", invoices: ["A"]),
            promise("PR-1", "C1", "1000.00", on: "2026-02-04", due: "2026-02-06", invoices: ["A"]),
        ]
        // reminder_2's own day is 02-13; nothing is due before.
        #expect(try Self.lines(promised, on: "2026-02-09") == [])
        // With reminder_1 not done, its step is due and the promise pauses it.
        let notReminded = [promise("PR-1", "C1", "1000.00", on: "2026-02-04", due: "2026-02-06", invoices: ["A"])]
        #expect(try Self.lines(notReminded, on: "2026-02-05") == ["C1 A paused:promise reminder_1 until=2026-02-09"])
        #expect(try Self.lines(notReminded, on: "2026-02-09") == ["C1 A paused:promise reminder_1 until=2026-02-09"])
        #expect(try Self.lines(notReminded, on: "2026-02-09", graceDays: 0) == ["C1 reminder_1 A since=2026-02-03"])
    }

    @Test func brokenPromiseMovesToTheNextStepAtOnce() throws {
        let promised = [
            reminder("C1", "reminder_1", on: "2026-02-03", invoices: ["A"]),
            promise("PR-1", "C1", "1000.00", on: "2026-02-04", due: "2026-02-06", invoices: ["A"]),
            payment("P1", "C1", "300.00", on: "2026-02-06", allocations: [("A", "300.00")]),
        ]
        // Broken on 02-10 (300.00 of 1000.00 paid by 02-09): reminder_2, whose own day is
        // 02-13, is due from 02-10.
        #expect(try Self.lines(promised, on: "2026-02-10") == ["C1 reminder_2 A since=2026-02-10"])
        // Once reminder_2 is done, the broken promise is answered: formal_notice on its own day.
        let called = promised + [reminder("C1", "reminder_2", on: "2026-02-11", invoices: ["A"])]
        #expect(try Self.lines(called, on: "2026-02-12") == [])
        #expect(try Self.lines(called, on: "2026-03-02") == ["C1 formal_notice A since=2026-03-02"])
    }

    @Test func keptPromiseNoLongerPauses() throws {
        // 500.00 promised by 02-10 and paid on 02-08: kept; A is still open for 500.00.
        let kept = [
            promise("PR-1", "C1", "500.00", on: "2026-02-04", due: "2026-02-10", invoices: ["A"]),
            payment("P1", "C1", "500.00", on: "2026-02-08", allocations: [("A", "500.00")]),
        ]
        #expect(try Self.lines(kept, on: "2026-02-07") == ["C1 A paused:promise reminder_1 until=2026-02-13"])
        #expect(try Self.lines(kept, on: "2026-02-08") == ["C1 reminder_1 A since=2026-02-03"])
        let ledger = try appendOneByOne(Self.opening + kept)
        #expect(ledger.dunningWorklist(on: day("2026-02-08")).actions.first?.open == eur("500.00"))
    }

    @Test func promiseNamingNoInvoiceCoversThoseIssuedByItsDay() throws {
        let events = [
            invoice("B", "C1", "200.00", on: "2026-02-05", due: "2026-02-05"),
            promise("PR-1", "C1", "1000.00", on: "2026-02-04", due: "2026-02-20"),
        ]
        // A (issued 01-01) is covered; B (issued 02-05, reminder_1 due 02-08) is not.
        #expect(
            try Self.lines(events, on: "2026-02-08")
                == ["C1 reminder_1 B since=2026-02-08", "C1 A paused:promise reminder_1 until=2026-02-23"]
        )
    }

    @Test func reminderNamingNoInvoiceCountsForThoseIssuedByItsDay() throws {
        let events = [
            reminder("C1", "reminder_1", on: "2026-02-03"),
            invoice("B", "C1", "200.00", on: "2026-02-04", due: "2026-02-05"),
        ]
        // A: reminder_2 ten days after 02-03. B, issued after the reminder: its own reminder_1
        // on 02-08. Two actions for one customer, the more advanced step first.
        #expect(
            try Self.lines(events, on: "2026-02-13")
                == ["C1 reminder_2 A since=2026-02-13", "C1 reminder_1 B since=2026-02-08"]
        )
    }

    @Test func levelOutsideTheScenarioIsAContactOnly() throws {
        let ledger = try appendOneByOne(
            Self.opening + [reminder("C1", "courtesy_call", on: "2026-02-03", invoices: ["A"], channel: "phone")]
        )
        let worklist = ledger.dunningWorklist(on: day("2026-02-03"))
        #expect(Self.lines(worklist) == ["C1 reminder_1 A since=2026-02-03"])
        #expect(
            worklist.actions.first?.lastContact
                == ContactRecord(day: day("2026-02-03"), kind: .reminder, level: "courtesy_call", channel: "phone")
        )
    }

    @Test func customScenarioChainsStepsOnlyFromStepsDone() throws {
        let scenario = try DunningScenario(steps: [
            DunningStep(name: "call", offsetDays: 0, channel: .phone, owner: .sales),
            DunningStep(name: "letter", offsetDays: 7, after: .previousStep, channel: .letter, owner: .finance),
            DunningStep(
                name: "notice",
                offsetDays: 14,
                after: .previousStep,
                channel: .registeredLetter,
                owner: .finance
            ),
        ])
        #expect(try Self.lines([], on: "2026-01-31", scenario: scenario) == ["C1 call A since=2026-01-31"])
        let called = [reminder("C1", "call", on: "2026-02-02", invoices: ["A"])]
        #expect(try Self.lines(called, on: "2026-02-08", scenario: scenario) == [])
        #expect(try Self.lines(called, on: "2026-02-09", scenario: scenario) == ["C1 letter A since=2026-02-09"])
        // The letter never sent: the notice never comes due, the letter stays on the list.
        #expect(try Self.lines(called, on: "2026-12-31", scenario: scenario) == ["C1 letter A since=2026-02-09"])
        let written = called + [reminder("C1", "letter", on: "2026-02-12", invoices: ["A"])]
        #expect(try Self.lines(written, on: "2026-02-25", scenario: scenario) == [])
        #expect(try Self.lines(written, on: "2026-02-26", scenario: scenario) == ["C1 notice A since=2026-02-26"])
        // Reminders of the standard scenario's levels are contacts only here.
        let standardLevel = [reminder("C1", "reminder_1", on: "2026-02-02", invoices: ["A"])]
        #expect(try Self.lines(standardLevel, on: "2026-02-09", scenario: scenario) == ["C1 call A since=2026-01-31"])
    }

    @Test func settledInvoicesLeaveTheList() throws {
        let paid = [payment("P1", "C1", "1000.00", on: "2026-02-02")]
        #expect(try Self.lines(paid, on: "2026-02-03") == [])
    }

    @Test func aPastDayReadsTheTimelineAsItThenStood() throws {
        // Paid on 03-10: on 02-03 the invoice was open, and reminder_1 due.
        let ledger = try appendOneByOne(Self.opening + [payment("P1", "C1", "1000.00", on: "2026-03-10")])
        #expect(Self.lines(ledger.dunningWorklist(on: day("2026-02-03"))) == ["C1 reminder_1 A since=2026-02-03"])
        #expect(ledger.dunningWorklist(on: day("2025-12-31")).actions.isEmpty)
    }

    /// On 02-15: C3 has a formal notice due, C5 reminder_2, the others reminder_1. C1 is the
    /// latest of those (10 days); C2, C4 and C6 are 5 days late, C6 for less (two invoices at
    /// the step, one action), C2 and C4 for the same amount: customer id decides.
    @Test func mostUrgentFirstThenOwnerFilter() throws {
        var events = ["C1", "C2", "C3", "C4", "C5", "C6"].map { register(CustomerID($0), on: "2026-01-01") }
        events += [
            invoice("A1", "C1", "100.00", on: "2026-01-01", due: "2026-02-05"),
            invoice("A2", "C2", "5000.00", on: "2026-01-01", due: "2026-02-10"),
            invoice("A4", "C4", "5000.00", on: "2026-01-01", due: "2026-02-10"),
            invoice("A6", "C6", "50.00", on: "2026-01-01", due: "2026-02-10"),
            invoice("B6", "C6", "20.00", on: "2026-01-01", due: "2026-02-12"),
            invoice("A3", "C3", "1000.00", on: "2026-01-01", due: "2026-01-14"),
            invoice("A5", "C5", "700.00", on: "2026-01-01", due: "2026-01-20"),
            reminder("C5", "reminder_1", on: "2026-01-23", invoices: ["A5"]),
        ]
        let ledger = try appendOneByOne(events)
        let worklist = ledger.dunningWorklist(on: day("2026-02-15"))
        // C3: 32 days late, formal notice since 01-14 + 30. C5: reminder_2 since 01-23 + 10.
        // C6: B6's reminder_1 comes due today (02-12 + 3), A6's on 02-13.
        #expect(
            Self.lines(worklist) == [
                "C3 formal_notice A3 since=2026-02-13",
                "C5 reminder_2 A5 since=2026-02-02",
                "C1 reminder_1 A1 since=2026-02-08",
                "C2 reminder_1 A2 since=2026-02-13",
                "C4 reminder_1 A4 since=2026-02-13",
                "C6 reminder_1 A6,B6 since=2026-02-13",
            ]
        )
        #expect(worklist.actions.map(\.daysLate) == [32, 26, 10, 5, 5, 5])
        #expect(
            worklist.actions.map(\.open.decimalString) == [
                "1000.00", "700.00", "100.00", "5000.00", "5000.00", "70.00",
            ]
        )
        #expect(worklist.actions.last?.invoices.map(\.daysLate) == [5, 3])
        #expect(worklist.actions.last?.invoices.map(\.dueSince) == [day("2026-02-13"), day("2026-02-15")])
        let sales = ledger.dunningWorklist(on: day("2026-02-15"), owner: .sales)
        #expect(Self.lines(sales) == ["C5 reminder_2 A5 since=2026-02-02"])
        let one = ledger.dunningWorklist(on: day("2026-02-15"), customer: "C6")
        #expect(Self.lines(one) == ["C6 reminder_1 A6,B6 since=2026-02-13"])
    }

    @Test func lastContactAndOpenPromiseOfTheCustomer() throws {
        let ledger = try appendOneByOne(
            Self.opening + [
                invoice("B", "C1", "400.00", on: "2026-01-10", due: "2026-03-31"),
                reminder("C1", "reminder_1", on: "2026-02-03", invoices: ["A"], channel: "email"),
                promise("PR-1", "C1", "400.00", on: "2026-02-05", due: "2026-03-31", invoices: ["B"]),
                promise("PR-2", "C1", "100.00", on: "2026-02-06", due: "2026-03-20", invoices: ["B"]),
                note("C1", "Appel sans réponse", on: "2026-02-14"),
                note("C1", "Rappel prévu", on: "2026-02-20"),
            ]
        )
        let action = try #require(ledger.dunningWorklist(on: day("2026-02-14")).actions.first)
        #expect(action.step.name == "reminder_2")
        #expect(action.lastContact == ContactRecord(day: day("2026-02-14"), kind: .note))
        // Both pending: the one due first.
        #expect(action.openPromise?.promise.id == "PR-2")
        #expect(action.openPromise?.status == .pending)
        // On 02-13, the notes of the 14th and 20th are not yet written.
        let earlier = try #require(ledger.dunningWorklist(on: day("2026-02-13")).actions.first)
        #expect(earlier.lastContact == ContactRecord(day: day("2026-02-06"), kind: .promise))
    }
}
