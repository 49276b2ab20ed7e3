import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1234.5", Int64(123_450)), ("1234.50", 123_450), ("1234", 123_400), ("0.01", 1), ("-20.00", -2000),
        ("+3", 300), ("999999999999.99", 99_999_999_999_999), ("0", 0),
    ])
    func parsesExactly(text: String, minorUnits: Int64) throws {
        #expect(try Money(parsing: text).minorUnits == minorUnits)
    }

    @Test(arguments: [
        ("12,50", MoneyParseError.notADecimalNumber), ("1.005", .tooManyDecimals), ("1.500", .tooManyDecimals),
        ("NaN", .notADecimalNumber), ("", .empty), ("1e3", .notADecimalNumber), (".5", .notADecimalNumber),
        ("5.", .notADecimalNumber), ("1 000", .notADecimalNumber), ("-", .notADecimalNumber),
        ("1000000000000", .outOfRange), ("0x10", .notADecimalNumber),
    ])
    func refuses(text: String, error: MoneyParseError) {
        #expect(throws: error) { try Money(parsing: text) }
    }

    @Test func writesTwoDecimalsAndNeverMinusZero() {
        #expect(Money(minorUnits: 123_450).decimalString == "1234.50")
        #expect(Money(minorUnits: -2000).decimalString == "-20.00")
        #expect(Money(minorUnits: -5).decimalString == "-0.05")
        #expect(Money(minorUnits: 0).decimalString == "0.00")
        #expect((-Money.zero).decimalString == "0.00")
    }

    @Test func sumsExactlyWhereBinaryFloatingPointWouldNot() throws {
        let sum = try Money(parsing: "0.1") + Money(parsing: "0.2")
        #expect(sum == (try Money(parsing: "0.3")))
    }
}

@Suite struct DayTests {
    @Test func parsesRealDaysOnly() {
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "2026-01-01T00:00") == nil)
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var current = Day(iso: "1900-01-01")!
        let end = Day(iso: "2300-01-01")!
        while current < end {
            #expect(Day(iso: current.description) == current)
            current = current.adding(days: 1)
        }
    }

    @Test func countsDaysAndMonths() {
        #expect(day("2026-03-01").days(since: day("2026-02-01")) == 28)
        #expect(day("2024-03-01").days(since: day("2024-02-01")) == 29)
        #expect(day("2026-03-15").firstOfMonth == day("2026-03-01"))
        #expect(day("2026-01-10").adding(days: 30).description == "2026-02-09")
    }
}
