import Foundation

/// Runs the real `sqlite3` shell on a database, as an operator (or an attacker) would:
/// the tamper tests must prove the log catches changes made outside the library.
enum SQLiteCommandLine {
    static let executable = "/usr/bin/sqlite3"

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "sqlite3 exited with \(status): \(output)" }
    }

    /// Runs `sql` on `database`; returns standard output, throws on a non-zero exit.
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
