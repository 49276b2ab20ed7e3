import EncoursTestSupport
import Foundation
import Testing

/// `GET /v1/customers/{id}/statement` and `encours statement` on the hand ledger of
/// ``StatementFixture`` (figures worked out there): every format, its content type, the
/// refusals, the letterhead and an operator's templates.
@Suite("statement of account")
struct DaemonStatementTests {
    static let csv =
        "kind,document,date,due_on,days_past_due,amount,open,disputed,interest,indemnity\r\n"
        + "invoice,B,2025-05-01,2025-05-31,30,500.00,330.00,50.00,,\r\n"
        + "credit_note,AV1,2025-06-20,,,400.00,-80.00,,,\r\n"
        + "penalty,A,,2025-02-14,,,,,10.81,40.00\r\n"
        + "penalty,B,,2025-05-31,,,,,4.38,40.00\r\n"

    @Test func everyFormatWithItsContentType() async throws {
        let daemon = try await RunningDaemon()
        #expect(try await daemon.client.post("/v1/events", body: StatementFixture.ndjson).status == 200)
        let path = "/v1/customers/C1/statement?as_of=2025-06-30"
        let json = try await daemon.client.get(path)
        #expect(json.status == 200, "\(json)")
        #expect(json.contentType == "application/json; charset=utf-8")
        #expect(json.body == StatementFixture.json + "\n")
        let csv = try await daemon.client.get(path + "&format=csv")
        #expect(csv.contentType == "text/csv; charset=utf-8")
        #expect(csv.body == Self.csv)
        let text = try await daemon.client.get(path + "&format=text")
        #expect(text.contentType == "text/plain; charset=utf-8")
        #expect(text.body.contains("TOTAL DÛ : 250,00\u{00A0}€"), "\(text.body)")
        #expect(text.body.contains("Client : Alpha & Fils <SAS> (Alpha)"))
        let html = try await daemon.client.get(path + "&format=html")
        #expect(html.contentType == "text/html; charset=utf-8")
        #expect(html.body.contains("<strong>Alpha &amp; Fils &lt;SAS&gt;</strong>"), "\(html.body)")
        #expect(!html.body.contains("<SAS>"))

        let unknown = try await daemon.client.get("/v1/customers/NOPE/statement")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "unknown_customer")
        let early = try await daemon.client.get("/v1/customers/C1/statement?as_of=2024-12-31")
        #expect(early.status == 404)
        #expect(early.errorCode == "not_registered")
        let badFormat = try await daemon.client.get(path + "&format=pdf")
        #expect(badFormat.status == 400)
        #expect(badFormat.errorMessage == "field \"format\": \"pdf\" is not json, csv, text or html")

        // The CLI prints the same bytes over the socket and offline.
        for format in ["json", "csv", "text", "html"] {
            let options = ["statement", "C1", "--as-of", "2025-06-30", "--format", format]
            let online = try await runEncoursBinary(options + ["--socket", daemon.socketPath])
            let offline = try await runEncoursBinary(options + ["--db", daemon.databasePath])
            #expect(online.status == 0, "\(online.output)")
            #expect(offline.status == 0, "\(offline.output)")
            #expect(online.output == offline.output, "\(format)")
        }
        let defaultText = try await runEncoursBinary(["statement", "C1", "--as-of", "2025-06-30", "--db", daemon.databasePath])
        #expect(defaultText.output == text.body)
        let missing = try await runEncoursBinary(["statement", "NOPE", "--socket", daemon.socketPath])
        #expect(missing.status == 1)
        #expect(missing.output == "error: customer \"NOPE\" is not in the ledger\n")
        let offlineOnly = try await runEncoursBinary([
            "statement", "C1", "--socket", daemon.socketPath, "--company-name", "X",
        ])
        #expect(offlineOnly.status == 2)
    }

    @Test func theLetterheadAndAnOperatorsTemplatesComeFromTheConfiguration() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-statement")
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{company_name}} | {{#company_address}}{{line}} | {{/company_address}}{{legal_name}} | {{total_due}}\n"
            .write(toFile: templates + "/statement.txt.mustache", atomically: true, encoding: .utf8)
        let config = folder.file("encours.toml")
        try """
        [company]
        name = "Encours & Cie"
        address = ["1 rue de la Paix", "75002 Paris"]

        [statements]
        templates = "\(templates)"
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        #expect(try await daemon.client.post("/v1/events", body: StatementFixture.ndjson).status == 200)
        let text = try await daemon.client.get("/v1/customers/C1/statement?as_of=2025-06-30&format=text")
        #expect(text.body == "Encours & Cie | 1 rue de la Paix | 75002 Paris | Alpha & Fils <SAS> | 250,00\u{00A0}€\n")
        // No HTML template in the folder: the embedded one, with the letterhead, escaped.
        let html = try await daemon.client.get("/v1/customers/C1/statement?as_of=2025-06-30&format=html")
        #expect(html.body.contains("<strong>Encours &amp; Cie</strong><br>1 rue de la Paix<br>75002 Paris"), "\(html.body)")
        let json = try await daemon.client.get("/v1/customers/C1/statement?as_of=2025-06-30")
        #expect(json.body.contains(#""company":{"name":"Encours & Cie","address":["1 rue de la Paix","75002 Paris"]}"#))

        // Offline, the same folder and letterhead as flags give the same text.
        let offline = try await runEncoursBinary([
            "statement", "C1", "--db", daemon.databasePath, "--as-of", "2025-06-30", "--templates", templates,
            "--company-name", "Encours & Cie", "--company-address", "1 rue de la Paix", "--company-address", "75002 Paris",
        ])
        #expect(offline.output == text.body)
    }

    @Test func aTemplateThatDoesNotParseStopsTheStartNamingTheFile() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-statement-bad")
        let templates = folder.file("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "ok\n{{#invoices}}\n{{/credits}}\n".write(
            toFile: templates + "/statement.html.mustache",
            atomically: true,
            encoding: .utf8
        )
        let config = folder.file("encours.toml")
        try "[statements]\ntemplates = \"\(templates)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        #expect(await daemon.waitForExit() == 78)
        #expect(daemon.log.contains("statements.templates: \(templates)/statement.html.mustache: line 3"), "\(daemon.log)")
    }
}
