import EncoursTestSupport
import Foundation
import Testing

/// What one run of the `encours` binary did.
struct EncoursRun: Sendable, CustomStringConvertible {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// The line of standard output that starts with `prefix`, if any: the import summary is
    /// looked up this way so that other lines on standard output do not break the tests.
    func stdoutLine(startingWith prefix: String) -> String? {
        stdout.split(separator: "\n", omittingEmptySubsequences: true).first { $0.hasPrefix(prefix) }.map(String.init)
    }

    var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `encours` with `args` in `directory` (the system's temporary folder by
/// default), feeding it `stdin`, with `environment` over the test's own, and returns its
/// exit code and both outputs.
///
/// The outputs go to files rather than pipes, so a large output cannot block the child.
func runEncours(
    _ args: [String],
    stdin: String? = nil,
    in directory: String? = nil,
    environment: [String: String] = [:]
) throws -> EncoursRun {
    let executable = try BuiltExecutable.path(of: "encours")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("encours-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    try Data((stdin ?? "").utf8).write(to: inURL)

    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? scratch.path)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    }
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    try input.close()
    return EncoursRun(
        exitCode: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    )
}
