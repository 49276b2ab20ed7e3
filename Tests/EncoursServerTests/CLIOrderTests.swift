import EncoursTestSupport
import Foundation
import Testing

/// `encours order check`, `encours order place` and `encours limits`, run as a user runs
/// them: over the socket they print what the API answers, offline what the file says.
@Suite("encours order and limits")
struct CLIOrderTests {
    @Test func theCheckPrintsTheSameOverTheSocketAndOffline() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: DaemonOrderTests.ledger)
        let api = try await daemon.client.postJSON("/v1/orders/check", DaemonOrderTests.check("C1", "500.00"))
        for format in ["json", "table", "csv"] {
            let arguments = ["order", "check", "--customer", "C1", "--amount", "500", "--on", "2031-06-30"]
            let online = try await runEncoursBinary(arguments + ["--socket", daemon.socketPath, "--format", format])
            let offline = try await runEncoursBinary(arguments + ["--db", daemon.databasePath, "--format", format])
            #expect(online.status == 0, "\(online.output)")
            #expect(online.output == offline.output, "\(format)")
            if format == "json" { #expect(online.output == api.body) }
        }
        let csv = try await runEncoursBinary(
            [
                "order", "check", "--socket", daemon.socketPath, "--customer", "C1", "--amount", "500", "--on",
                "2031-06-30",
                "--format", "csv",
            ]
        )
        #expect(csv.output.hasPrefix("figure,value,detail\r\ndecision,refuse,policy block\r\n"), "\(csv.output)")
        let unknown = try await runEncoursBinary(
            ["order", "check", "--socket", daemon.socketPath, "--customer", "NOPE", "--amount", "1"]
        )
        #expect(unknown.status == 1)
        #expect(unknown.output == "error: customer \"NOPE\" is not in the ledger\n")
        let zero = try await runEncoursBinary(["order", "check", "--customer", "C1", "--amount", "0"])
        #expect(zero.status == 2 && zero.output.contains("--amount must be above 0"), "\(zero.output)")
        let comma = try await runEncoursBinary(["order", "check", "--customer", "C1", "--amount", "12,50"])
        #expect(comma.status == 2, "\(comma.output)")
        await daemon.stop()
    }

    @Test func placingAnOrderSaysWhatTheCheckDecided() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: DaemonOrderTests.ledger)
        let base = ["order", "place", "--socket", daemon.socketPath, "--customer", "C1", "--on", "2031-06-30"]
        let refused = try await runEncoursBinary(base + ["--order", "O1", "--amount", "500"])
        #expect(refused.status == 1)
        #expect(
            refused.output.contains("the credit check refuses order \"O1\" of customer \"C1\""),
            "\(refused.output)"
        )
        let warned = try await runEncoursBinary(base + ["--order", "O2", "--amount", "100"])
        #expect(warned.output == "order O2: appended (seq 4), decision warn: overdue_invoices\n", "\(warned.output)")
        let overridden = try await runEncoursBinary(
            base + ["--order", "O1", "--amount", "500", "--override", "director agreed"]
        )
        #expect(
            overridden.output
                == "order O1: appended (seq 5), decision refuse: over_limit, overdue_invoices; override: director agreed\n",
            "\(overridden.output)"
        )
        await daemon.stop()
    }

    @Test func theLimitHistoryPrintsTheSameOverTheSocketAndOffline() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: DaemonOrderTests.ledger)
        let decision =
            #"{"type":"credit_limit.set","customer":"C1","limit":"2000.00","reason":"review","on":"2031-06-01"}"#
        #expect(try await daemon.client.post("/v1/events", body: decision).status == 200)
        for format in ["json", "table", "csv"] {
            let arguments = ["limits", "C1", "--as-of", "2031-06-30", "--format", format]
            let online = try await runEncoursBinary(arguments + ["--socket", daemon.socketPath])
            let offline = try await runEncoursBinary(arguments + ["--db", daemon.databasePath])
            #expect(online.status == 0, "\(online.output)")
            #expect(online.output == offline.output, "\(format)")
        }
        let table = try await runEncoursBinary(["limits", "C1", "--as-of", "2031-06-30", "--socket", daemon.socketPath])
        let lines = table.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("seq  on          type") == true, "\(table.output)")
        #expect(lines.count == 6, "\(table.output)")
        #expect(lines[3].hasPrefix("  4  2031-06-01  credit_limit.set     2000.00"), "\(table.output)")
        #expect(lines[3].contains("review  \(NSUserName())"), "\(table.output)")
        #expect(lines[5].contains("2031-06-30  ok"), "\(table.output)")
        let unknown = try await runEncoursBinary(["limits", "NOPE", "--db", daemon.databasePath])
        #expect(unknown.output == "error: customer \"NOPE\" is not in the ledger \(daemon.databasePath)\n")
        await daemon.stop()
    }
}
