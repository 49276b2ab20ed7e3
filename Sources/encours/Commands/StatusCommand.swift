import ArgumentParser
import Foundation

/// `encours status`: what the running daemon holds and how it is doing.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the running encoursd's state: events, customers, last append, snapshot, uptime.",
        discussion: """
            Examples:
              encours status
              encours status --format json | jq .last_seq
            """
    )

    @Option(help: "The daemon's socket. Default: /run/encours/encours.sock or ./var/encours.sock.")
    var socket: String?

    @Option(help: "text or json.")
    var format: StatusFormat = .text

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    func run() throws {
        let path = try DaemonSocket.path(given: socket)
        let reply = try DaemonClient(socketPath: path).get("/v1/status")
        guard reply.isSuccess else { throw CommandFailure(DaemonClient.describe(reply)) }
        if format == .json {
            Terminal.write(reply.body)
            return
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(reply.body.utf8))) as? [String: Any] ?? [:]
        let rows: [(String, String)] = [
            ("socket", path),
            ("version", "version"), ("events", "events"), ("customers", "customers"), ("last seq", "last_seq"),
            ("last append", "last_append_at"), ("snapshot seq", "snapshot_seq"), ("snapshot at", "snapshot_at"),
            ("database bytes", "database_bytes"), ("started at", "started_at"), ("uptime (s)", "uptime_seconds"),
        ].map { label, key in
            if label == "socket" { return (label, key) }
            let value = object[key].map { $0 is NSNull ? "—" : "\($0)" } ?? "—"
            return (label, value)
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            Terminal.write(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n")
        }
    }
}
