import EncoursCore
import EncoursGenerator
@testable import EncoursStore
import EncoursTestSupport
import Testing

/// A cold replay reads the log in ranges on two threads and numbers each range's new
/// customers after the earlier ranges'; it must give exactly the ledger the appends built,
/// and name the row or customer that stops it, the earliest in the log when there are
/// several.
@Suite("Cold replay on two threads")
struct ColdReplayTests {
    let directory: TemporaryDirectory
    let path: String
    /// The ledger the appends built, which a replay of their log must equal.
    let committed: Ledger

    /// Odd customers' documents, then even customers', then every reminder and note, each
    /// dated before entries its account already holds: the middle of the log falls among
    /// customers never seen before it, and the second half reaches back into the first's.
    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-cold-replay")
        path = directory.file("ledger.db")
        let events = try LedgerGenerator(GeneratorConfiguration(customers: 40, invoices: 10_000, seed: 11)).generate()
        let isContact: (Event) -> Bool = {
            switch $0 {
            case .reminderSent, .noteLogged: true
            default: false
            }
        }
        let documents = events.filter { !isContact($0) }
        // Events that name only a document (a dispute's resolution) go with their customer.
        let streams = try Ledger().prepare(documents).get().streams
        let isOdd = streams.map { ($0.rawValue.last?.wholeNumberValue ?? 0) % 2 == 1 }
        let database = try LedgerDatabase(path: path)
        try database.append(documents.indices.filter { isOdd[$0] }.map { documents[$0] })
        try database.append(documents.indices.filter { !isOdd[$0] }.map { documents[$0] })
        try database.append(events.filter(isContact))
        committed = database.ledger
        try database.log.close()
    }

    @Test func theLogReplaysToTheLedgerItsAppendsBuilt() throws {
        // Enough rows for two threads (Ledger.parallelReplayMinimum).
        #expect(committed.lastSequence > 20_000)
        let half = Int32(committed.lastSequence / 2)
        #expect(committed.accounts.contains { $0.entryPositions.min()! >= half })
        let log = try EventLog(path: path)
        let replayed = try Ledger.replay(log)
        #expect(replayed.entryCount == Int(committed.lastSequence))
        #expect(replayed.accounts.map(\.customer) == committed.accounts.map(\.customer))
        #expect(replayed == committed)
    }

    /// `known_at` rebuilds the past from the entries in memory; a replay of the log through
    /// the same sequence must agree with it.
    @Test func aReplayThroughAnEarlierSequenceIsTheLedgerKnownThen() throws {
        let through = committed.lastSequence - 1_000
        let replayed = try Ledger.replay(try EventLog(path: path), through: through)
        #expect(replayed.lastSequence == through)
        #expect(replayed == (try committed.asKnown(through: through)))
    }

    /// Rows deleted behind the triggers' back leave gaps in the sequence numbers, one in
    /// the first half and one near the end; the entries after each close them up.
    @Test func gapsInTheLogAreClosedUp() throws {
        let deleted = try [committed.lastSequence / 2, committed.lastSequence - 50].map { bound in
            try #require(
                committed.entries.last {
                    if case .creditLimitSet = $0.event { $0.sequence < bound } else { false }
                }?.sequence
            )
        }
        try SQLiteCommandLine.run(
            path,
            "DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq IN (\(deleted[0]), \(deleted[1]));"
        )
        let replayed = try Ledger.replay(try EventLog(path: path))
        #expect(replayed.entries.map(\.sequence) == committed.entries.map(\.sequence).filter { !deleted.contains($0) })
        #expect(replayed.lastSequence == committed.lastSequence)
        for seq in deleted {
            let customer = try #require(committed.entries[Int(seq) - 1].event.namedCustomer)
            let decisions = try #require(committed.account(customer)).state.limitDecisions.count
            let lost = deleted.filter { committed.entries[Int($0) - 1].event.namedCustomer == customer }.count
            #expect(replayed.account(customer)?.state.limitDecisions.count == decisions - lost)
        }
    }

    /// Both threads meet a broken row: the one reading the first range at its last row,
    /// the other at once, at the first row of the next range. The replay names the earlier.
    @Test func ofTwoUndecodableRowsTheEarlierIsNamed() throws {
        // Opened first: opening indexes rows for search, and would meet the broken rows.
        let log = try EventLog(path: path)
        let firstRangeEnd = committed.lastSequence / Int64(Ledger.readRangeCount)
        let broken = [firstRangeEnd, firstRangeEnd + 1]
        try SQLiteCommandLine.run(
            path,
            "DROP TRIGGER events_refuse_update; UPDATE events SET record = x'00' WHERE seq IN (\(broken[0]), \(broken[1]));"
        )
        #expect {
            try Ledger.replay(log)
        } throws: { error in
            guard case LedgerDatabaseError.undecodableRecord(let seq, _) = error else { return false }
            return seq == broken[0]
        }
    }

    @Test func anUndecodableRowInTheSecondHalfIsNamedBySequence() throws {
        let broken = committed.lastSequence - 10
        try SQLiteCommandLine.run(
            path,
            "DROP TRIGGER events_refuse_update; UPDATE events SET record = x'00' WHERE seq = \(broken);"
        )
        #expect {
            try Ledger.replay(try EventLog(path: path))
        } throws: { error in
            guard case LedgerDatabaseError.undecodableRecord(let seq, _) = error else { return false }
            return seq == broken
        }
    }

    /// An invoice recorded twice for its customer, the copy in the second half: the replay
    /// names that customer and the copy's sequence.
    @Test func aViolationInTheSecondHalfNamesItsCustomerAndRow() throws {
        let original = try #require(committed.entries.first { if case .invoiceIssued = $0.event { true } else { false } })
        let copy = try #require(
            committed.entries.first {
                if case .noteLogged = $0.event { $0.sequence > committed.lastSequence / 2 + 100 } else { false }
            }?.sequence
        )
        try SQLiteCommandLine.run(
            path,
            """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET record = (SELECT record FROM events WHERE seq = \(original.sequence)) WHERE seq = \(copy);
            """
        )
        #expect {
            try Ledger.replay(try EventLog(path: path))
        } throws: { error in
            guard case LedgerDatabaseError.unreplayable(let failure) = error else { return false }
            return failure.customer == original.event.namedCustomer && failure.violation.sequence == copy
                && failure.violation.code == .documentAlreadyExists
        }
    }

}
