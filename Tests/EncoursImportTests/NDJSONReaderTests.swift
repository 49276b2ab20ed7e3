import EncoursCore
import Testing

@testable import EncoursImport

/// Whole files: line numbers, blank lines, line endings, and errors collected across lines.
struct NDJSONReaderTests {
    static let invoice = #"{"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"12.50","on":"2026-03-02"}"#
    static let payment = #"{"type":"payment.received","customer":"C1","payment":"P1","amount":12.5,"on":"2026-03-03"}"#

    @Test func errorsBeforeTheTypeIsKnownNameTheLine() {
        let file = [
            #"{"customer":"C1"}"#,
            #"{"type":"invoice.paid","invoice":"F1"}"#,
            #"{"type":42}"#,
            #"[1,2]"#,
            #""invoice.issued""#,
            #"{"type":"invoice.issued",}"#,
            #"   {"type" "x"}"#,
            #"{"type":"invoice.issued","amount":1,"amount":2}"#,
            #"{"type":"invoice.issued""#,
            "{\"type\":\"invoice.issued\",\"customer\":\"C\u{7}\"}",
        ].joined(separator: "\n")
        let result = Fixtures.read(file)
        #expect(
            result.errorReport == [
                #"events.ndjson:1: field "type": required but missing"#,
                #"events.ndjson:2: field "type": unknown event type "invoice.paid""#,
                #"events.ndjson:3: field "type": expected a string, found a number"#,
                "events.ndjson:4: not a JSON object: found an array",
                "events.ndjson:5: not a JSON object: found a string",
                "events.ndjson:6: not a JSON object: expected a string key, found '}' at column 26",
                #"events.ndjson:7: not a JSON object: expected ':' after an object key, found '"' at column 12"#,
                #"events.ndjson:8: field "amount": duplicate key at column 37"#,
                #"events.ndjson:9: not a JSON object: unexpected end of input, expected ',' or '}' at column 25"#,
                "events.ndjson:10: not a JSON object: control character 0x07 in a string must be escaped at column 39",
            ]
        )
        #expect(
            result.errors.map(\.code) == [
                .missingField, .unknownType, .wrongType, .notAnObject, .notAnObject, .invalidJSON, .invalidJSON,
                .duplicateKey, .invalidJSON, .invalidJSON,
            ]
        )
        #expect(result.errors.map(\.line) == Array(1...10))
    }

    @Test func invalidUTF8IsReportedWithItsColumn() {
        let bytes =
            Array(#"{"type":"note.logged","customer":"C1","text":"caf"#.utf8) + [0xE9]
            + Array(#"","on":"2026-03-02"}"#.utf8)
        let result = CanonicalEventReader().readNDJSON(bytes, file: "events.ndjson")
        #expect(result.errorReport == ["events.ndjson:1: not a JSON object: invalid UTF-8 at column 50"])
        #expect(result.errors.map(\.code) == [.invalidUTF8])
    }

    @Test func aFileWithSeveralBadLinesListsAllOfThem() {
        let file = [
            Self.invoice,
            #"{"type":"invoice.issued","customer":"C1","invoice":"F2","amount":"12,50","on":"2026-03-02"}"#,
            "",
            Self.payment,
            #"{"type":"payment.received","customer":"C1","payment":"P2","amount":-3,"on":"2026-03-03"}"#,
            "not json",
            Self.invoice,
        ].joined(separator: "\n")
        let result = Fixtures.read(file)
        #expect(result.events.map(\.line) == [1, 4, 7])
        #expect(
            result.errorReport == [
                #"events.ndjson:2: invoice.issued: field "amount": "12,50" is not a decimal number"#,
                #"events.ndjson:5: payment.received: field "amount": -3 must not be negative"#,
                "events.ndjson:6: not a JSON object: expected a value, found 'n' at column 1",
            ]
        )
        #expect(!result.isValid)
    }

    @Test func errorsBeyondTheLimitAreCounted() {
        let bad = #"{"type":"invoice.issued"}"#  // four missing fields: four errors per line
        let result = Fixtures.read(Array(repeating: bad, count: 30).joined(separator: "\n"))
        #expect(result.errors.count == 100)
        #expect(result.omittedErrorCount == 20)
        #expect(result.errorReport.count == 101)
        #expect(result.errorReport.last == "events.ndjson: 20 more errors not shown")
        #expect(result.errors.last?.line == 25)

        let small = Fixtures.read("x\ny\n\(Self.invoice)\nz", errorLimit: 2)
        #expect(small.errorReport.last == "events.ndjson: 1 more error not shown")
        #expect(small.events.count == 1)
    }

    @Test func byteOrderMarkCRLFAndBlankLinesAreAccepted() {
        let text = "\u{FEFF}" + Self.invoice + "\r\n\r\n   \t\r\n" + Self.payment + "\r\n"
        let result = Fixtures.read(text)
        #expect(result.errorReport == [])
        #expect(result.events.map(\.line) == [1, 4])
        #expect(result.events.map(\.payload) == [Self.invoice, Self.payment])
        #expect(result.isValid)
    }

    @Test func theLastLineNeedsNoNewline() {
        #expect(Fixtures.read(Self.invoice + "\n" + Self.payment).events.count == 2)
        #expect(Fixtures.read("").events.isEmpty)
        #expect(Fixtures.read("\n\n").errorReport.isEmpty)
    }

    @Test func thePayloadIsTheTrimmedSourceText() {
        let spaced = #"{ "type" : "order.cancelled" ,  "order":"O1", "on":"2026-03-02" }"#
        let result = Fixtures.read("  \t" + spaced + "  \r\n")
        #expect(result.events.first?.payload == spaced)
    }

    @Test func columnsCountFromTheStartOfTheLine() {
        // The leading spaces count: editors show the column of the line as it is in the file.
        #expect(
            Fixtures.errors("\n    {,}") == [
                "events.ndjson:2: not a JSON object: expected a string key or '}', found ',' at column 6"
            ]
        )
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 100])
    func newlinesAreFoundAtAnyOffset(offset: Int) {
        let bytes =
            Array(repeating: UInt8(ascii: "a"), count: offset) + [0x0A] + Array(repeating: UInt8(ascii: "b"), count: 20)
        let found = bytes.withUnsafeBytes { CanonicalEventReader.newline(in: $0, from: 0) }
        #expect(found == offset)
        let none = Array(repeating: UInt8(ascii: "a"), count: offset)
        #expect(none.withUnsafeBytes { CanonicalEventReader.newline(in: $0, from: 0) } == offset)
    }

    @Test func manyLinesAreReadInOrder() {
        let writer = CanonicalEventWriter()
        let events = (0..<1000).map { index in
            Event.invoiceIssued(
                InvoiceIssued(
                    customer: CustomerID("C\(index % 7)"),
                    invoice: InvoiceID("F\(index)"),
                    amount: Money(minorUnits: Int64(index * 101)),
                    on: Fixtures.day.adding(days: index)
                )
            )
        }
        let result = CanonicalEventReader().readNDJSON(writer.ndjson(events), file: "big.ndjson")
        #expect(result.errorReport == [])
        #expect(result.events.map(\.event) == events)
        #expect(result.events.map(\.line) == Array(1...1000))
    }
}
