import EncoursTestSupport
import Foundation
import Testing

/// `encours dunning` and `encours promises` offline, run as a user runs them: figures by hand
/// (the ledger of the core's DunningReportTests), usage errors, help with examples.
@Suite("encours dunning and promises")
struct DunningCommandTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        let events = try workspace.write(
            "collection.ndjson",
            lines: [
                #"{"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-01"}"#,
                #"{"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","on":"2026-01-01"}"#,
                #"{"type":"invoice.issued","customer":"C1","invoice":"A","amount":"1000.00","on":"2026-01-01","due_on":"2026-01-31"}"#,
                #"{"type":"invoice.issued","customer":"C1","invoice":"B","amount":"400.00","on":"2026-01-10","due_on":"2026-02-05"}"#,
                #"{"type":"invoice.issued","customer":"C2","invoice":"X","amount":"300.00","on":"2026-01-02","due_on":"2026-02-01"}"#,
                #"{"type":"reminder.sent","customer":"C1","level":"reminder_1","channel":"email","invoices":["A"],"on":"2026-02-03"}"#,
                #"{"type":"dispute.opened","invoice":"X","dispute":"D1","on":"2026-02-02"}"#,
                #"{"type":"promise.made","customer":"C1","promise":"PR-1","amount":"400.00","due_on":"2026-02-20","invoices":["B"],"on":"2026-02-09"}"#,
                #"{"type":"payment.received","customer":"C1","payment":"P1","amount":"400.00","on":"2026-02-19","allocations":[{"invoice":"B","amount":"400.00"}]}"#,
            ]
        )
        let imported = try workspace.importFiles([events])
        #expect(imported.exitCode == 0, "\(imported)")
    }

    @Test func theWorklistAsATable() throws {
        let run = try workspace.encours(["dunning", "--db", workspace.db, "--on", "2026-02-13"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdout == """
                customer  step        channel  owner    invoices      open  days_late  days_waiting  last_contact        promise                       status
                --------  ----------  -------  -------  ---------  -------  ---------  ------------  ------------------  ----------------------------  ---------------
                C1        reminder_2  phone    sales    A          1000.00         13             0  2026-02-09 promise  PR-1 400.00 until 2026-02-23  due
                C1        reminder_1  email    finance  B           400.00          8                                    PR-1 400.00 until 2026-02-23  paused: promise
                C2        reminder_1  email    finance  X           300.00         12                                                                  paused: dispute
                --------  ----------  -------  -------  ---------  -------  ---------  ------------  ------------------  ----------------------------  ---------------
                TOTAL                                   1 invoice  1000.00                                                                             1 due, 2 paused

                """
        )
    }

    @Test func ownerAndCustomerNarrowTheList() throws {
        let finance = try workspace.encours(
            ["dunning", "--db", workspace.db, "--on", "2026-03-02", "--owner", "finance", "--format", "csv"]
        )
        // 03-02: A's formal notice (due + 30) overtakes reminder_2; B is paid; X still disputed.
        #expect(
            finance.stdout
                == "customer,step,channel,owner,invoices,open,days_late,days_waiting,last_contact,promise,status\r\n"
                + "C1,formal_notice,registered_letter,finance,A,1000.00,30,0,2026-02-09 promise,,due\r\n"
                + "C2,reminder_1,email,finance,X,300.00,29,,,,paused: dispute\r\n"
        )
        let sales = try workspace.encours(["dunning", "--db", workspace.db, "--on", "2026-03-02", "--owner", "sales"])
        #expect(sales.stdout.split(separator: "\n").count == 4, "\(sales)")
        let one = try workspace.encours(
            ["dunning", "--db", workspace.db, "--on", "2026-03-02", "--customer", "C2", "--format", "json"]
        )
        #expect(one.stdout.contains(#""actions":[],"paused":[{"customer":"C2""#), "\(one)")
    }

    @Test func promisesPerCustomer() throws {
        // PR-1 (400.00, due 02-20) kept on 02-19 by P1.
        let run = try workspace.encours(["promises", "--db", workspace.db, "--as-of", "2026-02-28", "--format", "csv"])
        #expect(
            run.stdout
                == "customer,kept,kept_amount,broken,broken_amount,pending,pending_amount\r\n"
                + "C1,1,400.00,0,0.00,0,0.00\r\n"
        )
        let json = try workspace.json("promises", asOf: "2026-02-18")
        #expect(json.stdout.contains(#""status":"pending""#))
    }

    @Test func badInputIsAUsageErrorOrSaysWhatIsMissing() throws {
        let owner = try workspace.encours(["dunning", "--db", workspace.db, "--owner", "boss"])
        #expect(owner.exitCode == 2)
        #expect(owner.stderr.contains("--owner"), "\(owner)")
        let day = try workspace.encours(["dunning", "--db", workspace.db, "--on", "2026-02-30"])
        #expect(day.exitCode == 2)
        let customer = try workspace.encours(["dunning", "--db", workspace.db, "--customer", "NOPE"])
        #expect(customer.exitCode == 1)
        #expect(customer.stderr == "error: customer \"NOPE\" is not in the ledger \(workspace.db)\n")
        let missing = try workspace.encours(["promises", "--db", workspace.file("none.db")])
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("no ledger database"))
    }

    @Test func helpShowsExamplesAndTheOfflineScenario() throws {
        let dunning = try workspace.encours(["dunning", "--help"])
        #expect(dunning.exitCode == 0)
        #expect(dunning.stdout.contains("encours dunning --on 2026-03-02 --owner sales"))
        #expect(dunning.stdout.contains("standard scenario"))
        let promises = try workspace.encours(["promises", "--help"])
        #expect(promises.stdout.contains("encours promises --as-of 2026-03-31"))
    }
}
