import Foundation

/// A fresh folder for one test: its database and input files; removed when the test ends.
final class Workspace {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("encours-cli-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The ledger database of the test (not created until something is imported).
    var db: String { file("ledger.db") }

    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
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
        let text = try SQLiteShell.run(db, "SELECT count(*) FROM events;")
        guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SQLiteShell.Failure(status: 0, output: "not a count: \(text)")
        }
        return count
    }
}

/// The real `sqlite3` shell, run as an operator (or an attacker) would.
enum SQLiteShell {
    static let executable = "/usr/bin/sqlite3"

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "sqlite3 exited with \(status): \(output)" }
    }

    /// Runs `sql` on `database`; returns standard output; throws on a non-zero exit.
    @discardableResult
    static func run(_ database: String, _ sql: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(status: -1, output: "\(executable) is missing: install the Debian package sqlite3")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", "-bail", database, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus, output: text) }
        return text
    }
}
