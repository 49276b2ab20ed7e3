import EncoursTestSupport
import Foundation
import Testing

/// `GET /v1/customers/{id}/risk`, `GET /v1/risk` and `encours risk`: the flags of
/// docs/definitions.md, "Customer risk file", on customers written to raise each one, and
/// `insurer_cover` kept to finance.
@Suite("customer risk file")
struct DaemonRiskTests {
    /// C1 is clean (SIREN 732829320 passes Luhn; 2010 is far back; limit 40000 = cover);
    /// C2 was incorporated on 2024-02-29, has SIREN 123456789 (Luhn sum 47) and a limit of
    /// 50000 over a cover of 30000; C3 has no SIREN and no incorporation date.
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","siren":"732829320","incorporated_on":"2010-06-15","credit_limit":"40000.00","insurer":"Assureur","insurer_cover":"40000.00","on":"2026-01-02"}
        {"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","trade_name":"Béta","siren":"123456789","incorporated_on":"2024-02-29","credit_limit":"50000.00","insurer_cover":"30000.00","on":"2026-01-02"}
        {"type":"customer.registered","customer":"C3","legal_name":"Gamma","on":"2026-01-02"}
        """

    @Test func theFlagsOfEachCustomerAndTheFlaggedList() async throws {
        let daemon = try await RunningDaemon()
        let appended = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(appended.status == 200, "\(appended)")
        let clean = try await daemon.client.get("/v1/customers/C1/risk?as_of=2026-03-01")
        #expect(
            clean.body
                == #"{"as_of":"2026-03-01","customer":"C1","legal_name":"Alpha SAS","trade_name":null,"trade_name_differs":false,"siren":"732829320","siren_valid":true,"incorporated_on":"2010-06-15","age_years":15,"limit":"40000.00","insurer":"Assureur","insurer_cover":"40000.00","flags":[]}"#
                + "\n"
        )
        // 2024-02-29 + 3 years is 2027-02-28: still young on 2027-02-27, not on the 28th.
        let young = try await daemon.client.get("/v1/customers/C2/risk?as_of=2027-02-27")
        #expect(young.object["flags"] as? [String] == ["young_company", "invalid_siren", "limit_above_cover"])
        #expect(young.object["age_years"] as? Int == 2)
        #expect(young.object["trade_name_differs"] as? Bool == true)
        let grown = try await daemon.client.get("/v1/customers/C2/risk?as_of=2027-02-28")
        #expect(grown.object["flags"] as? [String] == ["invalid_siren", "limit_above_cover"])

        let flagged = try await daemon.client.get("/v1/risk?as_of=2026-03-01&flagged=true")
        let customers = (flagged.object["customers"] as? [[String: Any]] ?? []).map { $0["customer"] as? String }
        #expect(customers == ["C2", "C3"], "\(flagged)")
        let csv = try await daemon.client.get("/v1/risk?as_of=2026-03-01&flagged=true&format=csv")
        #expect(csv.contentType == "text/csv; charset=utf-8")
        #expect(
            csv.body
                == "customer,legal_name,trade_name,siren,incorporated_on,age_years,limit,insurer_cover,flags\r\n"
                + "C2,Beta SARL,Béta,123456789,2024-02-29,2,50000.00,30000.00,young_company invalid_siren limit_above_cover\r\n"
                + "C3,Gamma,,,,,,,missing_legal_identity\r\n"
        )
        let unknown = try await daemon.client.get("/v1/customers/NOPE/risk")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "unknown_customer")

        // The CLI: the same bytes over the socket and offline.
        for arguments in [
            ["risk", "C2", "--as-of", "2027-02-27"], ["risk", "--flagged", "--as-of", "2026-03-01"], ["risk"],
        ] {
            for format in ["json", "table", "csv"] {
                let online = try await runEncoursBinary(arguments + ["--format", format, "--socket", daemon.socketPath])
                let offline = try await runEncoursBinary(arguments + ["--format", format, "--db", daemon.databasePath])
                #expect(online.status == 0, "\(online.output)")
                #expect(online.output == offline.output, "\(arguments) \(format)")
            }
        }
        let json = try await runEncoursBinary(["risk", "--flagged", "--as-of", "2026-03-01", "--format", "json", "--db", daemon.databasePath])
        #expect(json.output == flagged.body)
        let both = try await runEncoursBinary(["risk", "C1", "--flagged", "--db", daemon.databasePath])
        #expect(both.status == 2)
    }

    @Test func changingTheCoverNeedsFinance() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-risk-roles")
        let config = folder.file("encours.toml")
        try "[roles]\ndaemon_user = \"none\"\nusers = { \(NSUserName()) = \"feeder\" }\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        #expect(try await daemon.client.post("/v1/events", body: Self.ledger).status == 200)
        let cover = #"{"type":"customer.updated","customer":"C3","insurer_cover":"10000.00","on":"2026-02-01"}"#
        let refused = try await daemon.client.post("/v1/events", body: cover)
        #expect(refused.status == 403)
        #expect(refused.errorMessage?.contains("customer.updated with insurer_cover") == true, "\(refused)")
        #expect(refused.errorMessage?.contains("needs the role finance") == true, "\(refused)")
        let name = #"{"type":"customer.updated","customer":"C3","insurer":"Assureur","on":"2026-02-01"}"#
        #expect(try await daemon.client.post("/v1/events", body: name).status == 200)
    }
}
