import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// One daemon per database: an exclusive `flock` on `<database>.lock`, held for the life of
/// the process and released by the kernel however it ends (even `kill -9`).
///
/// Two daemons on one log would each apply only their own appends and answer with stale
/// figures; the second one must refuse to start, saying which process holds the database.
/// The lock is on a file of its own, not the database: closing any descriptor of the
/// database file would drop SQLite's own POSIX locks.
public final class DatabaseLock: Sendable {
    public let path: String
    private let descriptor: Int32

    public init(databasePath: String) throws(ConfigurationError) {
        path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw ConfigurationError(
                source: path,
                message:
                    "cannot open the lock file: \(String(cString: strerror(errno))); check the folder's permissions"
            )
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readHolder(descriptor)
            close(descriptor)
            throw ConfigurationError(
                source: databasePath,
                message: "another encoursd is already serving this database"
                    + (holder.map { " (pid \($0))" } ?? "")
                    + "; stop it first, or give this one another --db"
            )
        }
        ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pwrite(descriptor, pid, pid.count, 0)
    }

    deinit {
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
