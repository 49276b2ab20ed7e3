import EncoursCore
import EncoursTestSupport
import Testing

/// The penalties report: per-customer totals, its JSON (docs/api.md) and its tables.
@Suite struct PenaltyReportTests {
    let ledger: Ledger

    init() throws {
        ledger = try appendOneByOne([
            register("C2", on: "2025-01-01"),
            register("C1", on: "2025-01-01"),
            register("C3", on: "2025-01-01"),
            // C1 A: 30 days at 13.15 % on 1000.00 → 10.81 (PenaltyTests' first case) + 40.00.
            invoice("A", "C1", "1000.00", on: "2025-01-15", due: "2025-02-14"),
            payment("P1", "C1", "1000.00", on: "2025-03-16", allocations: [("A", "1000.00")]),
            // C1 B: 1 day at 13.15 % on 1000.00 → 0.36 + 40.00.
            invoice("B", "C1", "1000.00", on: "2025-03-01", due: "2025-03-31"),
            payment("P2", "C1", "1000.00", on: "2025-04-01", allocations: [("B", "1000.00")]),
            // C2 X: paid on its due date, no penalty.
            invoice("X", "C2", "1000.00", on: "2025-03-01", due: "2025-03-31"),
            payment("P3", "C2", "1000.00", on: "2025-03-31", allocations: [("X", "1000.00")]),
            // C2 Y: open 06-01…06-30 = 30 days at 13.15 %: 730 × 0.1315 × 30 / 365 = 7.89 exactly.
            invoice("Y", "C2", "730.00", on: "2025-05-01", due: "2025-05-31"),
            // C3: not due yet.
            invoice("Z", "C3", "500.00", on: "2025-06-15", due: "2025-07-15"),
        ])
    }

    @Test func perCustomerTotals() throws {
        let report = try ledger.penalties(asOf: day("2025-06-30"))
        // C1: 10.81 + 0.36 = 11.17 interest, 80.00 indemnity, 91.17. C2: 7.89 + 40.00 = 47.89.
        // Ledger: 19.06 interest, 120.00 indemnity, 139.06; overdue 730.00.
        #expect(report.customers.map(\.customer) == ["C1", "C2"])
        #expect(
            report.customers.map {
                [$0.totals.overdue, $0.totals.interest, $0.totals.indemnity, $0.totals.total].map(\.decimalString)
            } == [["0.00", "11.17", "80.00", "91.17"], ["730.00", "7.89", "40.00", "47.89"]]
        )
        #expect(report.total.total == eur("139.06"))
        let one = try ledger.penalties(asOf: day("2025-06-30"), customer: "C2")
        #expect(one.customers.map(\.customer) == ["C2"])
        #expect(one.total.total == eur("47.89"))
    }

    @Test func json() throws {
        #expect(
            try ledger.penalties(asOf: day("2025-06-30")).json
                == #"{"as_of":"2025-06-30","currency":"EUR","customers":["#
                + #"{"customer":"C1","invoices":["#
                + #"{"invoice":"A","due_on":"2025-02-14","days_late":30,"overdue":"0.00","interest":"10.81","indemnity":"40.00","total":"50.81"},"#
                + #"{"invoice":"B","due_on":"2025-03-31","days_late":1,"overdue":"0.00","interest":"0.36","indemnity":"40.00","total":"40.36"}],"#
                + #""overdue":"0.00","interest":"11.17","indemnity":"80.00","total":"91.17"},"#
                + #"{"customer":"C2","invoices":["#
                + #"{"invoice":"Y","due_on":"2025-05-31","days_late":30,"overdue":"730.00","interest":"7.89","indemnity":"40.00","total":"47.89"}],"#
                + #""overdue":"730.00","interest":"7.89","indemnity":"40.00","total":"47.89"}],"#
                + #""total":{"overdue":"730.00","interest":"19.06","indemnity":"120.00","total":"139.06"}}"#
        )
    }

    @Test func tables() throws {
        let report = try ledger.penalties(asOf: day("2025-06-30"))
        #expect(
            report.table.csv
                == "customer,invoice,due_on,days_late,overdue,interest,indemnity,total\r\n"
                + "C1,A,2025-02-14,30,0.00,10.81,40.00,50.81\r\n"
                + "C1,B,2025-03-31,1,0.00,0.36,40.00,40.36\r\n"
                + "C2,Y,2025-05-31,30,730.00,7.89,40.00,47.89\r\n"
        )
        #expect(
            report.customerTable.text
                == """
                customer  invoices  overdue  interest  indemnity   total
                --------  --------  -------  --------  ---------  ------
                C1               2     0.00     11.17      80.00   91.17
                C2               1   730.00      7.89      40.00   47.89
                --------  --------  -------  --------  ---------  ------
                TOTAL            3   730.00     19.06     120.00  139.06

                """
        )
    }
}
