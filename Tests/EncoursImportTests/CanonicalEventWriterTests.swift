import EncoursCore
import EncoursImport
import Testing

/// The writer's canonical form, and that reading it back gives the same events.
struct CanonicalEventWriterTests {
    let writer = CanonicalEventWriter()

    @Test func writesTheCanonicalForm() {
        let invoice = Event.invoiceIssued(
            InvoiceIssued(
                customer: "C1",
                invoice: "FA-2026-0042",
                amount: Money(minorUnits: 123_450),
                on: Fixtures.day,
                dueOn: Fixtures.later,
                order: "O1"
            )
        )
        #expect(
            writer.json(invoice)
                == #"{"type":"invoice.issued","customer":"C1","invoice":"FA-2026-0042","amount":"1234.50","on":"2026-03-02","due_on":"2026-04-01","order":"O1"}"#
        )
        let payment = Event.paymentReceived(
            PaymentReceived(
                customer: "C1",
                payment: "P1",
                amount: .zero,
                on: Day(year: 999, month: 1, day: 5)!,
                allocations: [Allocation(invoice: "F1", amount: Money(minorUnits: 5))]
            )
        )
        #expect(
            writer.json(payment)
                == #"{"type":"payment.received","customer":"C1","payment":"P1","amount":"0.00","on":"0999-01-05","allocations":[{"invoice":"F1","amount":"0.05"}]}"#
        )
        let note = Event.noteLogged(NoteLogged(customer: "C1", text: "x", tags: ["a"], on: Fixtures.day, id: "n1"))
        #expect(
            writer.json(note)
                == #"{"type":"note.logged","id":"n1","customer":"C1","text":"x","tags":["a"],"on":"2026-03-02"}"#
        )
    }

    @Test func leavesOutAbsentFieldsAndEmptyArrays() {
        let payment = Event.paymentReceived(
            PaymentReceived(customer: "C1", payment: "P1", amount: .zero, on: Fixtures.day)
        )
        #expect(
            writer.json(payment)
                == #"{"type":"payment.received","customer":"C1","payment":"P1","amount":"0.00","on":"2026-03-02"}"#
        )
        let updated = Event.customerUpdated(
            CustomerUpdated(customer: "C1", profile: CustomerProfile(termsDays: 60), on: Fixtures.day)
        )
        #expect(
            writer.json(updated) == #"{"type":"customer.updated","customer":"C1","terms_days":60,"on":"2026-03-02"}"#
        )
    }

    @Test func escapesStrings() {
        let note = Event.noteLogged(
            NoteLogged(customer: "C\"1\\", text: "a\nb\tc\r\u{8}\u{C}\u{0}\u{1F}\u{7F} é😀 /", on: Fixtures.day)
        )
        #expect(
            writer.json(note)
                == #"{"type":"note.logged","customer":"C\"1\\","text":"a\nb\tc\r\b\f\u0000\u001f"# + "\u{7F} é😀 /"
                + #"","on":"2026-03-02"}"#
        )
    }

    @Test(arguments: Fixtures.complete + Fixtures.minimal)
    func everyEventReadsBackAsItself(event: Event) {
        let line = writer.json(event)
        #expect(line.hasPrefix("{\"type\":\"\(event.type.rawValue)\""))
        let result = Fixtures.read(line)
        #expect(result.errorReport == [])
        #expect(result.events.map(\.event) == [event])
        #expect(result.events.first?.payload == line)
    }

    @Test func theFixturesCoverEveryType() {
        #expect(Set(Fixtures.complete.map(\.type)) == Set(EventType.allCases))
        #expect(Set(Fixtures.minimal.map(\.type)) == Set(EventType.allCases))
    }

    @Test func aWholeFileRoundTripsAndRewritesToTheSameBytes() {
        let events = Fixtures.complete + Fixtures.minimal
        let file = writer.ndjson(events)
        let result = CanonicalEventReader().readNDJSON(file, file: "all.ndjson")
        #expect(result.errorReport == [])
        #expect(result.events.map(\.event) == events)
        #expect(writer.ndjson(result.events.map(\.event)) == file)
        #expect(file.last == 0x0A)
    }

    @Test func appendLineEndsWithALineFeed() {
        var output: [UInt8] = Array("prefix".utf8)
        writer.appendLine(Fixtures.minimal[0], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "prefix" + writer.json(Fixtures.minimal[0]) + "\n")
    }
}
