import EncoursCore
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// How far the search index has got (migration 0003): a large batch is durable before its
/// words are indexed, and nothing a stop in between leaves out stays missing.
@Suite("Search index progress")
struct SearchIndexProgressTests {
    let directory: TemporaryDirectory
    var path: String { directory.file("ledger.db") }

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
    }

    /// 20,001 events, enough for the large-batch path; one note says "virement".
    static let largeBatch: [Event] =
        [register("C1", on: "2026-01-01")]
        + (1...20_000).map { number in
            .noteLogged(
                NoteLogged(
                    customer: "C1",
                    text: number == 12_345 ? "Promesse de virement" : "Appel sans réponse",
                    on: day("2026-01-02"),
                    id: "N\(number)"
                )
            )
        }

    static let relance = Event.noteLogged(NoteLogged(customer: "C1", text: "Relance téléphonique", on: day("2026-01-03")))

    func search(_ words: String, in log: EventLog) throws -> [Int64] {
        try log.search(SearchQuery(words)!, limit: 50).map(\.sequence).sorted()
    }

    func indexedThrough() throws -> String {
        try SQLiteCommandLine.run(path, "SELECT indexed_through FROM search_backfill")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func indexRowCount() throws -> Int {
        Int(try SQLiteCommandLine.run(path, "SELECT count(*) FROM search_text").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static var wordyEventCount: Int { largeBatch.filter { $0.searchableText != nil }.count }

    @Test func smallAppendsKeepTheIndexAtTheHead() throws {
        let database = try LedgerDatabase(path: path)
        try database.append(Array(Self.largeBatch.prefix(3)))
        #expect(try indexedThrough() == "3")
        try database.append([Self.relance])
        #expect(try indexedThrough() == "4")
        #expect(try search("relance", in: database.log) == [4])
    }

    @Test func aLargeBatchIsIndexedJustAfterItsCommit() throws {
        let database = try LedgerDatabase(path: path)
        let report = try database.append(Self.largeBatch)
        #expect(report.appendedCount == Self.largeBatch.count)
        // Durable, not yet searchable: the index does not delay the commit.
        #expect(try search("virement", in: database.log) == [])
        #expect(try indexedThrough() == "0")

        try database.log.indexPendingSearchText()
        #expect(try search("virement", in: database.log) == [12_346])
        #expect(try indexRowCount() == Self.wordyEventCount)
        #expect(try indexedThrough() == "\(Self.largeBatch.count)")
        // Nothing left to do: a second call adds nothing.
        try database.log.indexPendingSearchText()
        #expect(try indexRowCount() == Self.wordyEventCount)
    }

    /// The process stops after the commit, before indexing, and a small batch had come in
    /// between: the next open indexes the large batch's rows and not the small one's twice.
    @Test func aStopBeforeIndexingIsMadeUpByTheNextOpen() throws {
        let database = try LedgerDatabase(path: path)
        try database.append(Self.largeBatch)
        try database.append([Self.relance])
        try database.log.close()
        #expect(try indexRowCount() == 1)
        #expect(try indexedThrough() == "0")

        let log = try EventLog(path: path)
        #expect(try search("virement", in: log) == [12_346])
        #expect(try search("relance", in: log) == [Int64(Self.largeBatch.count + 1)])
        #expect(try indexRowCount() == Self.wordyEventCount + 1)
        #expect(try indexedThrough() == "\(Self.largeBatch.count + 1)")
    }

    /// After a small batch came in, the large batch's pending words still go in once.
    @Test func pendingWordsAfterASmallBatchAreIndexedOnce() throws {
        let database = try LedgerDatabase(path: path)
        try database.append(Self.largeBatch)
        try database.append([Self.relance])
        try database.log.indexPendingSearchText()
        #expect(try search("virement", in: database.log) == [12_346])
        #expect(try search("relance", in: database.log) == [Int64(Self.largeBatch.count + 1)])
        #expect(try indexRowCount() == Self.wordyEventCount + 1)
        #expect(try indexedThrough() == "\(Self.largeBatch.count + 1)")
    }

    /// A log written by a binary with migrations 0001-0002 only, where the progress column
    /// stayed where the first indexing pass left it: 0003 moves it to the head, and nothing
    /// is indexed twice.
    @Test func aLogIndexedBeforeMigrationThreeIsNotIndexedAgain() throws {
        let database = try LedgerDatabase(path: path)
        try database.append(Array(Self.largeBatch.prefix(3)) + [Self.relance])
        try database.log.close()
        _ = try SQLiteCommandLine.run(
            path,
            "DELETE FROM schema_migrations WHERE version = 3; UPDATE search_backfill SET indexed_through = 1;"
        )
        let log = try EventLog(path: path)
        #expect(try indexedThrough() == "4")
        #expect(try indexRowCount() == 4)
        #expect(try search("relance", in: log) == [4])
    }
}
