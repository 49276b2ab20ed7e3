import EncoursCore
import EncoursGenerator
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// Batches large enough that the check may run while the rows are inserted: a refusal
/// must still leave nothing behind.
extension LedgerDatabaseTests {
    @Suite("LedgerDatabase large batches")
    struct LargeBatches {
        static let events: [Event] = {
            let generator = try! LedgerGenerator(GeneratorConfiguration(customers: 40, invoices: 2_500, seed: 5))
            return generator.generate()
        }()

        let directory: TemporaryDirectory

        init() throws {
            directory = try TemporaryDirectory(prefix: "encours-store-tests")
        }

        var days: [Day] { (0...13).map { GeneratorConfiguration.defaultStart.adding(days: 30 * $0) } }

        /// A first import this large is inserted while its rows are still being prepared
        /// (the streaming path): a refusal found by the check must still leave nothing, and a
        /// key used twice must still be one event.
        @Test func aStreamedBatchRefusedByTheCheckAppendsNothing() throws {
            let customer: CustomerID = "C1"
            var events: [Event] =
                [register(customer, on: "2026-01-01")]
                + (1...20_000).map { number in
                    .noteLogged(NoteLogged(customer: customer, text: "appel", on: day("2026-01-02"), id: "N\(number)"))
                }
            let path = directory.file("ledger.db")
            let database = try LedgerDatabase(path: path)
            let bad = invoice("FA-1", "C-UNKNOWN", "10.00", on: "2026-01-03")
            let error = #expect(throws: LedgerDatabaseError.self) { try database.append(events + [bad]) }
            guard case .rejected(let items) = error else {
                Issue.record("expected a rejection, got \(String(describing: error))")
                return
            }
            #expect(items.map(\.index) == [events.count])
            #expect(try SQLiteCommandLine.eventRowCount(path) == 0)
            #expect(database.ledger.lastSequence == 0)

            events.append(events[5])  // the same note twice: the ordinary path's duplicate
            let report = try database.append(events)
            #expect(report.appendedCount == events.count - 1)
            #expect(report.outcomes.last == .duplicate(seq: 6))
            #expect(try SQLiteCommandLine.eventRowCount(path) == events.count - 1)
            try database.log.close()
            #expect(try LedgerDatabase(path: path).ledger.lastSequence == Int64(events.count - 1))
        }

        /// Re-importing a full export asks about more keys than look-ups handle well, so the
        /// log is scanned instead: the answer must be the same, duplicates and conflicts alike.
        @Test func reimportingAFullExportFindsDuplicatesAndConflictsByScanning() throws {
            let customer: CustomerID = "C1"
            let notes: [Event] =
                [register(customer, on: "2026-01-01")]
                + (1...25_000).map { number in
                    .noteLogged(
                        NoteLogged(customer: customer, text: "appel \(number)", on: day("2026-01-02"), id: "N\(number)")
                    )
                }
            let path = directory.file("ledger.db")
            let database = try LedgerDatabase(path: path)
            try database.append(notes)

            let again = try database.append(notes)
            #expect(again.appendedCount == 0)
            #expect(again.duplicateCount == notes.count)
            #expect(again.outcomes.last?.seq == Int64(notes.count))

            var changed = notes
            changed[20_000] = .noteLogged(
                NoteLogged(customer: customer, text: "autre chose", on: day("2026-01-02"), id: "N20000")
            )
            let error = #expect(throws: LedgerDatabaseError.self) { try database.append(changed) }
            guard case .conflicts(let conflicts) = error else {
                Issue.record("expected a conflict, got \(String(describing: error))")
                return
            }
            #expect(conflicts.map(\.index) == [20_000])
            #expect(try SQLiteCommandLine.eventRowCount(path) == notes.count)
        }

        @Test func aLargeBatchWithOneBadEventAtTheEndAppendsNothing() throws {
            let events = Self.events
            #expect(events.count > 5_000)
            let path = directory.file("ledger.db")
            let database = try LedgerDatabase(path: path)
            let head = Array(events.prefix(100))
            try database.append(head)
            let before = database.ledger.figures(on: days)

            let bad = payment(
                "PAY-BAD",
                "C000001",
                "1.00",
                on: "2025-06-01",
                allocations: [("NO-SUCH-INVOICE", "1.00")]
            )
            let batch = Array(events.dropFirst(100)) + [bad]
            let error = #expect(throws: LedgerDatabaseError.self) { try database.append(batch) }
            guard case .rejected(let items) = error else {
                Issue.record("expected a rejection, got \(String(describing: error))")
                return
            }
            #expect(items.map(\.index) == [batch.count - 1])
            #expect(try SQLiteCommandLine.eventRowCount(path) == 100)
            #expect(database.log.lastSequence == 100)
            #expect(database.ledger.lastSequence == 100)
            #expect(database.ledger.figures(on: days) == before)

            // The same batch without the bad event then goes in whole, and reopens the same.
            let report = try database.append(Array(batch.dropLast()))
            #expect(report.appendedCount == events.count - 100)
            let after = database.ledger.figures(on: days)
            try database.log.close()
            #expect(try LedgerDatabase(path: path).ledger.figures(on: days) == after)
        }

        @Test func aLargeBatchWithAConflictAppendsNothing() throws {
            let events = Self.events
            let path = directory.file("ledger.db")
            let database = try LedgerDatabase(path: path)
            try database.append(Array(events.prefix(100)))
            let before = database.ledger.figures(on: days)
            // The registration of C000001 again, with another legal name: same key, other content.
            let changed = Event.customerRegistered(
                CustomerRegistered(
                    customer: "C000001",
                    profile: CustomerProfile(legalName: "Someone Else"),
                    on: GeneratorConfiguration.defaultStart
                )
            )
            let batch = Array(events.dropFirst(100)) + [changed]
            let error = #expect(throws: LedgerDatabaseError.self) { try database.append(batch) }
            guard case .conflicts(let conflicts) = error else {
                Issue.record("expected conflicts, got \(String(describing: error))")
                return
            }
            #expect(conflicts.map(\.index) == [batch.count - 1])
            #expect(conflicts.first?.holder == .logged(seq: 1))
            #expect(try SQLiteCommandLine.eventRowCount(path) == 100)
            #expect(database.ledger.figures(on: days) == before)
        }
    }
}
