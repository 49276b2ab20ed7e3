import EncoursTestSupport
import Foundation
import Testing

/// `--format json` is exactly the hand-computed JSON of DESIGN §6, compact, one line.
@Suite("encours exposure, ageing, dso: JSON")
struct ReportJSONTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.importHandLedger()
    }

    @Test func exposure() throws {
        let run = try workspace.json("exposure", asOf: HandLedger.asOf)
        #expect(run.exitCode == 0)
        #expect(run.stdout == HandLedgerFigures.exposure + "\n")
        #expect(run.stderr == "")
    }

    @Test func ageing() throws {
        #expect(try workspace.json("ageing", asOf: HandLedger.asOf).stdout == HandLedgerFigures.ageing + "\n")
    }

    @Test func dsoCountbackIsTheDefault() throws {
        #expect(try workspace.json("dso", asOf: HandLedger.asOf).stdout == HandLedgerFigures.dsoCountback + "\n")
        let explicit = try workspace.json("dso", asOf: HandLedger.asOf, ["--method", "countback"])
        #expect(explicit.stdout == HandLedgerFigures.dsoCountback + "\n")
    }

    @Test func dsoSimple() throws {
        let run = try workspace.json("dso", asOf: HandLedger.asOf, ["--method", "simple"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == HandLedgerFigures.dsoSimple + "\n")
    }

    @Test func anEarlierAsOfGivesTheFiguresOfThatDay() throws {
        #expect(
            try workspace.json("exposure", asOf: HandLedger.earlier).stdout == HandLedgerFigures.exposureEarlier + "\n"
        )
        #expect(try workspace.json("ageing", asOf: HandLedger.earlier).stdout == HandLedgerFigures.ageingEarlier + "\n")
    }

    @Test func beforeAnyRegistrationEveryReportIsEmpty() throws {
        #expect(
            try workspace.json("exposure", asOf: "2025-12-31").stdout == #"{"as_of":"2025-12-31","customers":[]}"#
                + "\n"
        )
        #expect(
            try workspace.json("dso", asOf: "2025-12-31").stdout
                == #"{"as_of":"2025-12-31","method":"countback","dso":null,"customers":[]}"# + "\n"
        )
    }

    @Test func customerFiltersEveryReport() throws {
        let exposure = try workspace.json("exposure", asOf: HandLedger.asOf, ["--customer", "C2"])
        #expect(
            exposure.stdout
                == #"{"as_of":"2026-03-31","customers":[{"customer":"C2","order_book":"0.00","receivables":"500.00","exposure":"500.00","limit":"2000.00","headroom":"1500.00","status":"ok"}]}"#
                + "\n"
        )

        let c1 =
            #"{"not_due":"0.00","1_30":"500.00","31_60":"600.00","61_90":"0.00","over_90":"0.00","disputed":"200.00","unapplied":"0.00","total":"1100.00"}"#
        let ageing = try workspace.json("ageing", asOf: HandLedger.asOf, ["--customer", "C1"])
        #expect(
            ageing.stdout
                == #"{"as_of":"2026-03-31","currency":"EUR","customers":[{"customer":"C1","#
                + c1.dropFirst() + #"],"total":"# + c1 + "}\n"
        )

        let dso = try workspace.json("dso", asOf: HandLedger.asOf, ["--customer", "C3"])
        #expect(
            dso.stdout
                == #"{"as_of":"2026-03-31","method":"countback","dso":31.0,"customers":[{"customer":"C3","dso":31.0}]}"#
                + "\n"
        )
    }

    @Test(arguments: ["exposure", "ageing", "dso"])
    func anUnknownCustomerIsAnError(report: String) throws {
        let run = try workspace.json(report, asOf: HandLedger.asOf, ["--customer", "C404"])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: customer \"C404\" is not in the ledger \(workspace.db)\n")
    }
}
