import EncoursCore
import EncoursStore
import EncoursTestSupport
import Testing

@Suite("EventLog append")
struct EventLogAppendTests {
    let directory: TemporaryDirectory
    let log: EventLog

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
        log = try EventLog(path: directory.file("log.db"))
    }

    @Test func appendedRowsReadBackWithEveryColumn() throws {
        let events = (1...3).map { SampleEvents.invoice($0) }
        let outcomes = try log.append(events, recordedAt: SampleEvents.recordedAt)
        #expect(outcomes == [.appended(seq: 1), .appended(seq: 2), .appended(seq: 3)])
        #expect(log.lastSequence == 3)

        let stored = try log.readAll()
        #expect(stored.map(\.seq) == [1, 2, 3])
        for (row, event) in zip(stored, events) {
            #expect(row.type == "invoice.issued")
            #expect(row.stream == event.stream)
            #expect(row.occurredOn == event.occurredOn)
            #expect(row.occurredOnText == event.occurredOn.description)
            #expect(row.recordedAt == SampleEvents.recordedAt)
            #expect(row.actor == "alice")
            #expect(row.key == event.key)
            #expect(row.payload == event.payload)
            #expect(row.record == event.record)
            #expect(row.hash.count == 32)
        }
        #expect(stored.last?.hash == log.lastHash)
        #expect(try log.readAll(from: 3).map(\.key) == ["invoice.issued:FA-3"])
    }

    @Test func duplicateOfALoggedEventIsReportedWithItsSeq() throws {
        _ = try log.append([SampleEvents.invoice(1), SampleEvents.invoice(2)], recordedAt: SampleEvents.recordedAt)
        let outcomes = try log.append(
            [SampleEvents.invoice(2), SampleEvents.invoice(3)],
            recordedAt: "2026-11-24T08:00:00Z"
        )
        #expect(outcomes == [.duplicate(seq: 2), .appended(seq: 3)])
        #expect(try log.readAll().count == 3)

        // A batch of duplicates only: nothing stored, the chain does not move.
        let headBefore = log.lastHash
        let again = try log.append([SampleEvents.invoice(1)], recordedAt: "2026-11-25T08:00:00Z")
        #expect(again == [.duplicate(seq: 1)])
        #expect(log.lastSequence == 3)
        #expect(log.lastHash == headBefore)
        #expect(try log.readAll().last?.hash == log.lastHash)
    }

    @Test func duplicateWithinABatchPointsAtTheEarlierEvent() throws {
        let outcomes = try log.append(
            [SampleEvents.invoice(1), SampleEvents.invoice(2), SampleEvents.invoice(1)],
            recordedAt: SampleEvents.recordedAt
        )
        #expect(outcomes == [.appended(seq: 1), .appended(seq: 2), .duplicate(seq: 1)])
        #expect(try log.readAll().count == 2)
        #expect(try log.verify(decodePayload: { _ in }, decodeRecord: { _ in }).isValid)
    }

    @Test func conflictWithTheLogRollsBackTheWholeBatch() throws {
        _ = try log.append([SampleEvents.invoice(1)], recordedAt: SampleEvents.recordedAt)
        let before = try log.readAll()
        let headBefore = log.lastHash

        // Same key (invoice FA-1), different amount: a different event.
        let batch = [SampleEvents.invoice(2), SampleEvents.invoice(3), SampleEvents.invoice(1, amountMinorUnits: 1)]
        let error = #expect(throws: EventLogError.self) {
            try log.append(batch, recordedAt: SampleEvents.recordedAt)
        }
        #expect(error?.code == "conflict")
        guard case .conflict(let index, let key, let existing) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(index == 2)
        #expect(key == "invoice.issued:FA-1")
        #expect(existing == .logged(seq: 1))
        #expect(try log.readAll() == before)
        #expect(log.lastSequence == 1)
        #expect(log.lastHash == headBefore)

        // The log is still usable and the chain continues from row 1.
        #expect(try log.append([SampleEvents.invoice(2)], recordedAt: SampleEvents.recordedAt) == [.appended(seq: 2)])
        #expect(try log.verify(decodePayload: { _ in }, decodeRecord: { _ in }).isValid)
    }

    @Test func conflictWithinABatchNamesTheEarlierEvent() throws {
        let batch = [SampleEvents.invoice(1), SampleEvents.invoice(2), SampleEvents.invoice(1, amountMinorUnits: 5)]
        let error = #expect(throws: EventLogError.self) {
            try log.append(batch, recordedAt: SampleEvents.recordedAt)
        }
        guard case .conflict(2, "invoice.issued:FA-1", .batch(index: 0)) = error else {
            Issue.record("expected a conflict with event 0, got \(String(describing: error))")
            return
        }
        #expect(try log.readAll().isEmpty)
        #expect(log.lastSequence == 0)
    }

    @Test func existingRecordsTellDuplicatesFromConflictsBeforeAppending() throws {
        let first = SampleEvents.invoice(1)
        _ = try log.append([first, SampleEvents.invoice(2)], recordedAt: SampleEvents.recordedAt)
        let found = try log.existingRecords(forKeys: ["invoice.issued:FA-2", "invoice.issued:FA-9", first.key])
        #expect(found.count == 2)
        #expect(found[first.key] == ExistingRecord(seq: 1, record: first.record))
        #expect(found["invoice.issued:FA-2"]?.seq == 2)
        #expect(found["invoice.issued:FA-9"] == nil)
    }

    @Test func invalidRecordedAtIsRefusedBeforeAnythingIsWritten() throws {
        for text in ["2026-11-23 11:54:40Z", "2026-11-23T11:54:40", "2026-13-23T11:54:40Z", "2026-11-23T11:54:40.Z"] {
            let error = #expect(throws: EventLogError.self) {
                try log.append([SampleEvents.invoice(1)], recordedAt: text)
            }
            #expect(error?.code == "invalid_argument", "\(text)")
        }
        #expect(try log.readAll().isEmpty)
    }

    @Test func emptyBatchAppendsNothing() throws {
        #expect(try log.append([], recordedAt: SampleEvents.recordedAt).isEmpty)
        #expect(log.lastSequence == 0)
    }

    @Test func updateAndDeleteAreRefusedByTheDatabase() throws {
        _ = try log.append([SampleEvents.invoice(1)], recordedAt: SampleEvents.recordedAt)
        let connection = try SQLiteConnection(path: directory.file("log.db"))
        for sql in ["UPDATE events SET payload = '{}' WHERE seq = 1", "DELETE FROM events WHERE seq = 1"] {
            let error = #expect(throws: SQLiteError.self) { try connection.execute(sql) }
            #expect(error?.extendedCode == 1811, "\(sql)")  // SQLITE_CONSTRAINT_TRIGGER
            #expect(error?.message.hasPrefix("events are append-only") == true, "\(sql)")
        }
        #expect(try log.readAll().first?.payload == SampleEvents.invoice(1).payload)
    }

    @Test func appendingFromInsideAScanIsRefused() throws {
        _ = try log.append([SampleEvents.invoice(1)], recordedAt: SampleEvents.recordedAt)
        var refusal: EventLogError?
        try log.scan { _ in
            refusal = #expect(throws: EventLogError.self) {
                try log.append([SampleEvents.invoice(2)], recordedAt: SampleEvents.recordedAt)
            }
        }
        #expect(refusal?.code == "misuse")
        #expect(log.lastSequence == 1)
    }

    @Test func secondWriterOnTheSameFileContinuesTheChain() throws {
        _ = try log.append([SampleEvents.invoice(1)], recordedAt: SampleEvents.recordedAt)
        let other = try EventLog(path: directory.file("log.db"))
        _ = try other.append([SampleEvents.invoice(2)], recordedAt: SampleEvents.recordedAt)
        // `log` has not seen row 2, but reads the head inside its transaction.
        #expect(try log.append([SampleEvents.invoice(3)], recordedAt: SampleEvents.recordedAt) == [.appended(seq: 3)])
        #expect(try log.verify(decodePayload: { _ in }, decodeRecord: { _ in }).rowsChecked == 3)
    }
}
