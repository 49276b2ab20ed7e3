import Dispatch
import EncoursCore
import EncoursGenerator
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// A batch appended while it is still being read (`encours import` on a large file): the
/// same rows and figures as the whole batch at once, and nothing at all when the reading
/// fails or the ledger refuses it.
@Suite("LedgerDatabase feeds")
struct LedgerDatabaseFeedTests {
    static let events: [Event] = {
        let generator = try! LedgerGenerator(GeneratorConfiguration(customers: 40, invoices: 10_500, seed: 11))
        return generator.generate()
    }()

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
    }

    var days: [Day] { (0...13).map { GeneratorConfiguration.defaultStart.adding(days: 30 * $0) } }

    /// Sends `events` from another thread in chunks of `chunk`, then ends the feed.
    func feed(_ events: [Event], chunk: Int, abandoning: Bool = false) -> LedgerDatabase.SubmissionFeed {
        let feed = LedgerDatabase.SubmissionFeed()
        let all = submissions(events)
        DispatchQueue.global().async {
            var start = 0
            while start < all.count {
                feed.send(Array(all[start..<min(start + chunk, all.count)]))
                start += chunk
            }
            abandoning ? feed.abandon() : feed.finish()
        }
        return feed
    }

    @Test func aFedBatchLeavesTheLogAndFiguresOfTheWholeBatch() throws {
        #expect(Self.events.count > 20_000)
        // Appended in batches too small to stream: each row is made by the ordinary path
        // (NewEvent), against which the streamed rows are compared column by column.
        let whole = try LedgerDatabase(path: directory.file("whole.db"))
        var start = 0
        while start < Self.events.count {
            try whole.append(Array(Self.events[start..<min(start + 5_000, Self.events.count)]))
            start += 5_000
        }

        let fedPath = directory.file("fed.db")
        let fed = try LedgerDatabase(path: fedPath)
        let report = try fed.append(feed: feed(Self.events, chunk: 3_000), actor: "alice", recordedAt: SampleEvents.recordedAt)
        #expect(report?.appendedCount == Self.events.count)
        // Inserted as it came (the streaming path), so indexed for search only afterwards.
        #expect(try SQLiteCommandLine.run(fedPath, "SELECT count(*) FROM search_text") == "0\n")
        #expect(fed.ledger.figures(on: days) == whole.ledger.figures(on: days))
        let columns = """
            SELECT group_concat(seq || type || stream || occurred_on || recorded_at || actor || key || payload
                || hex(record) || hex(hash), ',') FROM events
            """
        #expect(try SQLiteCommandLine.run(fedPath, columns) == SQLiteCommandLine.run(directory.file("whole.db"), columns))
        #expect(fed.log.lastHash == whole.log.lastHash)
        try fed.log.close()
        let verification = try EventLog(path: fedPath).verify(decodePayload: { _ in }, decodeRecord: { _ in })
        #expect(verification.isValid)
        #expect(verification.rowsChecked == Int64(Self.events.count))
    }

    @Test func anAbandonedFeedAppendsNothing() throws {
        let path = directory.file("ledger.db")
        let database = try LedgerDatabase(path: path)
        let report = try database.append(
            feed: feed(Self.events, chunk: 5_000, abandoning: true),
            actor: "alice",
            recordedAt: SampleEvents.recordedAt
        )
        #expect(report == nil)
        #expect(try SQLiteCommandLine.eventRowCount(path) == 0)
        #expect(database.ledger.lastSequence == 0)
        // The log is still usable.
        #expect(try database.append(Array(Self.events.prefix(10))).appendedCount == 10)
    }

    /// Events already recorded part-way (a cumulative export): the batch is taken whole and
    /// appended on the ordinary path, its recorded events reported as duplicates.
    @Test func recordedEventsPartWayTakeTheOrdinaryPath() throws {
        let path = directory.file("ledger.db")
        let database = try LedgerDatabase(path: path)
        let recorded = Self.events.count / 2
        try database.append(Array(Self.events.prefix(recorded)))
        // The recorded ones in the middle of the batch, after enough new ones to stream.
        let batch = Array(Self.events[recorded...]) + Array(Self.events.prefix(recorded))
        let check = try LedgerDatabase(path: directory.file("check.db"))
        try check.append(Self.events)

        let report = try database.append(feed: feed(batch, chunk: 4_000), actor: "alice", recordedAt: SampleEvents.recordedAt)
        #expect(report?.appendedCount == Self.events.count - recorded)
        #expect(report?.duplicateCount == recorded)
        #expect(try SQLiteCommandLine.eventRowCount(path) == Self.events.count)
        #expect(database.ledger.figures(on: days) == check.ledger.figures(on: days))
    }

    @Test func aRefusedFeedAppendsNothingAndNamesTheEvent() throws {
        let path = directory.file("ledger.db")
        let database = try LedgerDatabase(path: path)
        let bad = payment("PAY-BAD", "C000001", "1.00", on: "2025-06-01", allocations: [("NO-SUCH-INVOICE", "1.00")])
        let batch = Self.events + [bad]
        let error = #expect(throws: LedgerDatabaseError.self) {
            try database.append(feed: feed(batch, chunk: 2_500), actor: "alice", recordedAt: SampleEvents.recordedAt)
        }
        guard case .rejected(let items) = error else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(items.map(\.index) == [batch.count - 1])
        #expect(try SQLiteCommandLine.eventRowCount(path) == 0)
    }

    @Test func aSmallFeedIsAppendedWhole() throws {
        let path = directory.file("ledger.db")
        let database = try LedgerDatabase(path: path)
        let small = Array(Self.events.prefix(500))
        let report = try database.append(feed: feed(small, chunk: 100), actor: "alice", recordedAt: SampleEvents.recordedAt)
        #expect(report?.appendedCount == 500)
        #expect(try SQLiteCommandLine.eventRowCount(path) == 500)
    }
}
