import EncoursCore
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// `LedgerDatabase.append`: keys sorted into new, duplicate and conflicting; the new events
/// checked against the ledger; all or nothing.
@Suite("LedgerDatabase append")
struct LedgerDatabaseTests {
    let directory: TemporaryDirectory
    let database: LedgerDatabase

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
        database = try LedgerDatabase(path: directory.file("ledger.db"))
    }

    var rowCount: Int {
        get throws { try SQLiteCommandLine.eventRowCount(directory.file("ledger.db")) }
    }

    /// What a refused batch must leave exactly as it was.
    struct Snapshot: Equatable {
        var rows: Int
        var lastSequence: Int64
        var ledgerSequence: Int64
        var figures: [String]
    }

    func snapshot() throws -> Snapshot {
        Snapshot(
            rows: try rowCount,
            lastSequence: database.log.lastSequence,
            ledgerSequence: database.ledger.lastSequence,
            figures: database.ledger.figures(on: handLedgerDays)
        )
    }

    @Test func appendReportsTheNewSequenceNumbers() throws {
        let report = try database.append(HandLedgerEvents.all)
        #expect(report.outcomes == (1...13).map { .appended(seq: $0) })
        #expect(report.appendedCount == 13)
        #expect(report.duplicateCount == 0)
        #expect(database.log.lastSequence == 13)
        #expect(database.ledger.lastSequence == 13)
        #expect(try rowCount == 13)
        #expect(database.ledger.exposure(asOf: day("2026-03-31")).json == HandLedgerFigures.exposure)

        let next = try database.append([HandLedgerEvents.note("C1", "called", on: "2026-03-02")])
        #expect(next.outcomes == [.appended(seq: 14)])
    }

    @Test func duplicatesOfRecordedEventsAreReportedWithTheirSeq() throws {
        try database.append(HandLedgerEvents.all)
        let report = try database.append([
            HandLedgerEvents.fa1, HandLedgerEvents.note("C1", "called", on: "2026-03-02"), HandLedgerEvents.pay1,
        ])
        #expect(report.outcomes == [.duplicate(seq: 3), .appended(seq: 14), .duplicate(seq: 7)])
        #expect(report.appendedCount == 1)
        #expect(report.duplicateCount == 2)
        #expect(try rowCount == 14)
    }

    @Test func aBatchOfDuplicatesOnlyAppendsNothing() throws {
        try database.append(HandLedgerEvents.all)
        let before = try snapshot()
        let report = try database.append(HandLedgerEvents.all)
        #expect(report.outcomes == (1...13).map { .duplicate(seq: $0) })
        #expect(try snapshot() == before)
    }

    @Test func aDuplicateWithinTheBatchPointsAtTheFirstAndIsNotCountedAsAppended() throws {
        let register = HandLedgerEvents.all[0]
        let report = try database.append([register, HandLedgerEvents.fa1, HandLedgerEvents.fa1])
        #expect(report.outcomes == [.appended(seq: 1), .appended(seq: 2), .duplicate(seq: 2)])
        #expect(report.appendedCount == 2)
        #expect(report.duplicateCount == 1)
        #expect(try rowCount == 2)
    }

    @Test func aRecordedEventSentTwiceInABatchIsADuplicateOfItsRow() throws {
        try database.append(HandLedgerEvents.all)
        let report = try database.append([HandLedgerEvents.fa1, HandLedgerEvents.fa1])
        #expect(report.outcomes == [.duplicate(seq: 3), .duplicate(seq: 3)])
    }

    @Test func aConflictWithTheLogIsRefusedNamingItsIndex() throws {
        try database.append(HandLedgerEvents.all)
        let before = try snapshot()
        let changed = invoice("FA-1", "C1", "1000.01", on: "2026-01-10")
        let error = #expect(throws: LedgerDatabaseError.self) {
            try database.append([HandLedgerEvents.note("C1", "new", on: "2026-03-02"), changed])
        }
        guard case .conflicts(let conflicts) = error else {
            Issue.record("expected conflicts, got \(String(describing: error))")
            return
        }
        #expect(conflicts.map(\.index) == [1])
        #expect(conflicts.first?.key == "invoice.issued:FA-1")
        #expect(conflicts.first?.holder == .logged(seq: 3))
        #expect(error?.code == "conflict")
        #expect(try snapshot() == before)
    }

    @Test func aConflictWithinTheBatchIsRefusedNamingBothIndices() throws {
        try database.append(HandLedgerEvents.all)
        let before = try snapshot()
        let error = #expect(throws: LedgerDatabaseError.self) {
            try database.append([
                HandLedgerEvents.note("C1", "first", on: "2026-03-02", id: "N-1"),
                HandLedgerEvents.note("C2", "other", on: "2026-03-02"),
                HandLedgerEvents.note("C1", "second", on: "2026-03-02", id: "N-1"),
            ])
        }
        guard case .conflicts(let conflicts) = error else {
            Issue.record("expected conflicts, got \(String(describing: error))")
            return
        }
        #expect(conflicts.map(\.index) == [2])
        #expect(conflicts.first?.key == "note.logged:N-1")
        #expect(conflicts.first?.holder == .batch(index: 0))
        #expect(try snapshot() == before)
    }

    @Test func aLedgerViolationIsRefusedNamingItsIndexAndNothingIsAppended() throws {
        try database.append(HandLedgerEvents.all)
        let before = try snapshot()
        let batch = [
            HandLedgerEvents.note("C1", "fine", on: "2026-03-02"),
            payment("PAY-9", "C1", "10.00", on: "2026-03-02", allocations: [("FA-99", "10.00")]),
            invoice("FA-6", "C1", "10.00", on: "2026-03-03"),
        ]
        let error = #expect(throws: LedgerDatabaseError.self) { try database.append(batch) }
        guard case .rejected(let items) = error else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(items.map(\.index) == [1])
        #expect(items.first?.violation.code == .unknownDocument)
        #expect(items.first?.violation.field == "allocations[0].invoice")
        #expect(try snapshot() == before)

        // Nothing was half-done: the good events append next, without a gap.
        let report = try database.append([batch[0], batch[2]])
        #expect(report.outcomes == [.appended(seq: 14), .appended(seq: 15)])
    }

    /// Indices name positions in the submitted batch, duplicates included.
    @Test func aRejectionAfterDuplicatesNamesThePositionInTheSubmittedBatch() throws {
        try database.append(HandLedgerEvents.all)
        let error = #expect(throws: LedgerDatabaseError.self) {
            try database.append([
                HandLedgerEvents.fa1, HandLedgerEvents.pay1,
                payment("PAY-8", "C1", "10.00", on: "2026-03-02", allocations: [("FA-3", "10.00")]),
            ])
        }
        guard case .rejected(let items) = error else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(items.map(\.index) == [2])
        #expect(items.first?.violation.code == .documentOfAnotherCustomer)
    }

    @Test func aBackdatedEventThatInvalidatesARecordedOneIsRefused() throws {
        try database.append(HandLedgerEvents.all)
        // C2 has 300.00 unapplied from 03-10; applying all of it on 03-25 is fine.
        let applyAll = Event.creditApplied(
            CreditApplied(
                customer: "C2",
                invoice: "FA-4",
                amount: eur("300.00"),
                on: day("2026-03-25"),
                id: "CA-1"
            )
        )
        try database.append([applyAll])
        let before = try snapshot()
        // Applying 100.00 on 03-21 is fine by itself, but leaves too little for CA-1 (seq 14).
        let earlier = Event.creditApplied(
            CreditApplied(
                customer: "C2",
                invoice: "FA-4",
                amount: eur("100.00"),
                on: day("2026-03-21"),
                id: "CA-0"
            )
        )
        let error = #expect(throws: LedgerDatabaseError.self) { try database.append([earlier]) }
        guard case .rejected(let items) = error else {
            Issue.record("expected a rejection, got \(String(describing: error))")
            return
        }
        #expect(items.map(\.index) == [nil])
        #expect(items.first?.violation.code == .recordedEventInvalidated)
        #expect(items.first?.violation.message.contains("seq 14") == true)
        #expect(try snapshot() == before)
    }
}
