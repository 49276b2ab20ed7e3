import EncoursCore
import EncoursTestSupport
import Testing

/// Promises to pay against the payments after them, by hand. C1 owes A (2000.00):
/// PR-1 1000.00 made 02-01 for 02-10 (until 02-13 with 3 days of grace), PR-2 500.00 made
/// 02-02 for 02-05 (until 02-08), PR-3 300.00 made 02-20 for 03-01 (until 03-04). Payments:
/// 600.00 on 02-05 and 400.00 on 02-13 go to PR-1, the earliest made (kept on 02-13); PR-2 gets
/// none (broken on 02-09); 100.00 on 02-20, recorded before PR-3, does not count toward it;
/// 100.00 on 02-25 does. C2 made two promises of 100.00 the same day: 250.00 counts whole
/// toward the first, the next payment toward the second.
@Suite struct PromiseTests {
    static let events: [Event] = [
        register("C1", on: "2026-01-01"),
        register("C2", on: "2026-01-01"),
        register("C3", on: "2026-01-01"),
        invoice("A", "C1", "2000.00", on: "2026-01-01", due: "2026-01-31"),
        invoice("X", "C2", "1000.00", on: "2026-01-01", due: "2026-01-31"),
        invoice("Z", "C3", "1000.00", on: "2026-01-01", due: "2026-01-31"),
        payment("P0", "C1", "50.00", on: "2026-01-20"),
        promise("PR-1", "C1", "1000.00", on: "2026-02-01", due: "2026-02-10", invoices: ["A"]),
        promise("PR-2", "C1", "500.00", on: "2026-02-02", due: "2026-02-05"),
        payment("P1", "C1", "600.00", on: "2026-02-05"),
        payment("P2", "C1", "400.00", on: "2026-02-13"),
        payment("P3", "C1", "100.00", on: "2026-02-20"),
        promise("PR-3", "C1", "300.00", on: "2026-02-20", due: "2026-03-01"),
        payment("P4", "C1", "100.00", on: "2026-02-25"),
        promise("PR-A", "C2", "100.00", on: "2026-02-01", due: "2026-02-10"),
        promise("PR-B", "C2", "100.00", on: "2026-02-01", due: "2026-02-10"),
        payment("Q1", "C2", "250.00", on: "2026-02-03"),
        payment("Q2", "C2", "100.00", on: "2026-02-05"),
    ]

    /// `promise status paid kept_on|broke_on`.
    static func lines(_ report: PromiseReport) -> [String] {
        report.customers.flatMap { customer in
            customer.promises.map { outcome in
                "\(outcome.promise.id) \(outcome.status.rawValue) \(outcome.paid)"
                    + (outcome.keptOn.map { " kept=\($0)" } ?? "") + (outcome.brokeOn.map { " broke=\($0)" } ?? "")
            }
        }
    }

    @Test func keptBrokenPendingOnADay() throws {
        let ledger = try appendOneByOne(Self.events)
        let report = ledger.promises(asOf: day("2026-03-02"))
        #expect(report.customers.map(\.customer) == ["C1", "C2"])
        #expect(
            Self.lines(report) == [
                "PR-1 kept 1000.00 kept=2026-02-13",
                "PR-2 broken 0.00 broke=2026-02-09",
                "PR-3 pending 100.00",
                "PR-A kept 250.00 kept=2026-02-03",
                "PR-B kept 100.00 kept=2026-02-05",
            ]
        )
        let c1 = report.customers[0].totals
        #expect([c1.kept.count, c1.broken.count, c1.pending.count] == [1, 1, 1])
        #expect(
            [c1.kept.amount, c1.broken.amount, c1.pending.amount].map(\.decimalString) == [
                "1000.00", "500.00", "300.00",
            ]
        )
        #expect([report.total.kept.count, report.total.broken.count, report.total.pending.count] == [3, 1, 1])
        #expect(
            [report.total.kept.amount, report.total.broken.amount, report.total.pending.amount].map(\.decimalString)
                == ["1200.00", "500.00", "300.00"]
        )
    }

    @Test func earlierDayCountsOnlyThePaymentsMadeBy() throws {
        let ledger = try appendOneByOne(Self.events)
        #expect(
            Self.lines(ledger.promises(asOf: day("2026-02-12"))) == [
                "PR-1 pending 600.00", "PR-2 broken 0.00 broke=2026-02-09",
                "PR-A kept 250.00 kept=2026-02-03", "PR-B kept 100.00 kept=2026-02-05",
            ]
        )
        // PR-2's last day: still pending on 02-08, broken on 02-09.
        #expect(
            Self.lines(ledger.promises(asOf: day("2026-02-08"), customer: "C1")) == [
                "PR-1 pending 600.00", "PR-2 pending 0.00",
            ]
        )
        #expect(ledger.promises(asOf: day("2026-01-31")).customers.isEmpty)
    }

    @Test func graceIsConfigurable() throws {
        let ledger = try appendOneByOne(Self.events)
        // No grace: PR-1 ends on 02-10, so 400.00 on 02-13 comes too late and counts for none.
        #expect(
            Self.lines(ledger.promises(asOf: day("2026-03-02"), graceDays: 0, customer: "C1")) == [
                "PR-1 broken 600.00 broke=2026-02-11", "PR-2 broken 0.00 broke=2026-02-06",
                "PR-3 broken 100.00 broke=2026-03-02",
            ]
        )
        #expect(
            Self.lines(ledger.promises(asOf: day("2026-03-05"), customer: "C1")).last
                == "PR-3 broken 100.00 broke=2026-03-05"
        )
    }

    @Test func json() throws {
        let ledger = try appendOneByOne(Self.events)
        #expect(
            ledger.promises(asOf: day("2026-03-02"), customer: "C2").json
                == #"{"as_of":"2026-03-02","currency":"EUR","promise_grace_days":3,"customers":[{"customer":"C2","promises":["#
                + #"{"promise":"PR-A","made_on":"2026-02-01","due_on":"2026-02-10","until":"2026-02-13","amount":"100.00","paid":"250.00","status":"kept","kept_on":"2026-02-03","broke_on":null,"invoices":[]},"#
                + #"{"promise":"PR-B","made_on":"2026-02-01","due_on":"2026-02-10","until":"2026-02-13","amount":"100.00","paid":"100.00","status":"kept","kept_on":"2026-02-05","broke_on":null,"invoices":[]}],"#
                + #""kept":{"count":2,"amount":"200.00"},"broken":{"count":0,"amount":"0.00"},"pending":{"count":0,"amount":"0.00"}}],"#
                + #""total":{"kept":{"count":2,"amount":"200.00"},"broken":{"count":0,"amount":"0.00"},"pending":{"count":0,"amount":"0.00"}}}"#
        )
        #expect(
            ledger.promises(asOf: day("2026-02-12"), customer: "C1").json.contains(
                #"{"promise":"PR-1","made_on":"2026-02-01","due_on":"2026-02-10","until":"2026-02-13","amount":"1000.00","paid":"600.00","status":"pending","kept_on":null,"broke_on":null,"invoices":["A"]}"#
            )
        )
    }

    @Test func table() throws {
        let ledger = try appendOneByOne(Self.events)
        let report = ledger.promises(asOf: day("2026-03-02"))
        #expect(
            report.table.csv
                == "customer,kept,kept_amount,broken,broken_amount,pending,pending_amount\r\n"
                + "C1,1,1000.00,1,500.00,1,300.00\r\n"
                + "C2,2,200.00,0,0.00,0,0.00\r\n"
        )
        #expect(report.table.totals == ["TOTAL", "3", "1200.00", "1", "500.00", "1", "300.00"])
    }

    @Test func replayAndRestoreKeepThePaymentsAfterPromises() throws {
        let checked = try appendOneByOne(Self.events)
        let replayedLedger = try replayed(Self.events)
        #expect(replayedLedger == checked)
        // P0 came before any promise: not kept.
        #expect(
            checked.account("C1")?.state.paymentsSinceFirstPromise.map(\.amount.decimalString) == [
                "600.00", "400.00", "100.00", "100.00",
            ]
        )
        #expect(checked.account("C3")?.state.paymentsSinceFirstPromise == [])
    }
}
