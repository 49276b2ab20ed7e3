import Foundation
import Testing

/// Exit codes: 0 success, 1 bad input or data, 2 usage.
@Suite("encours: usage, help, version")
struct UsageTests {
    static let subcommands = ["import", "exposure", "ageing", "dso", "verify", "generate"]

    @Test(arguments: [
        ["exposure", "--bogus"],
        ["ageing", "--as-of"],
        ["generate", "--customers", "3"],
        ["exposure", "--as-of", "2026-02-30"],
        ["ageing", "--as-of", "31/03/2026"],
        ["dso", "--format", "xml"],
        ["dso", "--method", "average"],
        ["import"],
        ["frobnicate"],
        ["generate", "--customers", "0", "--invoices", "10"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try runEncours(arguments + ["--db", "/nonexistent/ledger.db"])
        #expect(run.exitCode == 2, "\(run)")
        #expect(run.stdout == "")
        #expect(!run.stderr.isEmpty)
    }

    @Test func aBadDateIsNamedInTheMessage() throws {
        let run = try runEncours(["exposure", "--as-of", "2026-02-30"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("2026-02-30"))
        #expect(run.stderr.contains("--as-of"))
    }

    @Test(arguments: subcommands)
    func helpShowsAnExample(subcommand: String) throws {
        let run = try runEncours([subcommand, "--help"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.contains("Example"), "\(run)")
        #expect(run.stdout.contains("encours \(subcommand)"))
    }

    @Test func topLevelHelpListsEverySubcommand() throws {
        let run = try runEncours(["--help"])
        #expect(run.exitCode == 0)
        for subcommand in Self.subcommands { #expect(run.stdout.contains(subcommand)) }
        #expect(run.stdout.contains("Example"))
    }

    @Test func versionPrintsAVersion() throws {
        let run = try runEncours(["--version"])
        #expect(run.exitCode == 0)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil, "\(run)")
    }

    @Test(arguments: ["exposure", "ageing", "dso"])
    func aQueryOnAMissingDatabaseSaysToImportFirst(report: String) throws {
        let workspace = try Workspace()
        let run = try workspace.encours([report, "--db", workspace.db])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "error: no ledger database at \(workspace.db): import events first (encours import --db \(workspace.db) FILE)\n"
        )
        // A query never creates the file it did not find.
        #expect(!workspace.exists("ledger.db"))
    }

    @Test func theDefaultDatabaseIsUnderTheWorkingDirectory() throws {
        let workspace = try Workspace()
        let run = try workspace.encours(["exposure"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("./var/encours.db"))
    }
}
