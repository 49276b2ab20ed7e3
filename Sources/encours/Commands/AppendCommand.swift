import ArgumentParser
import Foundation

/// `encours append`: sends files of canonical events to the running daemon.
struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Send canonical NDJSON events to the running encoursd, each file as one all-or-nothing batch.",
        discussion: """
            The daemon checks each file whole, as encours import does, appends it in one transaction and \
            answers once it is durable. Events already recorded with the same content are reported as \
            duplicates. With any error nothing of that file is appended, every error is listed with file, \
            line and field, and the exit code is 1. Appending needs the feeder role (sales for orders, \
            notes, promises and reminders; finance for limits and blocks).

            Examples:
              encours append today.ndjson
              encours append --socket /run/encours/encours.sock export-2026-11-24.ndjson
            """
    )

    @Option(help: "The daemon's socket. Default: /run/encours/encours.sock or ./var/encours.sock.")
    var socket: String?

    @Argument(help: "NDJSON files of canonical events.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one NDJSON file to append") }
    }

    func run() throws {
        let path = try DaemonSocket.path(given: socket)
        let client = DaemonClient(socketPath: path)
        for file in files {
            guard let body = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("error: cannot read \(file): no such file, or not readable")
            }
            let name = (file as NSString).lastPathComponent
            Terminal.progress("sending \(name)")
            let reply = try client.post("/v1/events", body: body)
            Terminal.endProgress()
            guard reply.isSuccess else {
                throw CommandFailure(DaemonClient.describe(reply, source: name) + "\nnothing of \(file) was appended")
            }
            let object = (try? JSONSerialization.jsonObject(with: Data(reply.body.utf8))) as? [String: Any] ?? [:]
            let appended = object["appended"] as? Int ?? 0
            let duplicates = object["duplicates"] as? Int ?? 0
            let last = (object["events"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int }.max()
            Terminal.write(
                "\(file): appended \(appended) events, \(duplicates) duplicates skipped"
                    + (last.map { " (last seq \($0))" } ?? "") + "\n"
            )
        }
    }
}

/// The daemon's socket for commands that only talk to the daemon.
enum DaemonSocket {
    static func path(given: String?) throws -> String {
        if case .socket(let path) = LedgerSource.choose(
            socket: given,
            db: nil,
            environment: ProcessInfo.processInfo.environment
        ) {
            return path
        }
        throw CommandFailure(
            "error: no daemon socket found at \(LedgerSource.defaultSockets.joined(separator: " or ")): "
                + "start encoursd, or give its socket with --socket"
        )
    }
}
