import EncoursCore
import EncoursStore
import EncoursTestSupport
import Testing

@Suite("EventLog scan")
struct EventLogReadTests {
    let directory: TemporaryDirectory
    let log: EventLog

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-store-tests")
        log = try EventLog(path: directory.file("log.db"))
        _ = try log.append(
            (1...10).map { SampleEvents.invoice($0, customer: "C-\($0 % 3)") },
            recordedAt: SampleEvents.recordedAt
        )
    }

    @Test func scanReadsTheHotColumnsInPlaceInOrder() throws {
        let stored = try log.readAll()
        var seen: [Int64] = []
        try log.scan { row in
            let expected = stored[Int(row.seq) - 1]
            seen.append(row.seq)
            #expect(String(decoding: row.streamBytes, as: UTF8.self) == expected.stream)
            #expect([UInt8](row.recordBytes) == expected.record)
            #expect(row.occurredOn == expected.occurredOn)
            #expect(row.storedEvent == expected)
            let event = try EventRecordCodec.decode(row.recordBytes)
            #expect(event.type.rawValue == row.type)
        }
        #expect(seen == Array(1...10))
    }

    @Test func scanHonoursItsRange() throws {
        var seen: [Int64] = []
        try log.scan(from: 4, through: 6) { seen.append($0.seq) }
        #expect(seen == [4, 5, 6])
    }

    @Test func errorFromTheCallbackStopsTheScanAndIsRethrown() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try log.scan { row in
                seen += 1
                if row.seq == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
        // The scan statement was released: a new scan starts from the beginning.
        var count = 0
        try log.scan { _ in count += 1 }
        #expect(count == 10)
    }
}
