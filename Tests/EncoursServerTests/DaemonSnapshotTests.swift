import EncoursTestSupport
import Foundation
import Testing

/// Snapshots: a restart from one answers exactly as a full replay of the log, and one that
/// cannot be used is set aside with a warning.
@Suite("encoursd snapshots")
struct DaemonSnapshotTests {
    static let queries = [
        "/v1/exposure?as_of=2025-03-31", "/v1/exposure?as_of=2025-06-30", "/v1/ageing?as_of=2025-06-30",
        "/v1/ageing?as_of=2025-04-15&buckets=15,45", "/v1/dso?as_of=2025-06-30",
        "/v1/dso?as_of=2025-05-31&method=simple",
        "/v1/customers/C000003?as_of=2025-06-30", "/v1/customers/C000007?as_of=2025-02-28",
        "/v1/customers/C000011/events?limit=50", "/v1/exposure?as_of=2025-06-30&known_at=700",
    ]

    static func answers(_ daemon: RunningDaemon) async throws -> [String] {
        var answers: [String] = []
        for query in queries {
            let reply = try await daemon.client.get(query)
            #expect(reply.status == 200, "\(query): \(reply)")
            answers.append(reply.body)
        }
        return answers
    }

    /// A generated ledger (orders, invoices, payments with and without allocations, credit
    /// notes, disputes, limits…): the registrations, then batches of 100 events in log order,
    /// from concurrent-looking separate requests. Returns how many events were sent.
    static func feed(_ daemon: RunningDaemon) async throws -> Int {
        let file = daemon.folder.file("generated.ndjson")
        let generated = try await runEncoursBinary([
            "generate", "--customers", "15", "--invoices", "400", "--seed", "11", "--start", "2025-01-01",
            "--months", "6", "--output", file,
        ])
        #expect(generated.status == 0, "\(generated.output)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        // Registrations first (everything else refers to them), then the rest newest first.
        let registrations = lines.filter { $0.contains("\"customer.registered\"") }
        let rest = lines.filter { !$0.contains("\"customer.registered\"") }
        let first = try await daemon.client.post("/v1/events", body: registrations.joined(separator: "\n"))
        #expect(first.status == 200, "\(first)")
        var batches = stride(from: 0, to: rest.count, by: 100).map { Array(rest[$0..<min($0 + 100, rest.count)]) }
        var sent = registrations.count
        while !batches.isEmpty {
            let batch = batches.removeFirst()
            let reply = try await daemon.client.post("/v1/events", body: batch.joined(separator: "\n"))
            #expect(reply.status == 200, "\(reply.body.prefix(500))")
            sent += batch.count
        }
        return sent
    }

    @Test func aRestartFromASnapshotAnswersExactlyAsAFullReplay() async throws {
        let first = try await RunningDaemon(environment: ["ENCOURS_SNAPSHOT_EVERY": "300"])
        let count = try await Self.feed(first)
        // A backdated payment recorded last, applied in its place in the timeline.
        let backdated =
            #"{"type":"payment.received","customer":"C000003","payment":"LATE-1","amount":"123.45","on":"2025-02-10"}"#
        let late = try await first.client.post("/v1/events", body: backdated)
        #expect(late.status == 200, "\(late)")
        let status = try await first.client.get("/v1/status")
        #expect(status.object["snapshot_seq"] is Int, "a periodic snapshot was written: \(status)")
        let live = try await Self.answers(first)
        #expect(await first.stop() == 0)
        #expect(first.log.contains("snapshot written"), "\(first.log)")

        let restored = try await RunningDaemon(folder: first.folder)
        #expect(restored.log.contains("snapshot at seq \(count + 1), then 0 events replayed"), "\(restored.log)")
        #expect(try await Self.answers(restored) == live)
        #expect(await restored.stop() == 0)

        try FileManager.default.removeItem(atPath: first.databasePath + ".snapshot")
        let replayed = try await RunningDaemon(folder: first.folder)
        #expect(replayed.log.contains("no snapshot; full replay of \(count + 1) events"), "\(replayed.log)")
        #expect(try await Self.answers(replayed) == live)
    }

    @Test func aDamagedSnapshotIsIgnoredWithAWarningAndTheLogReplayed() async throws {
        let first = try await RunningDaemon()
        _ = try await Self.feed(first)
        let live = try await Self.answers(first)
        #expect(await first.stop() == 0)

        let snapshot = first.databasePath + ".snapshot"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: snapshot))
        let restarted = try await RunningDaemon(folder: first.folder)
        #expect(restarted.log.contains("snapshot ignored"), "\(restarted.log)")
        #expect(restarted.log.contains("<4>"), "the warning is logged at warning priority: \(restarted.log)")
        #expect(try await Self.answers(restarted) == live)
    }

    @Test func aSnapshotIsFollowedByTheEventsAppendedAfterIt() async throws {
        let first = try await RunningDaemon()
        _ = try await Self.feed(first)
        #expect(await first.stop() == 0)
        // Events appended offline after the snapshot: the restart applies them after it.
        let extra = first.folder.file("extra.ndjson")
        try #"{"type":"invoice.issued","customer":"C000003","invoice":"EXTRA-1","amount":"1000.00","on":"2025-01-20"}"#
            .write(toFile: extra, atomically: true, encoding: .utf8)
        let imported = try await runEncoursBinary(["import", "--db", first.databasePath, extra])
        #expect(imported.status == 0, "\(imported.output)")
        let offline = try await runEncoursBinary([
            "exposure", "--db", first.databasePath, "--as-of", "2025-06-30", "--format", "json",
        ])
        let restarted = try await RunningDaemon(folder: first.folder)
        #expect(restarted.log.contains("then 1 events replayed"), "\(restarted.log)")
        let online = try await restarted.client.get("/v1/exposure?as_of=2025-06-30")
        #expect(online.body == offline.output)
    }
}
