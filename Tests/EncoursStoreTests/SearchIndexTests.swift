import EncoursCore
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// The full-text index (migration 0002): written with each append, and built once for a log
/// that was written before it existed.
@Suite("Search index")
struct SearchIndexTests {
    let directory: TemporaryDirectory
    var path: String { directory.file("ledger.db") }

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
    }

    static let events: [Event] = [
        .customerRegistered(
            CustomerRegistered(
                customer: "C1",
                profile: CustomerProfile(legalName: "Société Générale de Transports", tradeName: "SGT"),
                on: day("2026-01-01")
            )
        ),
        invoice("A", "C1", "100.00", on: "2026-01-02"),
        .noteLogged(
            NoteLogged(customer: "C1", text: "Promesse de règlement par virement", tags: ["appel", "DAF"], on: day("2026-01-05"))
        ),
        .disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", reason: "Quantité livrée erronée", on: day("2026-01-06"))),
        .reminderSent(ReminderSent(customer: "C1", level: "reminder_1", on: day("2026-01-07"))),
    ]

    func search(_ words: String, in log: EventLog) throws -> [Int64] {
        try log.search(SearchQuery(words)!, limit: 50).map(\.sequence).sorted()
    }

    @Test func appendedEventsAreFoundAtOnceAndOnlyThoseWithWords() throws {
        let database = try LedgerDatabase(path: path)
        try database.append(Self.events)
        #expect(try search("virement", in: database.log) == [3])
        #expect(try search("appel daf", in: database.log) == [3])
        #expect(try search("societe transports", in: database.log) == [1])
        #expect(try search("quantite", in: database.log) == [4])
        // The invoice and the reminder without a note have no words: no row.
        let rows = try SQLiteCommandLine.run(path, "SELECT group_concat(rowid) FROM search_text")
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "1,3,4")
    }

    @Test func aLogWrittenBeforeTheIndexIsIndexedOnceWhenOpened() throws {
        try LedgerDatabase(path: path).append(Self.events)
        // As a log written by a binary without migration 0002 would be: no index rows, and
        // the backfill not yet done.
        _ = try SQLiteCommandLine.run(
            path,
            "DELETE FROM search_text; UPDATE search_backfill SET indexed_through = NULL;"
        )
        let log = try EventLog(path: path)
        #expect(try search("virement", in: log) == [3])
        #expect(try search("sgt", in: log) == [1])
        let done = try SQLiteCommandLine.run(path, "SELECT indexed_through FROM search_backfill")
        #expect(done.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
        try log.close()
        // Opening again indexes nothing twice.
        let again = try EventLog(path: path)
        #expect(try search("virement", in: again) == [3])
        let count = try SQLiteCommandLine.run(path, "SELECT count(*) FROM search_text")
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

    @Test func queriesAreWordsNeverSyntax() throws {
        #expect(SearchQuery("retard+paiement")?.words == ["retard", "paiement"])
        #expect(SearchQuery(#"say "hi" AND NEAR(x*"#)?.expression == #""say"* """hi"""* "AND"* "NEAR(x*"*"#)
        #expect(SearchQuery("   ") == nil)
        #expect(SearchQuery(String(repeating: "a", count: 501)) == nil)
        let database = try LedgerDatabase(path: path)
        try database.append(Self.events)
        #expect(try search(#"" AND OR NOT * ( ) : ^"#, in: database.log) == [])
    }
}
