import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 client speaking to the daemon over its Unix socket, as `curl
/// --unix-socket` does.
struct SocketClient: Sendable {
    let socketPath: String

    struct Reply: Sendable, CustomStringConvertible {
        var status: Int
        var contentType: String?
        var body: String

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
        var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
        var description: String { "\(status) \(body)" }
    }

    func get(_ path: String) async throws -> Reply {
        try await send(method: .GET, path: path, body: nil, contentType: nil)
    }

    func post(_ path: String, body: String, contentType: String = "application/x-ndjson") async throws -> Reply {
        try await send(method: .POST, path: path, body: body, contentType: contentType)
    }

    func send(method: HTTPMethod, path: String, body: String?, contentType: String?) async throws -> Reply {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw URLError(.badURL)
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 256 * 1024 * 1024)
        return Reply(
            status: Int(response.status.code),
            contentType: response.headers.first(name: "Content-Type"),
            body: String(buffer: bytes)
        )
    }
}
