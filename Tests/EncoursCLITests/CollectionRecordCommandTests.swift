import EncoursTestSupport
import Foundation
import Testing

/// `encours scorecard`, `incidents` and `search` on a database read offline, run as a user runs them.
@Suite("encours scorecard, incidents, search (offline)")
struct CollectionRecordCommandTests {
    let workspace: Workspace

    static let lines = [
        #"{"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","sales_rep":"R1","on":"2026-01-01"}"#,
        #"{"type":"customer.registered","customer":"C2","legal_name":"Dupont Frères","on":"2026-01-01"}"#,
        #"{"type":"invoice.issued","customer":"C1","invoice":"A","amount":"1000.00","on":"2026-01-01"}"#,
        #"{"type":"note.logged","customer":"C1","text":"Relancé pour retard de paiement","on":"2026-02-03"}"#,
        #"{"type":"payment.received","customer":"C1","payment":"P1","amount":"1000.00","on":"2026-02-25"}"#,
    ]

    init() throws {
        workspace = try Workspace()
        try workspace.importFiles([workspace.write("ledger.ndjson", lines: Self.lines)]).expectSuccess()
    }

    @Test func scorecardWithAnOfflineCommissionRate() throws {
        let run = try workspace.encours([
            "scorecard", "--db", workspace.db, "--from", "2026-02-01", "--to", "2026-02-28",
            "--commission-rate", "2.5", "--format", "json",
        ])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.contains(#""commission":{"rate":"2.50","earned":"0.00","held":"0.00","released":"25.00"}"#))
        #expect(run.stdout.contains(#""unassigned_customers":1"#))
        let one = try workspace.encours(["scorecard", "R1", "--db", workspace.db, "--to", "2026-02-28"])
        #expect(one.exitCode == 0, "\(one)")
        #expect(one.stdout.hasPrefix("sales_rep"))
        let unknown = try workspace.encours(["scorecard", "R9", "--db", workspace.db, "--to", "2026-02-28"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("\"R9\""))
        let backwards = try workspace.encours([
            "scorecard", "--db", workspace.db, "--from", "2026-03-01", "--to", "2026-02-01",
        ])
        #expect(backwards.exitCode == 2)
        let badRate = try workspace.encours(["scorecard", "--db", workspace.db, "--commission-rate", "2,5"])
        #expect(badRate.exitCode == 2)
    }

    @Test func incidentsNewestFirst() throws {
        let run = try workspace.encours([
            "incidents", "C1", "--db", workspace.db, "--as-of", "2026-03-31", "--format", "csv",
        ])
        #expect(run.exitCode == 0, "\(run)")
        let rows = run.stdout.split(whereSeparator: \.isNewline)
        #expect(rows.first == "on,kind,invoices,amount,days_late,detail,text")
        #expect(rows.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
            "2026-02-25,late_payment", "2026-02-03,note",
        ])
        let unknown = try workspace.encours(["incidents", "C9", "--db", workspace.db])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("C9"))
    }

    @Test func searchIgnoresAccentsAndCaseAndMatchesPrefixes() throws {
        let run = try workspace.encours(["search", "RELANCE", "paiem", "--db", workspace.db, "--format", "json"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdout
                == #"{"query":"RELANCE paiem","customers":[{"customer":"C1","legal_name":"Alpha SAS","matches":1}],"#
                + #""incidents":[{"seq":4,"customer":"C1","on":"2026-02-03","type":"note.logged","#
                + #""snippet":"[Relancé] pour retard de [paiement]"}]}"# + "\n"
        )
        let byName = try workspace.encours(["search", "freres", "--db", workspace.db])
        #expect(byName.exitCode == 0, "\(byName)")
        #expect(byName.stdout.contains("Dupont Frères"))
        let nothing = try workspace.encours(["search", "--db", workspace.db])
        #expect(nothing.exitCode == 2)
    }
}
