import EncoursTestSupport
import Foundation
import Testing

@Suite("encours verify")
struct VerifyTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.importHandLedger()
    }

    @Test func aFreshImportVerifies() throws {
        let run = try workspace.encours(["verify", "--db", workspace.db])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.contains("OK"))
        #expect(run.stdout.contains("13 events"))
    }

    @Test func theTriggersRefuseAnUpdate() throws {
        #expect(throws: SQLiteCommandLine.Failure.self) {
            try SQLiteCommandLine.run(workspace.db, "UPDATE events SET actor = 'mallory' WHERE seq = 3;")
        }
        #expect(try workspace.encours(["verify", "--db", workspace.db]).exitCode == 0)
    }

    @Test func aRowAlteredWithTheSQLiteShellIsNamed() throws {
        try SQLiteCommandLine.run(
            workspace.db,
            """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET payload = replace(payload, '"1000.00"', '"100.00"') WHERE seq = 3;
            """
        )
        // The change really happened.
        #expect(
            try SQLiteCommandLine.run(workspace.db, "SELECT payload FROM events WHERE seq = 3;").contains(#""100.00""#)
        )
        let run = try workspace.encours(["verify", "--db", workspace.db])
        #expect(run.exitCode == 1)
        #expect(!run.stdout.contains("OK"))
        #expect(run.stderr.contains("BROKEN at seq 3"), "\(run)")
        #expect(run.stderr.contains("rows 1 to 2 are intact"))
    }

    @Test func aDeletedRowIsCaught() throws {
        try SQLiteCommandLine.run(workspace.db, "DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq = 13;")
        // Deleting the last row leaves a valid shorter chain; deleting one in the middle does not.
        try SQLiteCommandLine.run(workspace.db, "DELETE FROM events WHERE seq = 5;")
        let run = try workspace.encours(["verify", "--db", workspace.db])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("seq 6"), "\(run)")
    }

    @Test func aMissingDatabaseIsAnError() throws {
        let run = try workspace.encours(["verify", "--db", workspace.file("absent.db")])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("no ledger database at"))
        #expect(!workspace.exists("absent.db"))
    }
}
