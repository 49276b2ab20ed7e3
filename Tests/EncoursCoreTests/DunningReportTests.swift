import EncoursCore
import EncoursTestSupport
import Testing

/// The worklist's JSON (docs/api.md, "Dunning worklist") and tables. On 02-13: C1's A
/// (1000.00, due 01-31, reminder_1 done 02-03) is at reminder_2; its B (400.00, due 02-05) is
/// at reminder_1 but covered by PR-1 (pending until 02-23); C2's X (300.00, due 02-01) is at
/// reminder_1 but disputed.
@Suite struct DunningReportTests {
    static let ledger: Ledger = {
        do {
            return try appendOneByOne([
                register("C1", on: "2026-01-01"),
                register("C2", on: "2026-01-01"),
                invoice("A", "C1", "1000.00", on: "2026-01-01", due: "2026-01-31"),
                invoice("B", "C1", "400.00", on: "2026-01-10", due: "2026-02-05"),
                invoice("X", "C2", "300.00", on: "2026-01-02", due: "2026-02-01"),
                reminder("C1", "reminder_1", on: "2026-02-03", invoices: ["A"], channel: "email"),
                disputeOpened("D1", "X", on: "2026-02-02"),
                promise("PR-1", "C1", "400.00", on: "2026-02-09", due: "2026-02-20", invoices: ["B"]),
            ])
        } catch {
            fatalError("the report ledger was refused: \(error)")
        }
    }()

    @Test func json() {
        #expect(
            Self.ledger.dunningWorklist(on: day("2026-02-13")).json
                == #"{"on":"2026-02-13","currency":"EUR","promise_grace_days":3,"actions":["#
                + #"{"customer":"C1","step":"reminder_2","channel":"phone","owner":"sales","statement":false,"penalties":false,"#
                + #""due_since":"2026-02-13","days_waiting":0,"days_late":13,"open":"1000.00","#
                + #""invoices":[{"invoice":"A","due_on":"2026-01-31","days_late":13,"open":"1000.00","due_since":"2026-02-13"}],"#
                + #""last_contact":{"on":"2026-02-09","kind":"promise","level":null,"channel":null},"#
                + #""open_promise":{"promise":"PR-1","made_on":"2026-02-09","due_on":"2026-02-20","until":"2026-02-23","amount":"400.00","paid":"0.00","status":"pending","kept_on":null,"broke_on":null,"invoices":["B"]}}],"#
                + #""paused":["#
                + #"{"customer":"C1","invoice":"B","due_on":"2026-02-05","days_late":8,"open":"400.00","step":"reminder_1","channel":"email","owner":"finance","reason":"promise","promise":"PR-1","until":"2026-02-23"},"#
                + #"{"customer":"C2","invoice":"X","due_on":"2026-02-01","days_late":12,"open":"300.00","step":"reminder_1","channel":"email","owner":"finance","reason":"dispute","promise":null,"until":null}]}"#
        )
        #expect(
            Self.ledger.dunningWorklist(on: day("2025-12-31")).json
                == #"{"on":"2025-12-31","currency":"EUR","promise_grace_days":3,"actions":[],"paused":[]}"#
        )
    }

    @Test func formalNoticeStatesPenaltiesAndReminderOneEnclosesTheStatement() {
        let notice = Self.ledger.dunningWorklist(on: day("2026-03-02"), customer: "C1").json
        #expect(
            notice.contains(
                #""step":"formal_notice","channel":"registered_letter","owner":"finance","statement":false,"penalties":true"#
            )
        )
        let first = Self.ledger.dunningWorklist(on: day("2026-02-24"), customer: "C1").json
        #expect(
            first.contains(
                #""step":"reminder_1","channel":"email","owner":"finance","statement":true,"penalties":false"#
            )
        )
    }

    @Test func tables() {
        let worklist = Self.ledger.dunningWorklist(on: day("2026-02-13"))
        #expect(
            worklist.table.csv
                == "customer,step,channel,owner,invoices,open,days_late,days_waiting,last_contact,promise,status\r\n"
                + "C1,reminder_2,phone,sales,A,1000.00,13,0,2026-02-09 promise,PR-1 400.00 until 2026-02-23,due\r\n"
                + "C1,reminder_1,email,finance,B,400.00,8,,,PR-1 400.00 until 2026-02-23,paused: promise\r\n"
                + "C2,reminder_1,email,finance,X,300.00,12,,,,paused: dispute\r\n"
        )
        #expect(
            worklist.table.totals == ["TOTAL", "", "", "", "1 invoice", "1000.00", "", "", "", "", "1 due, 2 paused"]
        )
    }
}
