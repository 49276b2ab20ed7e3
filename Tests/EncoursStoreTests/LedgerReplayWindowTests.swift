import EncoursCore
import EncoursGenerator
import Testing

/// A replay applies its entries a window at a time, grouped by account: a log longer than
/// several windows, with backdated entries landing in the middle of them, must still give
/// exactly the ledger that checking and committing the same batches built.
@Suite("LedgerReplay over several windows")
struct LedgerReplayWindowTests {
    @Test func aLogOfSeveralWindowsWithBackdatedEntriesReplaysToTheCommittedLedger() throws {
        let events = try LedgerGenerator(GeneratorConfiguration(customers: 50, invoices: 75_000, seed: 3)).generate()
        #expect(events.count > 2 * LedgerReplay.window)
        // Reminders and notes recorded after everything else: each is dated before entries
        // its account has already applied, so the accounts are set aside in the middle of a
        // window and rebuilt in date order at the end.
        let isContact: (Event) -> Bool = {
            switch $0 {
            case .reminderSent, .noteLogged: true
            default: false
            }
        }
        let batches = [events.filter { !isContact($0) }, events.filter(isContact)]
        #expect(batches[1].count > 1000)

        var committed = Ledger()
        var log: [(stream: CustomerID, event: Event)] = []
        for batch in batches {
            let prepared = try committed.prepare(batch).get()
            committed.commit(prepared)
            log += zip(prepared.streams, batch).map { ($0, $1) }
        }

        var replay = LedgerReplay(expectedCount: log.count)
        for (offset, row) in log.enumerated() {
            replay.add(sequence: Int64(offset + 1), stream: row.stream, event: row.event)
        }
        let replayed = try replay.finish()
        #expect(replayed.entryCount == log.count)
        #expect(replayed.accounts.count == 50)
        #expect(replayed == committed)
    }
}
