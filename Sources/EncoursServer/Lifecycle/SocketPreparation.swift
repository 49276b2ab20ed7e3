import Foundation

/// Gives the socket file its mode and group once it is bound, before systemd hears the
/// daemon is ready: nobody outside the group may talk to the ledger.
struct SocketPreparation: Sendable {
    let path: String
    let mode: UInt16
    let group: String?

    init(configuration: DaemonConfiguration) {
        path = configuration.socketPath
        mode = configuration.socketMode
        group = configuration.socketGroup
    }

    func applyPermissions() throws(ConfigurationError) {
        if let group {
            guard let gid = PeerIdentity.groupID(named: group) else {
                throw ConfigurationError(source: "socket.group", message: "no Unix group named \"\(group)\"")
            }
            guard chown(path, uid_t.max, gid) == 0 else {
                throw ConfigurationError(
                    source: "socket.group",
                    message: "cannot give \(path) the group \(group): \(String(cString: strerror(errno)))"
                )
            }
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw ConfigurationError(
                source: "socket.mode",
                message: "cannot set the mode of \(path): \(String(cString: strerror(errno)))"
            )
        }
    }
}
