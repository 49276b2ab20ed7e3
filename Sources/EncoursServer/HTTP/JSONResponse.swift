import Hummingbird
import NIOCore

/// Responses whose body is JSON text already written (the reports write their own, so the
/// CLI and the API print the same bytes).
enum JSONResponse {
    static func make(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBuffer()
        buffer.writeString(json)
        buffer.writeString("\n")
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: buffer)
        )
    }
}
