import EncoursCore
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

@Suite("Hash chain and verify")
struct HashChainTests {
    let directory: TemporaryDirectory
    var path: String { directory.file("log.db") }

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
    }

    /// Pins the definition in `EventHashChain`'s doc comment: the expected values were
    /// computed independently (Python's hashlib over the documented byte layout).
    @Test func hashFollowsTheDocumentedDefinition() throws {
        let first = StoredEvent(
            seq: 1,
            type: "invoice.issued",
            stream: "C1",
            occurredOnText: "2026-11-23",
            recordedAt: "2026-11-23T11:54:40.123Z",
            actor: "alice",
            key: "invoice.issued:FA-1",
            payload: #"{"type":"invoice.issued","extra":"é"}"#,
            record: [1, 8, 2, 0x43, 0x31],
            hash: []
        )
        let firstHash = EventHashChain.hash(of: first, previous: EventHashChain.genesis)
        #expect(hex(firstHash) == "1e257ba944ddf8b32b2a13f814c8298247b064e00cf1f7d28714618c2b8a4710")

        let second = StoredEvent(
            seq: 2,
            type: "note.logged",
            stream: "C1",
            occurredOnText: "2026-11-24",
            recordedAt: "2026-11-24T00:00:00Z",
            actor: "bob",
            key: "note.logged:x",
            payload: "{}",
            record: [1, 15],
            hash: []
        )
        #expect(
            hex(EventHashChain.hash(of: second, previous: firstHash))
                == "3c6438f5809822160b2e6a533fd78ec54b5d92e169085fc47218ddc8d6e9af9f"
        )
    }

    @Test func storedHashesAreTheChainOverTheStoredRows() throws {
        let log = try EventLog(path: path)
        _ = try log.append((1...5).map { SampleEvents.invoice($0) }, recordedAt: SampleEvents.recordedAt)
        var previous = EventHashChain.genesis
        for row in try log.readAll() {
            #expect(row.hash == EventHashChain.hash(of: row, previous: previous), "seq \(row.seq)")
            previous = row.hash
        }
        #expect(previous == log.lastHash)
    }

    @Test func freshLogVerifies() throws {
        let log = try EventLog(path: path)
        let empty = try log.verify(decodePayload: { _ in }, decodeRecord: { _ in })
        #expect(empty.isValid)
        #expect(empty.rowsChecked == 0)
        #expect(empty.lastGoodHash == EventHashChain.genesis)

        try appendTen(log)
        let report = try log.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.isValid)
        #expect(report.rowsChecked == 10)
        #expect(report.lastGoodHash == log.lastHash)
    }

    @Test func rowAlteredWithTheSQLiteShellIsCaught() throws {
        let log = try EventLog(path: path)
        try appendTen(log)
        try log.close()

        try SQLiteCommandLine.run(
            path,
            """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET payload = replace(payload, '100.00', '1.00') WHERE seq = 5;
            """
        )
        #expect(try SQLiteCommandLine.run(path, "SELECT payload FROM events WHERE seq = 5;").contains(#""1.00""#))

        let reopened = try EventLog(path: path)
        let report = try reopened.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.rowsChecked == 4)
        #expect(report.failure?.seq == 5)
        #expect(report.failure?.check == .hashMismatch)
    }

    @Test func rowDeletedWithTheSQLiteShellIsCaught() throws {
        let log = try EventLog(path: path)
        try appendTen(log)
        try SQLiteCommandLine.run(path, "DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq = 7;")
        let report = try log.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.failure?.seq == 8)
        #expect(report.failure?.check == .sequenceGap)
        #expect(report.rowsChecked == 6)
    }

    @Test func rowsRemovedFromTheEndAreCaughtByTheWriterThatAppendedThem() throws {
        let log = try EventLog(path: path)
        try appendTen(log)
        try SQLiteCommandLine.run(path, "DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE seq > 8;")
        let report = try log.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.failure?.check == .truncated)
        #expect(report.failure?.seq == 9)
        #expect(report.rowsChecked == 8)
    }

    @Test func undecodablePayloadAndRecordAreReported() throws {
        let log = try EventLog(path: path)
        try appendTen(log)
        var badRecord = SampleEvents.invoice(11)
        badRecord.record = [1, 99]
        var badPayload = SampleEvents.invoice(12)
        badPayload.payload = "not json"
        _ = try log.append([badRecord, badPayload], recordedAt: SampleEvents.recordedAt)

        let report = try log.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.failure?.seq == 11)
        #expect(report.failure?.check == .recordUndecodable)
        #expect(report.failure?.message.contains("unknown_type") == true)

        let payloadReport = try log.verify(decodePayload: Self.decodePayload, decodeRecord: { _ in })
        #expect(payloadReport.failure?.seq == 12)
        #expect(payloadReport.failure?.check == .payloadUndecodable)
    }

    @Test func reopeningContinuesTheChain() throws {
        let log = try EventLog(path: path)
        try appendTen(log)
        let head = log.lastHash
        try log.close()

        let reopened = try EventLog(path: path)
        #expect(reopened.lastSequence == 10)
        #expect(reopened.lastHash == head)
        #expect(
            try reopened.append([SampleEvents.invoice(11)], recordedAt: SampleEvents.recordedAt) == [.appended(seq: 11)]
        )
        let eleventh = try #require(try reopened.readAll(from: 11).first)
        #expect(eleventh.hash == EventHashChain.hash(of: eleventh, previous: head))
        let report = try reopened.verify(decodePayload: Self.decodePayload, decodeRecord: Self.decodeRecord)
        #expect(report.isValid)
        #expect(report.rowsChecked == 11)
    }

    private func appendTen(_ log: EventLog) throws {
        _ = try log.append((1...10).map { SampleEvents.invoice($0) }, recordedAt: SampleEvents.recordedAt)
    }

    /// Stands in for the importer's JSON reader: an object, and valid JSON.
    static func decodePayload(_ payload: String) throws {
        struct NotAnObject: Error {}
        guard try JSONSerialization.jsonObject(with: Data(payload.utf8)) is [String: Any] else { throw NotAnObject() }
    }

    static func decodeRecord(_ bytes: UnsafeRawBufferPointer) throws {
        _ = try EventRecordCodec.decode(bytes)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
