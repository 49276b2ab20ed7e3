import EncoursTestSupport
import Foundation
import Testing

@Suite("encours import: appended, duplicates, conflicts")
struct ImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    @Test func firstImportAppendsEveryEvent() throws {
        let file = try workspace.write("ledger.ndjson", lines: HandLedger.lines)
        let run = try workspace.importFiles([file])
        #expect(run.exitCode == 0, "\(run)")
        let summary = try #require(run.stdoutLine(startingWith: "imported "), "\(run)")
        #expect(summary.hasPrefix("imported 13 events, 0 duplicates skipped ("))
        #expect(summary.hasSuffix(" s) into \(workspace.db)"))
        #expect(run.stderr == "")
        #expect(try workspace.eventRowCount() == 13)
    }

    @Test func reimportingTheSameFileSkipsEveryEventAsDuplicate() throws {
        try workspace.importHandLedger()
        let again = try workspace.importFiles([workspace.file("ledger.ndjson")])
        #expect(again.exitCode == 0, "\(again)")
        let summary = try #require(again.stdoutLine(startingWith: "imported "), "\(again)")
        #expect(summary.hasPrefix("imported 0 events, 13 duplicates skipped ("))
        #expect(try workspace.eventRowCount() == 13)
        #expect(try workspace.json("exposure", asOf: HandLedger.asOf).stdout == HandLedgerFigures.exposure + "\n")
    }

    @Test func aFileWithOldAndNewEventsAppendsOnlyTheNew() throws {
        try workspace.importFiles([workspace.write("part.ndjson", lines: HandLedger.withoutPayments)])
            .expectSuccess()
        // Yesterday's full export again, now with the two payments: only they are new. The
        // same amount written differently (500 vs "500.00") is the same event.
        var full = HandLedger.lines
        full[5] = full[5].replacingOccurrences(of: #""amount":500"#, with: #""amount":"500.00""#)
        let run = try workspace.importFiles([workspace.write("full.ndjson", lines: full)])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 2 events, 11 duplicates skipped (") == true
        )
        #expect(try workspace.eventRowCount() == 13)
        #expect(try workspace.json("exposure", asOf: HandLedger.asOf).stdout == HandLedgerFigures.exposure + "\n")
    }

    @Test func theSameEventTwiceInOneFileIsOneEvent() throws {
        let lines = [HandLedger.registerC1, HandLedger.invoiceFA1, HandLedger.invoiceFA1]
        let run = try workspace.importFiles([workspace.write("twice.ndjson", lines: lines)])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 2 events, 1 duplicates skipped (") == true
        )
        #expect(try workspace.eventRowCount() == 2)
    }

    @Test func aDifferentEventUnderARecordedKeyIsAConflictAndNothingIsAppended() throws {
        try workspace.importHandLedger()
        let changed = HandLedger.invoiceFA1.replacingOccurrences(of: "1000.00", with: "1000.01")
        let note = #"{"type":"note.logged","customer":"C1","text":"new","on":"2026-03-02"}"#
        let file = try workspace.write("conflict.ndjson", lines: [note, changed])
        let run = try workspace.importFiles([file])
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                conflict.ndjson:2: invoice.issued: conflict: key "invoice.issued:FA-1" is already recorded (seq 3) with different content
                  amount: recorded 1000.00, new 1000.01
                nothing was imported

                """
        )
        #expect(run.stdoutLine(startingWith: "imported ") == nil)
        #expect(try workspace.eventRowCount() == 13)
        #expect(try workspace.json("exposure", asOf: HandLedger.asOf).stdout == HandLedgerFigures.exposure + "\n")
    }

    @Test func twoDifferentEventsUnderOneKeyInAFileAreAConflict() throws {
        try workspace.importHandLedger()
        let first = #"{"type":"note.logged","customer":"C1","text":"called","on":"2026-03-02","id":"N-1"}"#
        let second = #"{"type":"note.logged","customer":"C1","text":"called again","on":"2026-03-02","id":"N-1"}"#
        let run = try workspace.importFiles([workspace.write("notes.ndjson", lines: [first, second])])
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                notes.ndjson:2: note.logged: conflict: key "note.logged:N-1" is already used at notes.ndjson:1: note.logged with different content
                  text: recorded called, new called again
                nothing was imported

                """
        )
        #expect(try workspace.eventRowCount() == 13)
    }

    @Test func aMissingInputFileIsAnErrorNamingItAndItsCause() throws {
        let absent = workspace.file("absent.ndjson")
        let run = try workspace.importFiles([absent])
        #expect(run.exitCode == 1)
        #expect(run.stderr == "error: cannot read \(absent): No such file or directory\n")
        #expect(!workspace.exists("ledger.db"))
    }

    @Test func aFolderGivenAsInputFileIsAnErrorAndCreatesNoLedger() throws {
        let folder = workspace.file("exports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try workspace.importFiles([folder])
        #expect(run.exitCode == 1)
        #expect(run.stderr == "error: cannot read \(folder): Is a directory\n")
        #expect(!workspace.exists("ledger.db"))
    }
}

extension EncoursRun {
    /// Records an issue, with both outputs, unless the run exited 0.
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(exitCode == 0, "\(self)", sourceLocation: sourceLocation)
    }
}

@Suite("encours import --dry-run")
struct ImportDryRunTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    @Test func saysWhatWouldBeAppendedAndAppendsNothing() throws {
        try workspace.importFiles([workspace.write("part.ndjson", lines: HandLedger.withoutPayments)])
            .expectSuccess()
        let full = try workspace.write("full.ndjson", lines: HandLedger.lines)
        let run = try workspace.encours(["import", "--db", workspace.db, "--dry-run", full])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdout == "dry run: would import 2 events, 11 duplicates skipped into \(workspace.db); nothing was imported\n"
        )
        #expect(try workspace.eventRowCount() == 11)
        // The real import then does what the dry run said.
        let real = try workspace.importFiles([full])
        #expect(real.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 2 events, 11 duplicates skipped (") == true)
    }

    @Test func reportsConflictsAndRuleBreaksAsTheImportWould() throws {
        try workspace.importHandLedger()
        let changed = HandLedger.invoiceFA1.replacingOccurrences(of: "1000.00", with: "1000.01")
        let run = try workspace.encours([
            "import", "--db", workspace.db, "--dry-run", workspace.write("conflict.ndjson", lines: [changed]),
        ])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("conflict.ndjson:1: invoice.issued: conflict"))
        let orphan = #"{"type":"payment.received","customer":"C9","payment":"P9","amount":"1.00","on":"2026-03-01"}"#
        let rejected = try workspace.encours([
            "import", "--db", workspace.db, "--dry-run", workspace.write("orphan.ndjson", lines: [orphan]),
        ])
        #expect(rejected.exitCode == 1)
        #expect(rejected.stderr.contains("orphan.ndjson:1: payment.received"))
        #expect(try workspace.eventRowCount() == 13)
    }

    @Test func againstNoDatabaseItLeavesNoFileBehind() throws {
        let run = try workspace.encours([
            "import", "--db", workspace.db, "--dry-run", workspace.write("ledger.ndjson", lines: HandLedger.lines),
        ])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.hasPrefix("dry run: would import 13 events, 0 duplicates skipped"))
        #expect(!workspace.exists("ledger.db"))
        #expect(!workspace.exists("ledger.db.lock"))
    }
}
