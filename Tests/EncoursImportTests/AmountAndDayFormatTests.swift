import EncoursCore
import EncoursImport
import Testing

@Suite("Export amounts and days")
struct AmountAndDayFormatTests {
    @Test(
        "decimal comma amounts, grouped, padded, signed",
        arguments: [
            ("1 234,56", 123_456),
            ("1\u{00A0}234,56", 123_456),
            ("1\u{202F}234,5", 123_450),
            ("1.234,56", 123_456),
            ("0000000074,70", 7_470),
            ("-120,00", -12_000),
            ("  12 € ", 1_200),
            ("0,05", 5),
            ("000000000000000001,00", 100),
        ] as [(String, Int64)]
    )
    func decimalComma(text: String, minorUnits: Int64) throws {
        #expect(try AmountFormat.decimalComma.amount(text) == Money(minorUnits: minorUnits))
    }

    @Test("decimal point amounts")
    func decimalPoint() throws {
        #expect(try AmountFormat.decimalPoint.amount("1234.56") == Money(minorUnits: 123_456))
        #expect(try AmountFormat.decimalPoint.amount("1 234.5") == Money(minorUnits: 123_450))
        #expect(throws: MoneyParseError.self) { try AmountFormat.decimalPoint.amount("1,234.56") }
    }

    @Test(
        "what is not an amount is refused",
        arguments: ["", "12,5,0", "1 23 4,,5", "12,345", "abc", "12/03/2026", "1 234,5 6", "- 5"]
    )
    func refusals(text: String) {
        #expect(throws: MoneyParseError.self) { try AmountFormat.decimalComma.amount(text) }
    }

    @Test("the three day formats of French exports")
    func days() {
        let day = Day(year: 2026, month: 3, day: 9)
        #expect(DayFormat.dayMonthYear.day("09/03/2026") == day)
        #expect(DayFormat.dayMonthYear.day("9/3/2026") == day)
        #expect(DayFormat.iso.day("2026-03-09") == day)
        #expect(DayFormat.compact.day("20260309") == day)
        #expect(DayFormat.compact.day(" 20260309 ") == day)
        #expect(DayFormat(pattern: "dd.MM.yy")?.day("09.03.26") == day)
    }

    @Test("days that are not real, or do not fit the pattern, are refused")
    func dayRefusals() {
        #expect(DayFormat.dayMonthYear.day("31/02/2026") == nil)
        #expect(DayFormat.dayMonthYear.day("2026-03-09") == nil)
        #expect(DayFormat.compact.day("2026039") == nil)
        #expect(DayFormat.iso.day("2026-03-09T10:00") == nil)
        #expect(DayFormat.dayMonthYear.day("") == nil)
    }

    @Test("patterns without a day, a month or a year are refused")
    func patterns() {
        #expect(DayFormat(pattern: "MM/yyyy") == nil)
        #expect(DayFormat(pattern: "dd/MM/yyyy/yy") == nil)
        #expect(DayFormat(pattern: "dd/MMM/yyyy") == nil)
        #expect(DayFormat(pattern: "dd/MM/yyyy")?.description == "dd/MM/yyyy")
    }
}
