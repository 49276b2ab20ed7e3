import EncoursTestSupport
import Foundation
import Testing

/// Durability as a credit manager counts on it: an acknowledged append survives `kill -9`,
/// and a batch is never half there.
@Suite("encoursd durability")
struct DaemonDurabilityTests {
    /// Batch `number`: a customer of its own and `invoices` invoices for it, so batches are
    /// independent of one another and each can be found whole or not at all.
    static func batch(_ number: Int, invoices: Int) -> (body: String, keys: [String]) {
        let customer = "K\(number)"
        var lines = [
            #"{"type":"customer.registered","customer":"\#(customer)","legal_name":"Batch \#(number)","on":"2026-01-01"}"#
        ]
        var keys = ["customer.registered:\(customer)"]
        for invoice in 0..<invoices {
            let id = "F-\(number)-\(invoice)"
            lines.append(
                #"{"type":"invoice.issued","customer":"\#(customer)","invoice":"\#(id)","amount":"10.00","on":"2026-01-02"}"#
            )
            keys.append("invoice.issued:\(id)")
        }
        return (lines.joined(separator: "\n"), keys)
    }

    @Test func killMinus9DuringConcurrentAppendsLosesNoAcknowledgedEventAndNoBatchIsPartial() async throws {
        let daemon = try await RunningDaemon()
        let acknowledged = Collected<Int>()
        let client = daemon.client
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for round in 0..<1000 {
                        let number = worker * 1000 + round
                        guard
                            let reply = try? await client.post(
                                "/v1/events",
                                body: Self.batch(number, invoices: 20).body
                            ),
                            reply.status == 200
                        else { return }
                        acknowledged.append(number)
                    }
                }
            }
            group.addTask {
                // Killed once enough batches are acknowledged, not after a fixed time: with the
                // whole suite loading the machine, 1.5 s once saw only 9 of them.
                let deadline = ContinuousClock.now + .seconds(60)
                while acknowledged.values.count < 40, ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                await daemon.kill9()
            }
        }
        let batches = acknowledged.values
        #expect(batches.count > 10, "too few batches were acknowledged before the kill to test anything")

        let verify = try await runEncoursBinary(["verify", "--db", daemon.databasePath])
        #expect(verify.status == 0, "\(verify.output)")
        let keys = Set(
            try SQLiteCommandLine.run(daemon.databasePath, "SELECT key FROM events;").split(separator: "\n").map(
                String.init
            )
        )
        for number in batches {
            let missing = Self.batch(number, invoices: 20).keys.filter { !keys.contains($0) }
            #expect(missing.isEmpty, "acknowledged batch \(number) lost \(missing.count) events")
        }
        // Every batch in the log is whole, acknowledged or not (some commits were in flight).
        let customers = keys.filter { $0.hasPrefix("customer.registered:K") }
        for key in customers {
            let number = Int(key.dropFirst("customer.registered:K".count))!
            let expected = Self.batch(number, invoices: 20).keys
            #expect(expected.allSatisfy(keys.contains), "batch \(number) is partial")
        }
        #expect(keys.count == customers.count * 21)

        // A restart replays to exactly what the log holds.
        let restarted = try await RunningDaemon(folder: daemon.folder)
        let health = try await restarted.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":\(keys.count)"), "\(health)")
    }

    @Test func concurrentClientsAreAllAcknowledgedInLogOrder() async throws {
        let daemon = try await RunningDaemon()
        let client = daemon.client
        let sequences = Collected<Int>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for round in 0..<5 {
                        let reply = try await client.post(
                            "/v1/events",
                            body: Self.batch(worker * 100 + round, invoices: 9).body
                        )
                        #expect(reply.status == 200, "\(reply)")
                        let seqs = (reply.object["events"] as? [[String: Any]] ?? []).compactMap { $0["seq"] as? Int }
                        #expect(seqs.count == 10)
                        // A batch's events are consecutive in the log.
                        #expect(seqs == Array((seqs.first ?? 0)..<(seqs.first ?? 0) + 10))
                        sequences.append(contentsOf: seqs)
                    }
                }
            }
            try await group.waitForAll()
        }
        let all = sequences.values.sorted()
        #expect(all == Array(1...800))
        let status = try await daemon.client.get("/v1/status")
        #expect(status.object["events"] as? Int == 800)
    }
}

/// Runs a built executable of the package to its end.
func runEncoursBinary(_ arguments: [String], name: String = "encours") async throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: name))
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
