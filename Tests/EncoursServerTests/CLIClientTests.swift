import EncoursTestSupport
import Foundation
import Testing

/// The `encours` command line as the daemon's client, run as a user runs it.
@Suite("encours as the daemon's client")
struct CLIClientTests {
    @Test func appendThenQueryOverTheSocketPrintsWhatTheFilePrints() async throws {
        let daemon = try await RunningDaemon()
        let events = daemon.folder.file("events.ndjson")
        try DaemonRoutesTests.ledger.write(toFile: events, atomically: true, encoding: .utf8)
        let append = try await runEncoursBinary(["append", "--socket", daemon.socketPath, events])
        #expect(append.status == 0, "\(append.output)")
        #expect(append.output == "\(events): appended 6 events, 0 duplicates skipped (last seq 6)\n")

        for format in ["json", "table", "csv"] {
            for report in [["exposure"], ["ageing"], ["dso", "--method", "simple"], ["penalties"]] {
                let options = ["--as-of", "2026-02-28", "--format", format]
                let online = try await runEncoursBinary(report + ["--socket", daemon.socketPath] + options)
                let offline = try await runEncoursBinary(report + ["--db", daemon.databasePath] + options)
                #expect(online.status == 0, "\(online.output)")
                #expect(online.output == offline.output, "\(report) \(format)")
                #expect(!online.output.isEmpty)
            }
        }
        let unknown = try await runEncoursBinary(["exposure", "--socket", daemon.socketPath, "--customer", "NOPE"])
        #expect(unknown.status == 1)
        #expect(unknown.output == "error: customer \"NOPE\" is not in the ledger\n")

        let status = try await runEncoursBinary(["status", "--socket", daemon.socketPath, "--format", "json"])
        #expect(status.status == 0)
        #expect(status.output.contains("\"last_seq\":6"))
    }

    @Test func aBadFileIsRefusedWithItsNameLineAndField() async throws {
        let daemon = try await RunningDaemon()
        let events = daemon.folder.file("bad.ndjson")
        try """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-02"}
        {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"12,50","on":"2026-01-05"}
        """.write(toFile: events, atomically: true, encoding: .utf8)
        let append = try await runEncoursBinary(["append", "--socket", daemon.socketPath, events])
        #expect(append.status == 1)
        #expect(
            append.output.contains("bad.ndjson:2: invoice.issued: field \"amount\": \"12,50\" is not a decimal number")
        )
        #expect(append.output.contains("nothing of \(events) was appended"))
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":0"))
    }

    @Test func anOfflineImportIsRefusedWhileTheDaemonServesTheFile() async throws {
        let daemon = try await RunningDaemon()
        let events = daemon.folder.file("events.ndjson")
        try DaemonRoutesTests.ledger.write(toFile: events, atomically: true, encoding: .utf8)
        let imported = try await runEncoursBinary(["import", "--db", daemon.databasePath, events])
        #expect(imported.status == 1)
        #expect(imported.output.contains("is writing to this database"), "\(imported.output)")
        #expect(imported.output.contains("encours append"))
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":0"))
    }

    @Test func withoutADaemonTheClientSaysWhatToDo() async throws {
        let folder = try TemporaryDirectory(prefix: "encours-no-daemon")
        let run = try await runEncoursBinary(["status", "--socket", folder.file("missing.sock")])
        #expect(run.status == 1)
        #expect(run.output.contains("no encoursd answers on \(folder.file("missing.sock"))"), "\(run.output)")
    }
}
