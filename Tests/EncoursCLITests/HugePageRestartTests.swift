import EncoursTestSupport
import Foundation
import Testing

/// `encours import` starts itself again with glibc's huge-page tunable when the kernel gives
/// huge pages on request (HugePageHeap): the second start must be the same command, with
/// the same arguments, folder, input and exit code, whatever the environment held.
@Suite("encours import restarted for huge pages")
struct HugePageRestartTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    @Test(arguments: [
        [:],
        ["ENCOURS_HUGE_PAGES": "0"],
        ["GLIBC_TUNABLES": "glibc.malloc.perturb=0"],
        ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"],
    ])
    func anImportGivesTheSameLedgerInEveryEnvironment(environment: [String: String]) throws {
        let file = try workspace.write("ledger.ndjson", lines: HandLedger.lines)
        // A relative path: the restarted command must run in the same folder.
        let run = try runEncours(
            ["import", "--db", "restart.db", "ledger.ndjson"],
            in: workspace.path,
            environment: environment
        )
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 13 events, 0 duplicates skipped (") == true)
        #expect(FileManager.default.fileExists(atPath: file))
        let exposure = try runEncours(
            ["exposure", "--db", "restart.db", "--as-of", HandLedger.asOf, "--format", "json"],
            in: workspace.path
        )
        #expect(exposure.stdout == HandLedgerFigures.exposure + "\n")
    }

    @Test func aFailingImportKeepsItsExitCodeAndMessage() throws {
        _ = try workspace.write("bad.ndjson", lines: [#"{"type":"invoice.issued"}"#])
        let run = try runEncours(["import", "--db", "restart.db", "bad.ndjson"], in: workspace.path)
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stderr.contains("bad.ndjson:1:"))
    }
}
