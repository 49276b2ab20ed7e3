import EncoursCore
import EncoursStore
import Foundation

/// Opens the ledger database a command names, with errors that say what to do.
enum LedgerOpener {
    /// Opens an existing database for a query; a missing file is an error, not an empty
    /// ledger, so a typo in `--db` cannot pass for "nobody owes anything".
    static func open(_ path: String) throws -> Ledger {
        try existingDatabase(at: path).ledger
    }

    /// The existing database at `path`, for a query that reads the log's rows too.
    static func existingDatabase(at path: String) throws -> LedgerDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(
                "error: no ledger database at \(path): import events first (encours import --db \(path) FILE)"
            )
        }
        return try database(at: path)
    }

    /// Opens, creating when missing (with its folder), the database at `path`.
    static func database(at path: String, create: Bool = false) throws -> LedgerDatabase {
        if create {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do {
            return try LedgerDatabase(path: path)
        } catch {
            throw CommandFailure("error: \(path): \(error)")
        }
    }
}
