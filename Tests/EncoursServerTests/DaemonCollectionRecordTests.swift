import EncoursTestSupport
import Foundation
import Testing

/// Scorecards, incident history and search on a real daemon, with hand-computed figures.
@Suite("encoursd scorecards, incidents and search")
struct DaemonCollectionRecordTests {
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","sales_rep":"R1","terms_days":30,"on":"2026-01-01"}
        {"type":"customer.registered","customer":"C2","legal_name":"Dupont Frères","sales_rep":"R2","on":"2026-01-01"}
        {"type":"invoice.issued","customer":"C1","invoice":"A","amount":"1000.00","on":"2026-01-01"}
        {"type":"note.logged","customer":"C1","text":"Relancé pour retard de paiement","tags":["téléphone"],"on":"2026-02-03"}
        {"type":"dispute.opened","invoice":"A","dispute":"D1","amount":"100.00","reason":"Retard de livraison, paiement suspendu","on":"2026-02-05"}
        {"type":"payment.received","customer":"C1","payment":"P1","amount":"1000.00","on":"2026-02-25"}
        {"type":"note.logged","customer":"C2","text":"Client ravi","on":"2026-02-26"}
        """

    static let commission = """
        [commission]
        rate = "2.5"
        sales_reps = { R2 = "10" }
        """

    func started() async throws -> RunningDaemon {
        let folder = try TemporaryDirectory(prefix: "encoursd")
        let config = folder.file("encours.toml")
        try Data(Self.commission.utf8).write(to: URL(fileURLWithPath: config))
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        let appended = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(appended.status == 200, "\(appended)")
        return daemon
    }

    @Test func scorecardsOfEveryRepAndOfOne() async throws {
        let daemon = try await started()
        // February: A (issued in January) was paid on 02-25, 25 days late: its 2.5 %
        // commission (25.00) is released; the dispute on it was opened for 100.00.
        let all = try await daemon.client.get("/v1/scorecards?from=2026-02-01&to=2026-02-28")
        #expect(all.status == 200, "\(all)")
        let reps = all.object["sales_reps"] as? [[String: Any]] ?? []
        #expect(reps.map { $0["sales_rep"] as? String } == ["R1", "R2"])
        #expect(reps.first?["cash_collected"] as? String == "1000.00")
        #expect(reps.first?["receivables"] as? String == "0.00")
        #expect((reps.first?["commission"] as? [String: Any])?["released"] as? String == "25.00")
        #expect((reps.first?["commission"] as? [String: Any])?["rate"] as? String == "2.50")
        #expect((reps.first?["disputes_opened"] as? [String: Any])?["amount"] as? String == "100.00")
        #expect(all.object["unassigned_customers"] as? Int == 0)

        let one = try await daemon.client.get("/v1/sales-reps/R2/scorecard?from=2026-02-01&to=2026-02-28")
        #expect(
            one.body
                == #"{"from":"2026-02-01","to":"2026-02-28","currency":"EUR","sales_rep":"R2","customers":1,"#
                + #""receivables":"0.00","overdue":"0.00","sales":"0.00","cash_collected":"0.00","#
                + #""disputes_opened":{"count":0,"amount":"0.00"},"disputes_resolved":{"count":0,"amount":"0.00"},"#
                + #""dso":null,"commission":{"rate":"10.00","earned":"0.00","held":"0.00","released":"0.00"}}"# + "\n"
        )
        let table = try await daemon.client.get("/v1/scorecards?from=2026-02-01&to=2026-02-28&format=csv")
        #expect(table.body.hasPrefix("sales_rep,customers,receivables,overdue,sales,cash_collected,"))

        let unknown = try await daemon.client.get("/v1/sales-reps/R9/scorecard")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "unknown_sales_rep")
        let backwards = try await daemon.client.get("/v1/scorecards?from=2026-03-01&to=2026-02-01")
        #expect(backwards.status == 400)
        #expect(backwards.errorMessage?.contains("from") == true)
    }

    @Test func incidentHistoryNewestFirst() async throws {
        let daemon = try await started()
        let history = try await daemon.client.get("/v1/customers/C1/incidents?as_of=2026-03-31")
        #expect(history.status == 200, "\(history)")
        let incidents = history.object["incidents"] as? [[String: Any]] ?? []
        #expect(incidents.map { $0["kind"] as? String } == ["late_payment", "dispute_opened", "note"])
        #expect(incidents.first?["days_late"] as? Int == 25)
        #expect(incidents.first?["seq"] is NSNull)
        #expect(incidents.last?["seq"] as? Int == 4)
        #expect(incidents.last?["text"] as? String == "Relancé pour retard de paiement")
        let unknown = try await daemon.client.get("/v1/customers/NOPE/incidents")
        #expect(unknown.errorCode == "unknown_customer")
        let early = try await daemon.client.get("/v1/customers/C1/incidents?as_of=2025-12-31")
        #expect(early.errorCode == "not_registered")
    }

    @Test func searchFindsIncidentsAndCustomersAccentsAndPrefixesIgnored() async throws {
        let daemon = try await started()
        let found = try await daemon.client.get("/v1/search?q=retard+paiem")
        #expect(found.status == 200, "\(found)")
        let incidents = found.object["incidents"] as? [[String: Any]] ?? []
        #expect(Set(incidents.compactMap { $0["seq"] as? Int }) == [4, 5])
        #expect(incidents.allSatisfy { ($0["snippet"] as? String)?.contains("[paiement]") == true })
        let customers = found.object["customers"] as? [[String: Any]] ?? []
        #expect(customers.map { $0["customer"] as? String } == ["C1"])
        #expect(customers.first?["legal_name"] as? String == "Alpha SAS")
        #expect(customers.first?["matches"] as? Int == 2)

        // "relance" finds "Relancé"; a name match lists the customer only.
        let accents = try await daemon.client.get("/v1/search?q=relance")
        #expect((accents.object["incidents"] as? [[String: Any]])?.count == 1)
        let byName = try await daemon.client.get("/v1/search?q=dupont")
        #expect((byName.object["customers"] as? [[String: Any]])?.first?["legal_name"] as? String == "Dupont Frères")
        #expect((byName.object["incidents"] as? [[String: Any]])?.isEmpty == true)
        let elsewhere = try await daemon.client.get("/v1/search?q=retard&customer=C2")
        #expect((elsewhere.object["incidents"] as? [[String: Any]])?.isEmpty == true)

        // FTS5 syntax is only text here.
        let syntax = try await daemon.client.get("/v1/search?q=%22AND+NEAR(*")
        #expect(syntax.status == 200, "\(syntax)")
        let missing = try await daemon.client.get("/v1/search")
        #expect(missing.status == 400)
        #expect(missing.errorMessage?.contains("q") == true)
        let blank = try await daemon.client.get("/v1/search?q=+++")
        #expect(blank.status == 400)

        // What is appended later is found at once: the index is written with the log.
        let note = #"{"type":"note.logged","customer":"C2","text":"Mise en demeure envoyée","on":"2026-03-01"}"#
        _ = try await daemon.client.post("/v1/events", body: note)
        let later = try await daemon.client.get("/v1/search?q=demeure")
        #expect((later.object["incidents"] as? [[String: Any]])?.first?["customer"] as? String == "C2")
    }

    @Test func theClientPrintsOverTheSocketWhatItPrintsOffline() async throws {
        let daemon = try await RunningDaemon()
        #expect(try await daemon.client.post("/v1/events", body: Self.ledger).status == 200)
        for command in [
            ["scorecard", "--from", "2026-02-01", "--to", "2026-02-28"],
            ["scorecard", "R1", "--from", "2026-02-01", "--to", "2026-02-28"],
            ["incidents", "C1", "--as-of", "2026-03-31"],
            ["search", "retard", "paiem"],
        ] {
            for format in ["json", "table", "csv"] {
                let options = ["--format", format]
                let online = try await runEncoursBinary(command + ["--socket", daemon.socketPath] + options)
                let offline = try await runEncoursBinary(command + ["--db", daemon.databasePath] + options)
                #expect(online.status == 0, "\(command): \(online.output)")
                #expect(online.output == offline.output, "\(command) \(format)")
                #expect(!online.output.isEmpty)
            }
        }
        let unknown = try await runEncoursBinary(["incidents", "NOPE", "--socket", daemon.socketPath])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("unknown_customer") || unknown.output.contains("NOPE"), "\(unknown.output)")
    }
}
