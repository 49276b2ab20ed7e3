import EncoursCore
import EncoursStore
import Testing

/// Record format version 3: a customer profile's credit insurer and cover, written only when
/// given, so that every record written before keeps its bytes and its content key.
@Suite("Event record codec: the insurer fields")
struct InsurerRecordTests {
    static let day = Day(year: 2026, month: 11, day: 23)!

    func registered(insurer: String? = nil, cover: Money? = nil) -> Event {
        .customerRegistered(
            CustomerRegistered(
                customer: "C-001",
                profile: CustomerProfile(legalName: "Dupont SARL", insurer: insurer, insurerCover: cover),
                on: Self.day
            )
        )
    }

    @Test(arguments: [
        ("Assureur Crédit SA", Money(minorUnits: 4_000_000)), (nil, Money(minorUnits: 0)), ("Assureur", nil),
    ] as [(String?, Money?)])
    func aProfileWithAnInsurerOrACoverIsWrittenInVersion3(insurer: String?, cover: Money?) throws {
        let event = registered(insurer: insurer, cover: cover)
        let bytes = EventRecordCodec.encode(event)
        #expect(bytes[0] == 3)
        #expect(try EventRecordCodec.decode(bytes) == event)
        let updated = Event.customerUpdated(
            CustomerUpdated(
                customer: "C-001",
                profile: CustomerProfile(insurer: insurer, insurerCover: cover),
                on: Self.day,
                id: "u-1"
            )
        )
        let updateBytes = EventRecordCodec.encode(updated)
        #expect(updateBytes[0] == 3)
        #expect(try EventRecordCodec.decode(updateBytes) == updated)
    }

    @Test func aProfileWithoutThemKeepsItsVersion1Bytes() throws {
        let bytes = EventRecordCodec.encode(registered())
        #expect(bytes[0] == 1)
        // The version-1 bytes with the two optional fields appended, each absent (0): the
        // same profile in version 3, which is not its encoding, is refused.
        var longer = bytes
        longer[0] = 3
        let onStart = longer.count - 4
        longer.insert(contentsOf: [0, 0], at: onStart)
        #expect(throws: EventRecordError.self) { try EventRecordCodec.decode(longer) }
        // Different content under one key is still told from a duplicate.
        let covered = EventRecordCodec.encode(registered(cover: Money(minorUnits: 100)))
        #expect(covered != bytes)
        #expect(EventRecordCodec.contentKey(for: registered(), record: bytes) == "customer.registered:C-001")
    }

    @Test func version3HoldsOnlyCustomerProfiles() throws {
        let note = Event.noteLogged(NoteLogged(customer: "C-001", text: "x", on: Self.day))
        var bytes = EventRecordCodec.encode(note)
        #expect(bytes[0] == 1)
        bytes[0] = 3
        #expect {
            try EventRecordCodec.decode(bytes)
        } throws: { error in
            (error as? EventRecordError)?.code == .unsupportedVersion
        }
    }
}
