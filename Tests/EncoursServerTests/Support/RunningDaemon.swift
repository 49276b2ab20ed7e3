import EncoursTestSupport
import Foundation
import Testing

/// A real `encoursd` process on a temporary database and socket, as an operator would run
/// it: started, asked over its socket, stopped with SIGTERM (or killed).
final class RunningDaemon: @unchecked Sendable {
    let folder: TemporaryDirectory
    let process: Process
    let socketPath: String
    let databasePath: String
    let logPath: String
    let client: SocketClient

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `encoursd` in `folder` (a new one by default) with `arguments` and
    /// `environment` added, and waits until it answers `/v1/health`.
    init(
        folder: TemporaryDirectory? = nil,
        arguments: [String] = [],
        environment: [String: String] = [:],
        waitUntilReady: Bool = true
    ) async throws {
        let folder = try folder ?? TemporaryDirectory(prefix: "encoursd")
        self.folder = folder
        socketPath = folder.file("encours.sock")
        databasePath = folder.file("encours.db")
        logPath = folder.file("encoursd-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: "encoursd"))
        var arguments = arguments
        if !arguments.contains("--config") {
            // Tests never read the machine's own /etc/encours/encours.toml.
            let empty = folder.file("empty.toml")
            _ = FileManager.default.createFile(atPath: empty, contents: Data())
            arguments += ["--config", empty]
        }
        process.arguments = ["--db", databasePath, "--socket", socketPath] + arguments
        var env = ProcessInfo.processInfo.environment
        for name in env.keys where name.hasPrefix("ENCOURS_") || name == "NOTIFY_SOCKET" || name.hasPrefix("WATCHDOG_")
        {
            env[name] = nil
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        client = SocketClient(socketPath: socketPath)
        try process.run()
        if waitUntilReady { try await waitForHealth() }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func waitForHealth(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw StartFailure(description: "encoursd exited with \(process.terminationStatus):\n\(log)")
            }
            if let response = try? await client.get("/v1/health"), response.status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StartFailure(description: "encoursd did not answer within \(timeout):\n\(log)")
    }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() async -> Int32 {
        if process.isRunning { process.terminate() }
        return await waitForExit()
    }

    /// SIGKILL: the process gets no chance to clean up.
    func kill9() async {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = await waitForExit()
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    func waitForExit(timeout: Duration = .seconds(60)) async -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
