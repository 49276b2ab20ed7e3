import Foundation

/// A bare connection to a Unix socket, for sending what no HTTP client would send
/// (malformed requests) and reading whatever comes back.
enum RawSocket {
    /// Writes `bytes`, then reads until the server closes or `timeout` passes.
    static func exchange(path: String, bytes: [UInt8], timeout: Duration = .seconds(5)) throws -> String {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        let connected = withUnixSocketAddress(path) { connect(descriptor, $0, $1) }
        guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var timeval = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeval, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer.prefix(count)
            // A complete answer to one request is enough.
            if let text = String(bytes: received, encoding: .utf8), text.contains("\r\n\r\n"),
                text.hasPrefix("HTTP/1.1"), Self.isComplete(text)
            {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func isComplete(_ text: String) -> Bool {
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return false }
        let headers = text[..<headerEnd.lowerBound].lowercased()
        guard let line = headers.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return text.utf8.count - text.utf8.distance(from: text.utf8.startIndex, to: headerEnd.upperBound) >= length
    }
}
