import Foundation
import Testing

@Suite("encours generate")
struct GenerateTests {
    static let small = ["generate", "--customers", "5", "--invoices", "60"]

    @Test func theSameSeedGivesTheSameBytes() throws {
        let first = try runEncours(Self.small + ["--seed", "7"])
        let second = try runEncours(Self.small + ["--seed", "7"])
        #expect(first.exitCode == 0, "\(first)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func anotherSeedGivesAnotherLedger() throws {
        let first = try runEncours(Self.small + ["--seed", "7"])
        let other = try runEncours(Self.small + ["--seed", "8"])
        #expect(other.exitCode == 0)
        #expect(first.stdout != other.stdout)
    }

    @Test func outputImportsCleanlyAndVerifies() throws {
        let workspace = try Workspace()
        let generated = try runEncours(Self.small + ["--seed", "3"])
        let file = workspace.file("demo.ndjson")
        try Data(generated.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let lines = generated.stdout.split(separator: "\n").count

        let imported = try workspace.importFiles([file])
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(
            imported.stdoutLine(startingWith: "imported ")?.hasPrefix("imported \(lines) events, 0 duplicates") == true
        )
        #expect(try workspace.eventRowCount() == lines)
        #expect(try workspace.encours(["verify", "--db", workspace.db]).exitCode == 0)
        // Every customer generated is in the exposure report.
        let exposure = try workspace.json("exposure", asOf: "2026-12-31")
        #expect(exposure.stdout.components(separatedBy: #""customer":"#).count - 1 == 5)
    }

    @Test func outputOptionWritesTheFile() throws {
        let workspace = try Workspace()
        let run = try workspace.encours(Self.small + ["--seed", "7", "--output", "demo.ndjson"])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout == "")
        let written = try workspace.contents("demo.ndjson")
        #expect(String(decoding: written, as: UTF8.self) == (try runEncours(Self.small + ["--seed", "7"])).stdout)
        let lines = written.split(separator: UInt8(ascii: "\n")).count
        #expect(run.stderr.hasPrefix("generated \(lines) events"))
    }

    @Test func anUnwritableOutputIsAnError() throws {
        let run = try runEncours(Self.small + ["--output", "/nonexistent-folder/demo.ndjson"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("/nonexistent-folder/demo.ndjson"))
    }
}
