import EncoursTestSupport
import Foundation
import Testing

/// The daemon as systemd and an operator see it: readiness, stopping, one daemon per
/// database, a stale socket, reloading, the socket's permissions.
@Suite("encoursd lifecycle")
struct DaemonLifecycleTests {
    @Test func notifiesReadyThenStoppingAndExitsZeroOnSIGTERM() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-notify")
        let listener = try NotifyListener(path: folder.file("notify.sock"))
        let daemon = try await RunningDaemon(
            folder: folder,
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000"]
        )
        #expect(await listener.waitFor("READY=1"), "\(listener.received)")
        #expect(listener.received.contains { $0.contains("STATUS=serving") })
        #expect(await listener.waitFor("WATCHDOG=1"), "\(listener.received)")
        _ = try await daemon.client.post("/v1/events", body: DaemonRoutesTests.ledger)
        let status = await daemon.stop()
        #expect(status == 0, "\(daemon.log)")
        #expect(listener.received.contains { $0.contains("STOPPING=1") }, "\(listener.received)")
        #expect(daemon.log.contains("log closed cleanly at seq 6"), "\(daemon.log)")
    }

    @Test func aSecondDaemonOnTheSameDatabaseRefusesToStart() async throws {
        let first = try await RunningDaemon()
        let second = try await RunningDaemon(
            folder: first.folder,
            arguments: ["--socket", first.folder.file("second.sock")],
            waitUntilReady: false
        )
        let status = await second.waitForExit()
        #expect(status == 1)
        #expect(second.log.contains("is writing to this database"), "\(second.log)")
        #expect(second.log.contains("pid \(first.process.processIdentifier)"), "\(second.log)")
        // The first one still serves on its own socket.
        let health = try await first.client.get("/v1/health")
        #expect(health.status == 200)
    }

    @Test func aStaleSocketFileIsReplaced() async throws {
        let first = try await RunningDaemon()
        _ = try await first.client.post("/v1/events", body: DaemonRoutesTests.ledger)
        await first.kill9()
        #expect(FileManager.default.fileExists(atPath: first.socketPath))
        let second = try await RunningDaemon(folder: first.folder)
        let health = try await second.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":6"))
    }

    @Test func theSocketIsCreatedWithMode0660() async throws {
        let daemon = try await RunningDaemon()
        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
    }

    @Test func aClientWithoutTheRoleIsRefusedWithTheRoleNeeded() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-roles")
        let config = folder.file("encours.toml")
        try "[roles]\ndaemon_user = \"none\"\nusers = { \(NSUserName()) = \"reader\" }\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        let query = try await daemon.client.get("/v1/exposure")
        #expect(query.status == 200, "\(query)")
        let append = try await daemon.client.post("/v1/events", body: DaemonRoutesTests.ledger)
        #expect(append.status == 403)
        #expect(append.errorCode == "forbidden")
        #expect(append.errorMessage?.contains("needs the role feeder") == true, "\(append)")
        #expect(append.errorMessage?.contains("has the role reader") == true, "\(append)")

        // SIGHUP reloads the roles: the same user may now feed the ledger.
        try "[roles]\ndaemon_user = \"none\"\nusers = { \(NSUserName()) = \"feeder\" }\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            try await Task.sleep(for: .milliseconds(50))
            reloaded = daemon.log.contains("configuration reloaded")
        }
        #expect(reloaded, "\(daemon.log)")
        let retry = try await daemon.client.post("/v1/events", body: DaemonRoutesTests.ledger)
        #expect(retry.status == 200, "\(retry)")
        // A finance decision still needs finance.
        let limit = #"{"type":"credit_limit.set","customer":"C1","limit":"2000.00","on":"2026-03-01"}"#
        let refused = try await daemon.client.post("/v1/events", body: limit)
        #expect(refused.status == 403)
        #expect(refused.errorMessage?.contains("needs the role finance") == true, "\(refused)")
    }

    @Test func aLogReaderThatGoesAwayDoesNotStopTheDaemon() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-epipe")
        let empty = folder.file("empty.toml")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: "encoursd"))
        let socket = folder.file("encours.sock")
        process.arguments = ["--db", folder.file("encours.db"), "--socket", socket, "--config", empty]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let client = SocketClient(socketPath: socket)
        var ready = false
        for _ in 0..<600 where !ready {
            try await Task.sleep(for: .milliseconds(50))
            ready = (try? await client.get("/v1/health"))?.status == 200
        }
        #expect(ready)
        // journald restarts, or the pipe's reader dies: the next log lines meet EPIPE.
        try pipe.fileHandleForReading.close()
        process.interrupt()  // SIGINT: a graceful stop, which logs as it goes
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func helpAndVersion() async throws {
        let help = try await runEncoursBinary(["--help"], name: "encoursd")
        #expect(help.status == 0)
        #expect(help.output.contains("Examples:"))
        #expect(help.output.contains("curl --unix-socket ./var/encours.sock"))
        let version = try await runEncoursBinary(["--version"], name: "encoursd")
        #expect(version.output == "0.5.0\n")
    }

    @Test func aBadConfigurationFileNamesTheKeyAndStopsTheStart() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-config")
        let config = folder.file("encours.toml")
        try "[snapshots]\nevery_event = 10\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        let status = await daemon.waitForExit()
        #expect(status == 78)
        #expect(daemon.log.contains("snapshots.every_event: unknown key"), "\(daemon.log)")
    }
}
