import Foundation
import Testing

/// `--format table` (the default) for people, `--format csv` for spreadsheets.
@Suite("encours exposure, ageing, dso: table and CSV")
struct ReportFormatTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.importHandLedger()
    }

    func report(_ name: String, _ extra: [String] = []) throws -> EncoursRun {
        try workspace.encours([name, "--db", workspace.db, "--as-of", HandLedger.asOf] + extra)
    }

    @Test func exposureTableIsTheDefaultFormat() throws {
        let run = try report("exposure")
        #expect(run.exitCode == 0)
        #expect(
            run.stdout == """
                customer  order_book  receivables  exposure    limit  headroom  status
                --------  ----------  -----------  --------  -------  --------  --------
                C1              0.00      1100.00   1100.00  1300.00    200.00  warning
                C2              0.00       500.00    500.00  2000.00   1500.00  ok
                C3           2000.00      1000.00   3000.00                     no_limit
                --------  ----------  -----------  --------  -------  --------  --------
                TOTAL        2000.00      2600.00   4600.00

                """
        )
        #expect(try report("exposure", ["--format", "table"]).stdout == run.stdout)
    }

    @Test func ageingTableHasAlignedColumnsAndATotalLine() throws {
        let lines = try report("ageing", ["--format", "table"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)  // header, rule, 3 customers, rule, TOTAL
        #expect(lines.first == "customer  not_due     1_30   31_60  61_90  over_90  disputed  unapplied    total")
        // The last column (total) is right-aligned and never empty: every line is as wide.
        #expect(Set(lines.map(\.count)).count == 1, "\(lines)")
        #expect(lines[2].hasPrefix("C1 ") && lines[2].hasSuffix("  1100.00"))
        #expect(lines[3].hasPrefix("C2 ") && lines[3].hasSuffix("  -300.00   500.00"))
        #expect(lines[6].hasPrefix("TOTAL ") && lines[6].hasSuffix("  -300.00  2600.00"))
    }

    @Test func dsoTableEndsWithTheLedgerFigure() throws {
        let run = try report("dso", ["--method", "simple"])
        #expect(
            run.stdout == """
                customer         dso
                --------------  ----
                C1              66.0
                C2              22.5
                C3              90.0
                --------------  ----
                TOTAL (simple)  52.0

                """
        )
    }

    @Test func exposureCSV() throws {
        let run = try report("exposure", ["--format", "csv"])
        #expect(
            run.stdout
                == "customer,order_book,receivables,exposure,limit,headroom,status\r\n"
                + "C1,0.00,1100.00,1100.00,1300.00,200.00,warning\r\n"
                + "C2,0.00,500.00,500.00,2000.00,1500.00,ok\r\n"
                + "C3,2000.00,1000.00,3000.00,,,no_limit\r\n"
        )
    }

    @Test func ageingCSVHasAHeaderAndOneRowPerCustomer() throws {
        let run = try report("ageing", ["--format", "csv"])
        #expect(
            run.stdout
                == "customer,not_due,1_30,31_60,61_90,over_90,disputed,unapplied,total\r\n"
                + "C1,0.00,500.00,600.00,0.00,0.00,200.00,0.00,1100.00\r\n"
                + "C2,800.00,0.00,0.00,0.00,0.00,0.00,-300.00,500.00\r\n"
                + "C3,0.00,1000.00,0.00,0.00,0.00,0.00,0.00,1000.00\r\n"
        )
    }

    @Test func dsoCSVForOneCustomer() throws {
        let run = try report("dso", ["--format", "csv", "--customer", "C1"])
        #expect(run.stdout == "customer,dso\r\nC1,77.6\r\n")
    }
}
