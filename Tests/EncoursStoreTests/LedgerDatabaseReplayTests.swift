import EncoursCore
import EncoursGenerator
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// A database reopened replays its log to the figures it had; arrival order and batch
/// boundaries do not change them.
extension LedgerDatabaseTests {
    @Suite("LedgerDatabase reopen and replay")
    struct Replay {
        let directory: TemporaryDirectory

        init() throws {
            directory = try TemporaryDirectory(prefix: "encours-store-tests")
        }

        /// Appends each batch to a new database at `name`, returns its live figures and the
        /// figures after closing and reopening it.
        func figures(_ name: String, batches: [[Event]], on days: [Day]) throws -> (live: [String], reopened: [String])
        {
            let path = directory.file(name)
            var live: [String] = []
            var sequence: Int64 = 0
            do {
                let database = try LedgerDatabase(path: path)
                for batch in batches { try database.append(batch) }
                live = database.ledger.figures(on: days)
                sequence = database.ledger.lastSequence
                try database.log.close()
            }
            let reopened = try LedgerDatabase(path: path)
            #expect(reopened.ledger.lastSequence == sequence)
            #expect(reopened.log.lastSequence == sequence)
            return (live, reopened.ledger.figures(on: days))
        }

        @Test func reopeningReplaysToTheSameFigures() throws {
            let result = try figures("ledger.db", batches: [HandLedgerEvents.all], on: handLedgerDays)
            #expect(result.reopened == result.live)
            #expect(result.live[16] == HandLedgerFigures.exposure)  // 2026-03-31, the 5th day
        }

        @Test func aBackdatedAppendGivesTheFiguresOfDateOrderBeforeAndAfterReopening() throws {
            let inOrder = try figures("in-order.db", batches: [HandLedgerEvents.all], on: handLedgerDays)
            let backdated = try figures(
                "backdated.db",
                batches: [HandLedgerEvents.withoutPayments, HandLedgerEvents.payments],
                on: handLedgerDays
            )
            #expect(backdated.live == inOrder.live)
            #expect(backdated.reopened == inOrder.live)
        }

        /// The dispute names only its invoice, FA-2, which comes later in the batch but earlier
        /// in time: by docs/events.md the batch holds (each event is checked at its date).
        @Test func oneBatchInReverseOrderGivesTheSameFigures() throws {
            let inOrder = try figures("in-order.db", batches: [HandLedgerEvents.all], on: handLedgerDays)
            let reversed = Array(HandLedgerEvents.all.reversed())
            let result = try figures("reversed.db", batches: [reversed], on: handLedgerDays)
            #expect(result.live == inOrder.live)
            #expect(result.reopened == inOrder.live)
            // With the dispute naming its customer, only dates decide.
            let named = reversed.map { event -> Event in
                guard case .disputeOpened(var opened) = event else { return event }
                opened.customer = "C1"
                return .disputeOpened(opened)
            }
            let namedResult = try figures("named.db", batches: [named], on: handLedgerDays)
            #expect(namedResult.live == inOrder.live)
            #expect(namedResult.reopened == inOrder.live)
        }

        @Test func oneEventPerBatchGivesTheSameFigures() throws {
            let inOrder = try figures("in-order.db", batches: [HandLedgerEvents.all], on: handLedgerDays)
            let single = try figures("single.db", batches: HandLedgerEvents.all.map { [$0] }, on: handLedgerDays)
            #expect(single.live == inOrder.live)
            #expect(single.reopened == inOrder.live)
        }

        @Test func aGeneratedLedgerAppendedInSeveralBatchesReplaysIdentically() throws {
            let configuration = GeneratorConfiguration(customers: 25, invoices: 600, seed: 11)
            let events = try LedgerGenerator(configuration).generate()
            #expect(events.count > 1000)
            // Uneven batch sizes, so boundaries fall in the middle of days and of customers.
            var batches: [[Event]] = []
            var start = 0
            for size in [1, 97, 500, 3, 250].cycled(until: events.count) {
                let end = min(start + size, events.count)
                batches.append(Array(events[start..<end]))
                start = end
                if start == events.count { break }
            }
            let days = stride(from: 0, through: 15, by: 1).map { configuration.start.adding(days: 31 * $0) }
            let whole = try figures("whole.db", batches: [events], on: days)
            let split = try figures("split.db", batches: batches, on: days)
            #expect(whole.reopened == whole.live)
            #expect(split.live == whole.live)
            #expect(split.reopened == whole.live)
        }
    }
}

extension Array {
    /// The elements repeated in turn, enough times to cover `total` by their sum (sizes).
    fileprivate func cycled(until total: Int) -> [Element] where Element == Int {
        var result: [Int] = []
        var sum = 0
        while sum < total {
            for size in self {
                result.append(size)
                sum += size
            }
        }
        return result
    }
}
