import EncoursTestSupport
import Foundation
import Testing

/// `[penalties]` in the daemon's configuration, and `--ecb-rate` offline: a half-year beyond
/// the shipped table charged once configured, reloaded by SIGHUP, and bad rates refused with
/// their key.
@Suite("penalty rates from the configuration")
struct DaemonPenaltyRatesTests {
    /// 2000.00 due 2027-01-31, open on 2027-03-02: 02-01 … 03-02 = 30 days in 2027-H1. At
    /// 2.40 % + 10 = 12.40 %: 2000 × 0.124 × 30 / 365 = 20.3835… → 20.38; + 40.00 = 60.38.
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-12-01"}
        {"type":"invoice.issued","customer":"C1","invoice":"B","amount":"2000.00","on":"2027-01-01","due_on":"2027-01-31"}
        """
    static let expected = """
        {"as_of":"2027-03-02","currency":"EUR","customers":[{"customer":"C1","invoices":[{"invoice":"B","due_on":"2027-01-31","days_late":30,"overdue":"2000.00","interest":"20.38","indemnity":"40.00","total":"60.38"}],"overdue":"2000.00","interest":"20.38","indemnity":"40.00","total":"60.38"}],"total":{"overdue":"2000.00","interest":"20.38","indemnity":"40.00","total":"60.38"}}

        """

    @Test func aHalfYearAddedByTheConfigurationIsChargedAfterAReload() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-penalties")
        let config = folder.file("encours.toml")
        try "[penalties]\nmargin = \"10\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        let appended = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(appended.status == 200, "\(appended)")

        let missing = try await daemon.client.get("/v1/penalties?as_of=2027-03-02")
        #expect(missing.status == 500)
        #expect(missing.errorCode == "penalty_rate_missing")
        #expect(missing.errorMessage?.contains("2027-H1") == true, "\(missing)")
        #expect(missing.errorMessage?.contains("[penalties] ecb_rates") == true, "\(missing)")

        try "[penalties]\necb_rates = { \"2027-H1\" = \"2.40\" }\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            try await Task.sleep(for: .milliseconds(50))
            reloaded = daemon.log.contains("configuration reloaded")
        }
        #expect(reloaded, "\(daemon.log)")
        let charged = try await daemon.client.get("/v1/penalties?as_of=2027-03-02")
        #expect(charged.status == 200, "\(charged)")
        #expect(charged.body == Self.expected)

        // Offline, the same rate given as a flag gives the same bytes.
        let offline = try await runEncoursBinary([
            "penalties", "--db", daemon.databasePath, "--as-of", "2027-03-02", "--format", "json",
            "--ecb-rate", "2027-H1=2.40",
        ])
        #expect(offline.status == 0, "\(offline.output)")
        #expect(offline.output == Self.expected)
        let withoutRate = try await runEncoursBinary(["penalties", "--db", daemon.databasePath, "--as-of", "2027-03-02"])
        #expect(withoutRate.status == 1)
        #expect(withoutRate.output.contains("give it with --ecb-rate 2027-H1=PERCENT"), "\(withoutRate.output)")
        // Against the daemon, its configuration decides: the flag is refused, not ignored.
        let online = try await runEncoursBinary([
            "penalties", "--socket", daemon.socketPath, "--ecb-rate", "2027-H1=2.40",
        ])
        #expect(online.status == 2)
        #expect(online.output.contains("[penalties] configuration"), "\(online.output)")
    }

    @Test(arguments: [
        ("ecb_rates = { \"2027-H1\" = \"2.155\" }", "penalties.ecb_rates.2027-H1: \"2.155\" is not a percent from 0 to 100"),
        ("ecb_rates = { \"2027-H1\" = \"100.01\" }", "penalties.ecb_rates.2027-H1: \"100.01\" is not a percent"),
        ("ecb_rates = { \"2027-H1\" = 2.15 }", "penalties.ecb_rates.2027-H1: write the percent as a string"),
        ("ecb_rates = { \"2027-H3\" = \"2\" }", "penalties.ecb_rates.2027-H3: \"2027-H3\" is not a half-year"),
        ("margin = \"-1\"", "penalties.margin: \"-1\" is not a percent"),
        ("rates = {}", "penalties.rates: unknown key"),
    ])
    func aBadRateNamesItsKeyAndStopsTheStart(line: String, message: String) async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-penalties-bad")
        let config = folder.file("encours.toml")
        try "[penalties]\n\(line)\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        #expect(await daemon.waitForExit() == 78)
        #expect(daemon.log.contains(message), "\(daemon.log)")
    }

    @Test func aBadRateFlagIsAUsageError() async throws {
        let result = try await runEncoursBinary(["penalties", "--db", "/nonexistent.db", "--ecb-rate", "2027-H1=200"])
        #expect(result.status == 2)
        #expect(result.output.contains("--ecb-rate"), "\(result.output)")
    }
}
