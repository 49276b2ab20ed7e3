/// Which Unix users and groups hold which role (the `[roles]` section).
///
/// A user's own entry wins over its groups, so one member of a finance group can be held
/// back to `reader`; among groups, the highest role wins.
public struct RoleMap: Sendable, Equatable {
    /// The role of clients running as the daemon's own user: so that whoever starts a bare
    /// `encoursd` can use it. `nil` gives them none beyond their entries.
    public var daemonUserRole: Role? = .finance
    public var users: [String: Role] = [:]
    public var groups: [String: Role] = [:]

    public init() {}

    public func role(of peer: PeerIdentity, daemonUserID: UInt32) -> Role? {
        if let name = peer.userName, let role = users[name] { return role }
        var best: Role? = peer.userID == daemonUserID ? daemonUserRole : nil
        for group in peer.groupNames {
            if let role = groups[group], best.map({ role > $0 }) ?? true { best = role }
        }
        return best
    }
}
