import EncoursCore
import EncoursTestSupport
import Testing

/// The customer risk file (docs/definitions.md, "Customer risk file"): each flag, its
/// boundaries (exactly 3 years old, 29 February), and the SIREN check digit, worked by hand.
@Suite struct RiskFileTests {
    let c1: CustomerID = "C1"

    /// A complete, valid identity unless the test says otherwise: SIREN 732829320 passes
    /// Luhn (7 + 2·3→6 + 2 + 2·8→7 + 2 + 2·9→9 + 3 + 2·2→4 + 0 = 40).
    func registered(
        _ customer: CustomerID = "C1",
        legalName: String = "Alpha SAS",
        tradeName: String? = nil,
        siren: String? = "732829320",
        incorporated: String? = "2010-06-15",
        limit: String? = nil,
        cover: String? = nil,
        on: String = "2020-01-01"
    ) -> Event {
        .customerRegistered(
            CustomerRegistered(
                customer: customer,
                profile: CustomerProfile(
                    legalName: legalName,
                    tradeName: tradeName,
                    siren: siren,
                    incorporatedOn: incorporated.map(day),
                    creditLimit: limit.map(eur),
                    insurer: cover == nil ? nil : "Assureur Crédit SA",
                    insurerCover: cover.map(eur)
                ),
                on: day(on)
            )
        )
    }

    func file(_ events: [Event], asOf: String, customer: CustomerID = "C1") throws -> RiskFile {
        let ledger = try appendOneByOne(events)
        return try #require(ledger.riskFile(customer, asOf: day(asOf)))
    }

    @Test(arguments: [
        ("732829320", true), ("356000000", true), ("732829321", false), ("123456789", false),
        ("73282932", false), ("7328293200", false), ("73282932A", false), ("732 829 320", false),
    ])
    func theSirenCheckDigitIsLuhn(siren: String, valid: Bool) {
        // 123456789: 1 + 4 + 3 + 8 + 5 + (12→3) + 7 + (16→7) + 9 = 47, not a multiple of 10.
        #expect(SirenCheck.isValid(siren) == valid)
    }

    @Test func aCompleteIdentityWithinItsCoverHasNoFlag() throws {
        let found = try file([registered(limit: "40000.00", cover: "40000.00")], asOf: "2026-02-28")
        #expect(found.flags == [])
        #expect(found.sirenValid == true)
        // 2010-06-15 → 2026-02-28: the 2025-06-15 anniversary is the 15th.
        #expect(found.ageYears == 15)
        #expect(found.limit == eur("40000.00"))
        #expect(found.insurerCover == eur("40000.00"))
        #expect(found.tradeNameDiffers == false)
    }

    @Test func aCompanyIsYoungUntilTheDayItIsThreeYearsOld() throws {
        let events = [registered(incorporated: "2023-03-01", on: "2023-03-01")]
        let before = try file(events, asOf: "2026-02-28")
        #expect(before.flags == [.youngCompany])
        #expect(before.ageYears == 2)
        let third = try file(events, asOf: "2026-03-01")
        #expect(third.flags == [])
        #expect(third.ageYears == 3)
    }

    @Test func bornOnTheTwentyNinthOfFebruaryItTurnsThreeOnTheTwentyEighth() throws {
        // 2020-02-29 + 3 years: 2023 has no 29 February, so the anniversary is 2023-02-28.
        let events = [registered(incorporated: "2020-02-29", on: "2020-03-02")]
        let eve = try file(events, asOf: "2023-02-27")
        #expect(eve.flags == [.youngCompany])
        #expect(eve.ageYears == 2)
        let anniversary = try file(events, asOf: "2023-02-28")
        #expect(anniversary.flags == [])
        #expect(anniversary.ageYears == 3)
        // In a leap year the anniversary is the 29th again: 3 on 2024-02-28, 4 on the 29th.
        #expect(try file(events, asOf: "2024-02-28").ageYears == 3)
        #expect(try file(events, asOf: "2024-02-29").ageYears == 4)
    }

    @Test func civilYearsClampTheTwentyNinthOfFebruary() {
        #expect(day("2020-02-29").adding(years: 3) == day("2023-02-28"))
        #expect(day("2020-02-29").adding(years: 4) == day("2024-02-29"))
        #expect(day("2021-03-01").adding(years: 3) == day("2024-03-01"))
        #expect(day("2020-02-29").wholeYears(until: day("2020-02-28")) == -1)
    }

    @Test func aMissingSirenNameOrIncorporationDateIsAMissingLegalIdentity() throws {
        #expect(try file([registered(siren: nil)], asOf: "2026-02-28").flags == [.missingLegalIdentity])
        #expect(try file([registered(siren: "  ")], asOf: "2026-02-28").flags == [.missingLegalIdentity])
        #expect(try file([registered(legalName: " ")], asOf: "2026-02-28").flags == [.missingLegalIdentity])
        let undated = try file([registered(incorporated: nil)], asOf: "2026-02-28")
        #expect(undated.flags == [.missingLegalIdentity])
        #expect(undated.ageYears == nil)
        let unknown = try file([registered(siren: nil)], asOf: "2026-02-28")
        #expect(unknown.sirenValid == nil)
    }

    @Test func aSirenWithAWrongCheckDigitIsItsOwnFlag() throws {
        let found = try file([registered(siren: "732829321")], asOf: "2026-02-28")
        #expect(found.flags == [.invalidSiren])
        #expect(found.sirenValid == false)
        #expect(found.siren == "732829321")
    }

    @Test func theEffectiveLimitIsHeldAgainstTheCover() throws {
        let events = [
            registered(limit: "50000.00", cover: "40000.00"),
            // Temporarily 30000.00 in March: within the cover.
            .creditLimitSet(
                CreditLimitSet(customer: c1, limit: eur("30000.00"), until: day("2026-03-31"), on: day("2026-03-01"))
            ),
        ]
        #expect(try file(events, asOf: "2026-02-28").flags == [.limitAboveCover])
        #expect(try file(events, asOf: "2026-03-15").flags == [])
        #expect(try file(events, asOf: "2026-03-15").limit == eur("30000.00"))
        #expect(try file(events, asOf: "2026-04-01").flags == [.limitAboveCover])
        // No cover recorded, or no limit decided: nothing to compare.
        #expect(try file([registered(limit: "50000.00")], asOf: "2026-02-28").flags == [])
        #expect(try file([registered(cover: "1.00")], asOf: "2026-02-28").flags == [])
    }

    @Test func aCoverGivenByAnUpdateCountsFromItsDate() throws {
        let events = [
            registered(limit: "50000.00"),
            .customerUpdated(
                CustomerUpdated(
                    customer: c1,
                    profile: CustomerProfile(insurer: "Assureur", insurerCover: eur("20000.00")),
                    on: day("2026-02-01")
                )
            ),
        ]
        #expect(try file(events, asOf: "2026-01-31").flags == [])
        let covered = try file(events, asOf: "2026-02-01")
        #expect(covered.flags == [.limitAboveCover])
        #expect(covered.insurer == "Assureur")
    }

    @Test func theTradeNameIsComparedIgnoringCaseAndSpaces() throws {
        #expect(try file([registered(tradeName: "Alpha")], asOf: "2026-02-28").tradeNameDiffers)
        #expect(try !file([registered(tradeName: " alpha sas ")], asOf: "2026-02-28").tradeNameDiffers)
        #expect(try !file([registered(tradeName: nil)], asOf: "2026-02-28").tradeNameDiffers)
    }

    @Test func flagsComeInTheirOrderAndTheListKeepsOnlyFlaggedCustomers() throws {
        let ledger = try appendOneByOne([
            registered("C3", siren: "123456789", incorporated: "2025-01-01", limit: "9000.00", cover: "5000.00"),
            registered("C1"),
            registered("C2", siren: nil),
            registered("C4", siren: nil, on: "2026-03-01"),
        ])
        let all = ledger.risk(asOf: day("2026-02-28"))
        #expect(all.customers.map(\.customer) == ["C1", "C2", "C3"])
        let flagged = ledger.risk(asOf: day("2026-02-28"), flaggedOnly: true)
        #expect(flagged.customers.map(\.customer) == ["C2", "C3"])
        #expect(flagged.customers.last?.flags == [.youngCompany, .invalidSiren, .limitAboveCover])
        #expect(ledger.riskFile("C4", asOf: day("2026-02-28")) == nil)
        #expect(
            flagged.json
                == #"{"as_of":"2026-02-28","customers":[{"customer":"C2","legal_name":"Alpha SAS","trade_name":null,"trade_name_differs":false,"siren":null,"siren_valid":null,"incorporated_on":"2010-06-15","age_years":15,"limit":null,"insurer":null,"insurer_cover":null,"flags":["missing_legal_identity"]},{"customer":"C3","legal_name":"Alpha SAS","trade_name":null,"trade_name_differs":false,"siren":"123456789","siren_valid":false,"incorporated_on":"2025-01-01","age_years":1,"limit":"9000.00","insurer":"Assureur Crédit SA","insurer_cover":"5000.00","flags":["young_company","invalid_siren","limit_above_cover"]}]}"#
        )
    }
}
