import EncoursCore
import Testing

@testable import EncoursImport

/// The byte-level name tables must say exactly what the core's raw values say.
struct WireNameTests {
    @Test(arguments: EventType.allCases)
    func everyEventTypeIsFoundByItsWireName(type: EventType) {
        let found = Array(type.rawValue.utf8).withUnsafeBytes { EventType(wireName: $0) }
        #expect(found == type)
        #expect(type.wireName.description == type.rawValue)
    }

    @Test(arguments: WireField.allCases)
    func everyFieldIsFoundByItsName(field: WireField) {
        let found = Array(field.nameString.utf8).withUnsafeBytes { WireField(key: $0) }
        #expect(found == field)
    }

    @Test(arguments: ["", "invoice.paid", "Invoice.issued", "invoice.issue", "invoice.issued ", "amounts", "Amount"])
    func otherNamesAreNotFound(name: String) {
        #expect(Array(name.utf8).withUnsafeBytes { EventType(wireName: $0) } == nil)
        #expect(Array(name.utf8).withUnsafeBytes { WireField(key: $0) } == nil)
    }

    /// The reader's fast date parser must agree with `Day(isoUTF8:)`, the core's definition.
    @Test(arguments: [
        "2026-03-02", "2026-02-28", "2024-02-29", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
        "0001-01-01", "0000-01-01", "9999-12-31", "2026-3-02", "2026-03-2", "20260302", "2026/03/02", "2026-03-02T",
        "+026-03-02", "2026-0a-02", "", "２０２６-03-02",
    ])
    func datesAreReadAsTheCoreReadsThem(text: String) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBytes { EventFields.isoDay($0) }
        #expect(fast == Day(isoUTF8: bytes))
    }
}
