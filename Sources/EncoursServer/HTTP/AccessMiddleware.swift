import Hummingbird
import Logging

/// Resolves every request's client from its peer credentials, and turns every error into
/// the API's one error shape, whichever layer threw it (a route, the router, a body limit).
struct AccessMiddleware: RouterMiddleware {
    typealias Context = EncoursRequestContext

    let credentials: PeerCredentials
    let settings: LiveSettings
    let daemonUserID: UInt32

    func handle(
        _ request: Request,
        context: EncoursRequestContext,
        next: (Request, EncoursRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let peer = await credentials.identity(of: context.channel) {
            context.peer = peer
            context.role = settings.current.roles.role(of: peer, daemonUserID: daemonUserID)
            context.logger[metadataKey: "peer"] = "\(peer.actor)"
        }
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return JSONResponse.make(error.json, status: error.status)
        } catch let error as HTTPError {
            let code = Self.code(for: error.status)
            let message = error.body ?? Self.message(for: error.status, request: request)
            return JSONResponse.make(
                APIError(status: error.status, code: code, message: message).json,
                status: error.status
            )
        } catch {
            context.logger.error("request failed: \(error)")
            let failure = APIError(status: .internalServerError, code: "internal", message: "\(error)")
            return JSONResponse.make(failure.json, status: .internalServerError)
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .contentTooLarge: "too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        default: status.code < 500 ? "bad_request" : "internal"
        }
    }

    static func message(for status: HTTPResponse.Status, request: Request) -> String {
        switch status {
        case .notFound: "no route \(request.method) \(request.uri.path): see /v1/openapi.json"
        case .contentTooLarge: "the request body is larger than limits.max_body_bytes"
        default: status.reasonPhrase
        }
    }
}
