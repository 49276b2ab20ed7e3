import EncoursCore
import EncoursStore
import Testing

@Suite("Idempotency keys")
struct ContentKeyTests {
    @Test func eventsThatNameTheirDocumentUseIt() {
        let invoice = Event.invoiceIssued(
            InvoiceIssued(customer: "C", invoice: "FA-2026-0042", amount: Money(minorUnits: 1), on: SampleEvents.day)
        )
        #expect(
            EventRecordCodec.contentKey(for: invoice, record: EventRecordCodec.encode(invoice))
                == "invoice.issued:FA-2026-0042"
        )
        let note = Event.noteLogged(NoteLogged(customer: "C", text: "x", on: SampleEvents.day, id: "n-1"))
        #expect(EventRecordCodec.contentKey(for: note, record: EventRecordCodec.encode(note)) == "note.logged:n-1")
    }

    @Test func otherEventsAreKeyedByTheHashOfTheirRecord() {
        let note = Event.noteLogged(NoteLogged(customer: "C", text: "appel", on: SampleEvents.day))
        let record = EventRecordCodec.encode(note)
        let key = EventRecordCodec.contentKey(for: note, record: record)
        #expect(key.hasPrefix("note.logged:sha256:"))
        let digest = key.dropFirst("note.logged:sha256:".count)
        #expect(digest.count == 64)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
        // Same content, same key; different content, different key.
        #expect(EventRecordCodec.contentKey(for: note, record: EventRecordCodec.encode(note)) == key)
        let other = Event.noteLogged(NoteLogged(customer: "C", text: "appel!", on: SampleEvents.day))
        #expect(EventRecordCodec.contentKey(for: other, record: EventRecordCodec.encode(other)) != key)
    }

    /// SHA-256 of the bytes [1, 15] (computed with Python's hashlib).
    @Test func contentHashIsSHA256OfTheRecord() {
        let note = Event.noteLogged(NoteLogged(customer: "C", text: "", on: SampleEvents.day))
        #expect(
            EventRecordCodec.contentKey(for: note, record: [1, 15])
                == "note.logged:sha256:24255ef5d941493b9978f3aabb0ed07d084ade196d23f463ff058954cbf6e9b6"
        )
    }

    @Test func newEventFromAnEventFillsEveryColumn() {
        let invoice = Event.invoiceIssued(
            InvoiceIssued(customer: "C-9", invoice: "FA-1", amount: Money(minorUnits: 100), on: SampleEvents.day)
        )
        let row = NewEvent(event: invoice, stream: "C-9", payload: "{}", actor: "bob")
        #expect(row.type == "invoice.issued")
        #expect(row.stream == "C-9")
        #expect(row.occurredOn == SampleEvents.day)
        #expect(row.key == "invoice.issued:FA-1")
        #expect(row.record == EventRecordCodec.encode(invoice))
        #expect(row.actor == "bob")
    }
}
