import EncoursCore
import EncoursStore
import Testing

/// Record format version 2: `order.placed` with its `override`, while every other event,
/// and every order without one, keeps its version-1 bytes (docs/events.md).
@Suite("Record format version 2")
struct OrderOverrideRecordTests {
    let day = Day(year: 2026, month: 3, day: 2)!

    func order(override: String?) -> Event {
        .orderPlaced(
            OrderPlaced(customer: "C1", order: "O1", amount: Money(minorUnits: 100), on: day, override: override)
        )
    }

    @Test func anOrderWithoutOverrideKeepsItsVersionOneBytes() throws {
        // version 1, type 6, "C1", "O1", 100 cents zig-zag (200 = 0xC8 0x01), the day.
        let days = UInt32(bitPattern: day.daysSinceEpoch)
        let expected: [UInt8] =
            [1, 6, 2, 0x43, 0x31, 2, 0x4F, 0x31, 0xC8, 0x01]
            + [UInt8(days & 0xFF), UInt8(days >> 8 & 0xFF), UInt8(days >> 16 & 0xFF), UInt8(days >> 24)]
        #expect(EventRecordCodec.encode(order(override: nil)) == expected)
        #expect(try EventRecordCodec.decode(expected) == order(override: nil))
    }

    @Test func anOverrideIsVersionTwoWithTheReasonAfterTheFields() throws {
        let plain = EventRecordCodec.encode(order(override: nil))
        let overridden = EventRecordCodec.encode(order(override: "ok"))
        #expect(EventRecordCodec.version(of: order(override: "ok")) == 2)
        #expect(overridden == [2] + plain.dropFirst() + [2, 0x6F, 0x6B])
        #expect(try EventRecordCodec.decode(overridden) == order(override: "ok"))
        // A different event: a resent order with an override is a conflict, not a duplicate.
        #expect(overridden != plain)
    }

    @Test func versionTwoHoldsNoOtherTypeAndNoOrderWithoutItsReason() {
        let note = EventRecordCodec.encode(.noteLogged(NoteLogged(customer: "C1", text: "x", on: day)))
        #expect(throws: EventRecordError.self) { _ = try EventRecordCodec.decode([2] + note.dropFirst()) }
        let plain = EventRecordCodec.encode(order(override: nil))
        #expect(throws: EventRecordError.self) { _ = try EventRecordCodec.decode([2] + plain.dropFirst()) }
    }
}
