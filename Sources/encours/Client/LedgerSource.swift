import Foundation

/// Where a query command gets its figures: the daemon's socket, or a database file read
/// offline. Chosen by `--socket` or `--db`; with neither, the daemon's socket when one is
/// there, so a user of a running service never reads a stale copy of the file.
enum LedgerSource {
    case socket(String)
    case database(String)

    static let defaultDatabase = "./var/encours.db"
    /// Where systemd's unit puts the socket, then where a bare `encoursd` puts it.
    static let defaultSockets = ["/run/encours/encours.sock", "./var/encours.sock"]

    static func choose(socket: String?, db: String?, environment: [String: String]) -> LedgerSource {
        if let db { return .database(db) }
        if let socket { return .socket(socket) }
        if let socket = environment["ENCOURS_SOCKET"], !socket.isEmpty { return .socket(socket) }
        for candidate in defaultSockets where Self.isSocket(candidate) { return .socket(candidate) }
        return .database(defaultDatabase)
    }

    private static func isSocket(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }
}
