import EncoursCore
import EncoursStore
import Testing

@Suite("Event record codec")
struct EventRecordCodecTests {
    @Test(arguments: SampleEvents.populated + SampleEvents.minimal)
    func everyEventRoundTrips(_ event: Event) throws {
        let bytes = EventRecordCodec.encode(event)
        #expect(bytes[0] == EventRecordCodec.version(of: event))
        #expect(bytes[1] == event.type.code)
        #expect(try EventRecordCodec.decode(bytes) == event)
        // Deterministic: encoding again gives the same bytes.
        #expect(EventRecordCodec.encode(try EventRecordCodec.decode(bytes)) == bytes)
    }

    @Test func samplesCoverEveryTypeWithAndWithoutOptionalFields() {
        #expect(SampleEvents.populated.map(\.type) == EventType.allCases)
        #expect(SampleEvents.minimal.map(\.type) == EventType.allCases)
        // Populated and minimal variants of a type differ, so the optional fields matter.
        for (full, bare) in zip(SampleEvents.populated, SampleEvents.minimal) {
            #expect(EventRecordCodec.encode(full).count > EventRecordCodec.encode(bare).count, "\(full.type)")
        }
    }

    /// A field added to an event in Core must reach the record format (with a new format
    /// version); this lists what version 1 encodes and fails when Core has more.
    @Test func formatCoversEveryStoredField() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let encoded: [EventType: [String]] = [
            .customerRegistered: ["customer", "profile", "on"],
            .customerUpdated: ["customer", "profile", "on", "id"],
            .creditLimitSet: ["customer", "limit", "until", "reason", "on", "id"],
            .customerBlocked: ["customer", "reason", "on", "id"],
            .customerUnblocked: ["customer", "reason", "on", "id"],
            .orderPlaced: ["customer", "order", "amount", "on", "override"],
            .orderCancelled: ["order", "customer", "on"],
            .invoiceIssued: ["customer", "invoice", "amount", "on", "dueOn", "order"],
            .creditNoteIssued: ["customer", "creditNote", "amount", "invoice", "on"],
            .paymentReceived: ["customer", "payment", "amount", "on", "allocations"],
            .disputeOpened: ["invoice", "dispute", "amount", "reason", "customer", "on"],
            .disputeResolved: ["dispute", "outcome", "customer", "on"],
            .promiseMade: ["customer", "promise", "amount", "dueOn", "invoices", "on"],
            .reminderSent: ["customer", "level", "channel", "invoices", "note", "on", "id"],
            .noteLogged: ["customer", "text", "tags", "on", "id"],
            .creditApplied: ["customer", "invoice", "amount", "on", "id"],
        ]
        for event in SampleEvents.populated {
            let payload = Mirror(reflecting: event).children.first!.value
            #expect(Set(labels(payload)) == Set(encoded[event.type] ?? []), "\(event.type)")
        }
        #expect(
            Set(labels(CustomerProfile()))
                == [
                    "legalName", "tradeName", "siren", "incorporatedOn", "salesRep", "termsDays", "creditLimit",
                    "policy", "insurer", "insurerCover",
                ]
        )
        #expect(Set(labels(Allocation(invoice: "x", amount: .zero))) == ["invoice", "amount"])
        #expect(CreditPolicy.allCases.count == 2)
        #expect(DisputeOutcome.allCases.count == 2)
    }

    @Test func pinnedBytesOfAPayment() {
        let payment = Event.paymentReceived(
            PaymentReceived(
                customer: "C1",
                payment: "P1",
                amount: Money(minorUnits: -65),
                on: Day(daysSinceEpoch: 0x0102_0304),
                allocations: [Allocation(invoice: "F", amount: Money(minorUnits: 64))]
            )
        )
        #expect(
            EventRecordCodec.encode(payment) == [
                1, 10,  // version, payment.received
                2, 0x43, 0x31,  // "C1"
                2, 0x50, 0x31,  // "P1"
                0x81, 0x01,  // -65 zig-zag = 129, varint
                0x04, 0x03, 0x02, 0x01,  // day, little-endian
                1,  // one allocation
                1, 0x46, 0x80, 0x01,  // "F", 64 zig-zag = 128
            ]
        )
    }

    @Test(arguments: SampleEvents.populated + SampleEvents.minimal)
    func everyTruncationIsRefused(_ event: Event) {
        let bytes = EventRecordCodec.encode(event)
        for length in 0..<bytes.count {
            let error = #expect(throws: EventRecordError.self) { try EventRecordCodec.decode(Array(bytes[..<length])) }
            #expect(error?.code == .truncated, "\(event.type) cut at \(length)")
        }
    }

    @Test(arguments: SampleEvents.populated + SampleEvents.minimal)
    func trailingBytesAreRefused(_ event: Event) {
        let bytes = EventRecordCodec.encode(event)
        let error = #expect(throws: EventRecordError.self) { try EventRecordCodec.decode(bytes + [0]) }
        #expect(error?.code == .trailingBytes)
        #expect(error?.offset == bytes.count)
    }

    /// Any single damaged byte either throws or decodes to an event that encodes back to
    /// exactly the damaged bytes (one canonical encoding); it never crashes.
    @Test(arguments: SampleEvents.populated)
    func damagedBytesNeverDecodeToSomethingElse(_ event: Event) {
        let bytes = EventRecordCodec.encode(event)
        for position in bytes.indices {
            for value: UInt8 in [0, 1, 2, 3, 0x7F, 0x80, 0xC3, 0xFF, bytes[position] ^ 1] {
                var damaged = bytes
                damaged[position] = value
                if let decoded = try? EventRecordCodec.decode(damaged) {
                    #expect(EventRecordCodec.encode(decoded) == damaged, "\(event.type) byte \(position) = \(value)")
                }
            }
        }
    }

    @Test func invalidValuesAreRefusedWithTheirCode() {
        let cases: [([UInt8], EventRecordError.Code)] = [
            ([], .truncated),
            ([2, 10], .unsupportedVersion),
            ([1, 0], .unknownType),
            ([1, 17], .unknownType),
            // order.cancelled: order "A", presence flag 2.
            ([1, 7, 1, 0x41, 2], .invalidFlag),
            // dispute.resolved: dispute "D", outcome present with code 3.
            ([1, 12, 1, 0x44, 1, 3], .invalidEnumValue),
            // order.cancelled: the order's length 1 spelled over-long (0x81 0x00).
            ([1, 7, 0x81, 0x00, 0x41], .invalidVarint),
            // order.placed: amount varint of 11 bytes.
            ([1, 6, 1, 0x43, 1, 0x4F] + [UInt8](repeating: 0xFF, count: 10) + [0x01], .invalidVarint),
            // order.cancelled: order is the invalid UTF-8 byte 0xFF.
            ([1, 7, 1, 0xFF, 0, 0, 0, 0, 0], .invalidUTF8),
            // promise.made: invoices count 200 with a few bytes left.
            ([1, 13, 1, 0x43, 1, 0x50, 0, 0, 0, 0, 0, 0xC8, 0x01, 0], .truncated),
        ]
        for (bytes, code) in cases {
            let error = #expect(throws: EventRecordError.self) { try EventRecordCodec.decode(bytes) }
            #expect(error?.code == code, "\(bytes)")
        }
    }

    @Test func extremeValuesRoundTrip() throws {
        for minorUnits in [Int64.min, Int64.max, -1, 0, 63, 64, -64, -65] {
            let event = Event.orderPlaced(
                OrderPlaced(
                    customer: "C",
                    order: "O",
                    amount: Money(minorUnits: minorUnits),
                    on: Day(daysSinceEpoch: .min)
                )
            )
            #expect(try EventRecordCodec.decode(EventRecordCodec.encode(event)) == event)
        }
        let terms = Event.customerRegistered(
            CustomerRegistered(customer: "C", profile: CustomerProfile(termsDays: Int(Int64.min)), on: SampleEvents.day)
        )
        #expect(try EventRecordCodec.decode(EventRecordCodec.encode(terms)) == terms)
    }
}
