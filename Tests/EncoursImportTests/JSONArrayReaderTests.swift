import EncoursCore
import Testing

@testable import EncoursImport

/// Request bodies holding a JSON array of events: positions instead of line numbers.
struct JSONArrayReaderTests {
    private func read(_ text: String) -> EventReadResult {
        CanonicalEventReader().readJSONArray(Array(text.utf8), source: "body")
    }

    @Test func readsEachElementWithItsPositionAndText() {
        let first = NDJSONReaderTests.invoice
        let second = NDJSONReaderTests.payment
        let result = read("[\n  \(first),\n  \(second)\n]\n")
        #expect(result.errorReport == [])
        #expect(result.events.map(\.line) == [1, 2])
        #expect(result.events.map(\.payload) == [first, second])
        #expect(result.events.map(\.event.type) == [.invoiceIssued, .paymentReceived])
    }

    @Test func badElementsAreReportedAndTheOthersRead() {
        let bad = #"{"type":"invoice.issued","customer":"C1","invoice":"F2","amount":"12,50","on":"2026-03-02"}"#
        let result = read("[\(NDJSONReaderTests.invoice),\(bad),42,\(NDJSONReaderTests.payment)]")
        #expect(
            result.errorReport == [
                #"body:2: invoice.issued: field "amount": "12,50" is not a decimal number"#,
                "body:3: not a JSON object: found a number",
            ]
        )
        #expect(result.events.map(\.line) == [1, 4])
    }

    @Test func anEmptyArrayHasNoEvents() {
        let result = read(" [ ] ")
        #expect(result.events.isEmpty)
        #expect(result.isValid)
    }

    @Test(arguments: [
        (#"{"type":"invoice.issued"}"#, "body: not a JSON array: found '{' at byte 1", ImportError.Code.notAnArray),
        ("", "body: not a JSON array: found the end of input at byte 1", .notAnArray),
        (#"[{"a":1} {"b":2}]"#, "body: not a JSON array: expected ',' or ']', found '{' at byte 10", .invalidJSON),
        (
            #"[{"a":1},"#, "body:2: not a JSON object: unexpected end of input, expected a value at byte 10",
            .invalidJSON
        ),
        (#"[{"a":1}"#, "body: not a JSON array: unexpected end of input, expected ',' or ']'", .invalidJSON),
        (#"[] []"#, "body: not a JSON array: unexpected '[' after the array at byte 4", .invalidJSON),
        (#"[{"type":"x",}]"#, "body:1: not a JSON object: expected a string key, found '}' at byte 14", .invalidJSON),
    ])
    func refusesBodiesThatAreNotArraysOfObjects(body: String, message: String, code: ImportError.Code) {
        let result = read(body)
        #expect(result.errorReport.last == message)
        #expect(result.errors.last?.code == code)
    }

    @Test func aSyntaxErrorStopsTheReadingButKeepsWhatCameBefore() {
        let result = read("[\(NDJSONReaderTests.invoice),{\"type\" 1},\(NDJSONReaderTests.payment)]")
        #expect(result.events.map(\.line) == [1])
        #expect(result.errors.map(\.line) == [2])
    }
}
