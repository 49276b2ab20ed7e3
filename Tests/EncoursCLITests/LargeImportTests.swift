import EncoursTestSupport
import Foundation
import Testing

/// A file large enough to be appended while it is still being read (over 16,384 events, in
/// pieces of 2 MB): the same outcome as a small file, all of it or nothing.
@Suite("encours import: a large file")
struct LargeImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    /// About 38,000 events, 6 MB: three pieces.
    func generated() throws -> (path: String, lines: [String]) {
        let path = workspace.file("big.ndjson")
        try runEncours(["generate", "--customers", "200", "--invoices", "16000", "--seed", "4", "--output", path])
            .expectSuccess()
        let lines = String(decoding: try workspace.contents("big.ndjson"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        return (path, lines)
    }

    @Test func aLargeFileIsAppendedWholeAndVerifies() throws {
        let (path, lines) = try generated()
        #expect(lines.count > 30_000)
        let run = try workspace.importFiles([path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported \(lines.count) events, 0 duplicates") == true)
        #expect(try workspace.eventRowCount() == lines.count)
        let verify = try workspace.encours(["verify", "--db", workspace.db])
        #expect(verify.exitCode == 0, "\(verify)")
        // Indexed for search before the command ended.
        let indexed = try SQLiteCommandLine.run(workspace.db, "SELECT indexed_through FROM search_backfill")
        #expect(indexed == "\(lines.count)\n")
    }

    /// The bad line comes after several pieces were read and inserted: they are rolled back.
    @Test func aBadLineLateInALargeFileAppendsNothing() throws {
        var (_, lines) = try generated()
        let bad = lines.count - 10
        lines[bad] = lines[bad].replacingOccurrences(of: #""on":"20"#, with: #""on":"19"#)
            .replacingOccurrences(of: #"-"#, with: "/")
        let path = try workspace.write("bad.ndjson", lines: lines)
        let run = try workspace.importFiles([path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("bad.ndjson:\(bad + 1): "), "\(run)")
        #expect(run.stderr.hasSuffix("nothing was imported\n"))
        #expect(try workspace.eventRowCount() == 0)
    }
}
