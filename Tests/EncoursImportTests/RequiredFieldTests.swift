import EncoursCore
import EncoursImport
import Testing

/// Every type's required fields (bold in DESIGN §4), one by one.
struct RequiredFieldTests {
    @Test(arguments: Fixtures.minimalLines)
    func aLineWithTheRequiredFieldsIsRead(type: EventType, line: String, required: [String]) {
        let result = Fixtures.read(line)
        #expect(result.errorReport == [])
        #expect(result.events.map(\.event.type) == [type])
    }

    @Test(arguments: Fixtures.minimalLines)
    func eachMissingRequiredFieldIsAnErrorNamingIt(type: EventType, line: String, required: [String]) {
        for field in required {
            let result = Fixtures.read(Self.line(line, removing: field))
            #expect(result.events.isEmpty)
            #expect(
                result.errorReport == ["events.ndjson:1: \(type.rawValue): field \"\(field)\": required but missing"]
            )
            #expect(result.errors.first?.code == .missingField)
            #expect(result.errors.first?.field == field)
            #expect(result.errors.first?.eventType == type)
        }
    }

    @Test(arguments: Fixtures.minimalLines)
    func aNullRequiredFieldIsMissing(type: EventType, line: String, required: [String]) {
        for field in required {
            let nulled = Self.line(line, removing: field).dropLast() + ",\"\(field)\":null}"
            #expect(
                Fixtures.errors(String(nulled)) == [
                    "events.ndjson:1: \(type.rawValue): field \"\(field)\": required but null"
                ]
            )
        }
    }

    @Test func allMissingFieldsOfALineAreReportedInContractOrder() {
        #expect(
            Fixtures.errors(#"{"type":"invoice.issued","amount":"1"}"#) == [
                #"events.ndjson:1: invoice.issued: field "customer": required but missing"#,
                #"events.ndjson:1: invoice.issued: field "invoice": required but missing"#,
                #"events.ndjson:1: invoice.issued: field "on": required but missing"#,
            ]
        )
    }

    /// The fixture's lines are flat objects whose values hold no comma, so a member can be
    /// cut out of the text.
    static func line(_ line: String, removing field: String) -> String {
        let inner = line.dropFirst().dropLast()
        let members = inner.split(separator: ",").filter { !$0.hasPrefix("\"\(field)\":") }
        return "{" + members.joined(separator: ",") + "}"
    }
}
