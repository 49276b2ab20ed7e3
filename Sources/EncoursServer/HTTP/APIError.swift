import Hummingbird
import NIOCore
import EncoursCore

/// An error answer of the socket API: `{"error": {"code", "message", "details"}}` with a
/// fitting status (DESIGN §7). `code` is stable for scripts (docs/api.md lists them);
/// `details`, when present, is JSON naming each item at fault.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Already-encoded JSON (an array or object), or `nil`.
    public var detailsJSON: String?

    public init(status: HTTPResponse.Status, code: String, message: String, detailsJSON: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.detailsJSON = detailsJSON
    }

    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.member("code", code)
        writer.member("message", message)
        if let detailsJSON {
            writer.key("details")
            writer.raw(detailsJSON)
        }
        writer.endObject()
        writer.endObject()
        return writer.text
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(json, status: status)
    }

    /// A bad query-string or body field.
    static func badField(_ field: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: "field \"\(field)\": \(message)")
    }
}
