import EncoursCore
import Testing

@testable import EncoursDocuments

/// Amounts and dates as the statement's text and HTML write them; the JSON keeps the
/// contract's spelling.
@Suite struct FrenchFormatTests {
    @Test(arguments: [
        (123_450, "1\u{202F}234,50\u{00A0}€"), (-2000, "-20,00\u{00A0}€"), (5, "0,05\u{00A0}€"), (0, "0,00\u{00A0}€"),
        (100_000_000, "1\u{202F}000\u{202F}000,00\u{00A0}€"), (99_999, "999,99\u{00A0}€"),
    ])
    func amountsGroupThousandsWithANarrowSpaceAndUseADecimalComma(cents: Int64, text: String) {
        #expect(FrenchFormat.amount(Money(minorUnits: cents), currency: "EUR") == text)
    }

    @Test func anotherCurrencyIsWrittenByItsCode() {
        #expect(FrenchFormat.amount(Money(minorUnits: 150), currency: "CHF") == "1,50\u{00A0}CHF")
    }

    @Test func datesAreDayMonthYear() {
        #expect(FrenchFormat.date(Day(year: 2026, month: 2, day: 8)!) == "08/02/2026")
    }

    @Test(arguments: [("not_due", "Non échu"), ("1_30", "1 à 30 jours"), ("over_90", "Plus de 90 jours")])
    func bucketsAreNamedInWords(name: String, label: String) {
        #expect(FrenchFormat.bucket(name) == label)
    }
}
