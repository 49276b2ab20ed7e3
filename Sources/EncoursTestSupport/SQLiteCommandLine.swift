import Foundation

/// Runs the real `sqlite3` shell on a database, as an operator (or an attacker) would.
///
/// Exists because the tamper tests must prove the log catches changes made outside the
/// library, and row counts are read without trusting the code under test; the store and
/// CLI tests both do this.
public enum SQLiteCommandLine {
    public static let executable = "/usr/bin/sqlite3"

    /// A run that exited non-zero, or an output that was not what the caller asked for.
    public struct Failure: Error, CustomStringConvertible {
        public var status: Int32
        public var output: String

        public init(status: Int32, output: String) {
            self.status = status
            self.output = output
        }

        public var description: String { "sqlite3 exited with \(status): \(output)" }
    }

    /// Runs `sql` on `database`; returns standard output, throws on a non-zero exit.
    @discardableResult
    public static func run(_ database: String, _ sql: String) throws -> String {
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

    /// The number of rows of the `events` table of `database`; throws unless sqlite3
    /// printed a count.
    public static func eventRowCount(_ database: String) throws -> Int {
        let text = try run(database, "SELECT count(*) FROM events;")
        guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(status: 0, output: "not a count: \(text)")
        }
        return count
    }
}
