import EncoursCore
import Testing

@testable import EncoursImport

/// The fast reading of FEC amounts and dates gives exactly what the general formats give.
@Suite("FEC: amounts and dates")
struct FECValuesTests {
    @Test(arguments: [
        ("0000000074,70", 7470), ("74,7", 7470), ("-0000000012,50", -1250), ("+3", 300), ("0,00", 0),
        ("12.50", 1250), ("000000999999999999,99", 99_999_999_999_999),
        // Not plain: read by AmountFormat.
        ("1 234,56", 123_456), ("1.234,56", 123_456), ("12,50 €", 1250),
    ])
    func amounts(text: String, minorUnits: Int64) throws {
        #expect(try FECValues.amount(Substring(text)) == Money(minorUnits: minorUnits))
    }

    @Test(arguments: [
        ("12,345", MoneyParseError.tooManyDecimals), ("1234567890123,00", .outOfRange), ("12,", .notADecimalNumber),
        (",50", .notADecimalNumber), ("1,2,3", .notADecimalNumber), ("12.3.4", .notADecimalNumber),
    ])
    func refusedAmounts(text: String, error: MoneyParseError) {
        #expect(throws: error) { try FECValues.amount(Substring(text)) }
    }

    @Test func days() {
        #expect(FECValues.day("20230109") == Day(year: 2023, month: 1, day: 9))
        #expect(FECValues.day("20240229") == Day(year: 2024, month: 2, day: 29))
        #expect(FECValues.day("20230229") == nil)
        #expect(FECValues.day("2023O109") == nil)
        #expect(FECValues.day("2023-01-09") == nil)
        #expect(FECValues.day("230109") == nil)
    }
}
