import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// One writer per database: an exclusive `flock` on `<database>.lock`, held by `encoursd`
/// for the life of the process (and by `encours import` while it imports), released by the
/// kernel however the process ends (even `kill -9`).
///
/// Two writers on one log would each apply only their own appends and answer with stale
/// figures; the second one must refuse, saying which process holds the database.
/// The lock is on a file of its own, not the database: closing any descriptor of the
/// database file would drop SQLite's own POSIX locks.
public final class DatabaseLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// A lock that cannot be taken: another process holds it, or the file cannot be opened.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        /// The pid written by the process holding the lock, when it could be read.
        public var holder: String?
        public var reason: String?

        public var description: String {
            if let reason { return "\(path): cannot open the lock file: \(reason); check the folder's permissions" }
            return "another process" + (holder.map { " (pid \($0))" } ?? "") + " is writing to this database"
        }
    }

    public init(databasePath: String) throws(Failure) {
        path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw Failure(path: path, holder: nil, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readHolder(descriptor)
            close(descriptor)
            throw Failure(path: path, holder: holder, reason: nil)
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
