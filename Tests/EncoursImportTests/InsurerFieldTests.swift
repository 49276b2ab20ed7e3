import EncoursCore
import EncoursImport
import Testing

/// `insurer` and `insurer_cover` on `customer.registered` and `customer.updated`: read
/// exactly, written back in the canonical form, and refused with their field named.
struct InsurerFieldTests {
    @Test func theInsurerAndItsCoverAreReadAndWrittenBack() throws {
        let line =
            #"{"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-03-02","insurer":"Assureur Crédit SA","insurer_cover":40000}"#
        let result = Fixtures.read(line)
        #expect(result.errors == [])
        let event = try #require(result.events.first?.event)
        guard case .customerRegistered(let registered) = event else {
            Issue.record("\(event)")
            return
        }
        #expect(registered.profile.insurer == "Assureur Crédit SA")
        #expect(registered.profile.insurerCover == Money(minorUnits: 4_000_000))
        #expect(
            CanonicalEventWriter().json(event)
                == #"{"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","insurer":"Assureur Crédit SA","insurer_cover":"40000.00","on":"2026-03-02"}"#
        )
        let update = Fixtures.read(#"{"type":"customer.updated","customer":"C1","insurer_cover":"0","on":"2026-03-03"}"#)
        guard case .customerUpdated(let updated) = try #require(update.events.first?.event) else {
            Issue.record("\(update)")
            return
        }
        #expect(updated.profile.insurerCover == .zero)
        #expect(updated.profile.insurer == nil)
    }

    @Test func aBadCoverNamesItsField() {
        let result = Fixtures.read(
            #"{"type":"customer.updated","customer":"C1","insurer_cover":"12,50","on":"2026-03-03"}"#
        )
        #expect(result.errors.map(\.field) == ["insurer_cover"])
        #expect(result.errorReport.first?.contains(#"field "insurer_cover""#) == true, "\(result.errorReport)")
    }
}
