import EncoursTestSupport
import Foundation

/// A fresh folder for one test: its database and input files; removed when the test ends.
final class Workspace {
    private let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-cli-tests")
    }

    var path: String { directory.path }

    /// The ledger database of the test (not created until something is imported).
    var db: String { file("ledger.db") }

    func file(_ name: String) -> String {
        directory.file(name)
    }

    /// Writes `lines` as an NDJSON file (one line each, newline-terminated); returns its path.
    @discardableResult
    func write(_ name: String, lines: [String]) throws -> String {
        let target = file(name)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func contents(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: file(name)))
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: file(name))
    }

    /// Runs `encours` in this folder.
    func encours(_ args: [String], stdin: String? = nil) throws -> EncoursRun {
        try runEncours(args, stdin: stdin, in: path)
    }

    /// Imports `files` (paths) into this workspace's database.
    func importFiles(_ files: [String]) throws -> EncoursRun {
        try encours(["import", "--db", db] + files)
    }

    /// A report printed as JSON for `asOf`, with any extra options.
    func json(_ report: String, asOf: String, _ extra: [String] = []) throws -> EncoursRun {
        try encours([report, "--db", db, "--as-of", asOf, "--format", "json"] + extra)
    }

    /// The number of rows of the `events` table, counted with the real `sqlite3` shell.
    func eventRowCount() throws -> Int {
        try SQLiteCommandLine.eventRowCount(db)
    }
}
