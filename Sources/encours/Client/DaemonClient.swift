import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to `encoursd` over its Unix socket, as `curl --unix-socket` does, and turns what
/// goes wrong into messages that say what to do.
struct DaemonClient {
    let socketPath: String

    struct Reply {
        var status: Int
        var body: String

        var isSuccess: Bool { (200..<300).contains(status) }

        /// The `error` object of an error answer, if the body is one.
        var error: (code: String, message: String, details: [[String: Any]])? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                let error = object["error"] as? [String: Any]
            else { return nil }
            return (
                error["code"] as? String ?? "error", error["message"] as? String ?? body,
                error["details"] as? [[String: Any]] ?? []
            )
        }
    }

    func get(_ path: String) throws -> Reply {
        try send(method: .GET, path: path, body: nil)
    }

    func post(_ path: String, body: Data, contentType: String = "application/x-ndjson") throws -> Reply {
        try send(method: .POST, path: path, body: body, contentType: contentType)
    }

    private func send(method: HTTPMethod, path: String, body: Data?, contentType: String? = nil) throws -> Reply {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw CommandFailure("error: \(socketPath) cannot be used as a socket path")
        }
        guard FileManager.default.fileExists(atPath: socketPath) else {
            throw Self.noDaemon(socketPath, reason: "no such socket")
        }
        // A socket nobody listens on fails at once; one that never answers, after 3 s
        // rather than the client library's default of a minute and a half.
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(3)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        do {
            var request = try HTTPClient.Request(url: url, method: method)
            if let body {
                request.headers.add(name: "Content-Type", value: contentType ?? "application/x-ndjson")
                request.body = .bytes(body)
            }
            let response = try client.execute(request: request, deadline: .now() + .minutes(10)).wait()
            let text = response.body.map { String(buffer: $0) } ?? ""
            return Reply(status: Int(response.status.code), body: text)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw Self.noDaemon(socketPath, reason: "\(error)")
        }
    }

    private static func noDaemon(_ socketPath: String, reason: String) -> CommandFailure {
        CommandFailure(
            "error: no encoursd answers on \(socketPath) (\(reason)): start it (systemctl start encoursd, or "
                + "encoursd in this folder), give its socket with --socket, or read a database file with --db"
        )
    }

    /// An error answer as lines for stderr: the message, then each item at fault.
    static func describe(_ reply: Reply, source: String? = nil) -> String {
        guard let error = reply.error else { return "error: the daemon answered \(reply.status): \(reply.body)" }
        var lines = ["error: \(error.message)"]
        for item in error.details {
            guard var message = item["message"] as? String else { continue }
            if let source, message.hasPrefix("request body:") {
                message = source + message.dropFirst("request body".count)
            }
            lines.append(message)
        }
        return lines.joined(separator: "\n")
    }
}
