import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core storage plus who the client is, filled
/// in by ``AccessMiddleware`` from the connection's peer credentials.
public struct EncoursRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel
    public var peer: PeerIdentity?
    public var role: Role?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Refuses the request unless the client holds `needed` or a higher role.
    public func require(_ needed: Role, toDo action: String) throws(APIError) {
        guard let role, role >= needed else {
            let who = peer.map { "user \($0.actor)" } ?? "this client"
            let has = role.map { "has the role \($0.rawValue)" } ?? "has no role"
            throw APIError(
                status: .forbidden,
                code: "forbidden",
                message: "\(action) needs the role \(needed.rawValue); \(who) \(has) (see [roles] in the configuration)"
            )
        }
    }
}
