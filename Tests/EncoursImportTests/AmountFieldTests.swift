import EncoursCore
import EncoursImport
import Testing

/// Amounts: exact decimals, from JSON numbers or strings, never through a `Double`.
struct AmountFieldTests {
    @Test(
        arguments: [
            ("1234.5", 123_450), ("\"1234.50\"", 123_450), ("12", 1_200), ("\"12\"", 1_200), ("0", 0), ("\"0.00\"", 0),
            ("0.1", 10), ("999999999999.99", 99_999_999_999_999), ("\"+3\"", 300), ("-0", 0),
        ] as [(String, Int64)]
    )
    func readsExactAmounts(json: String, minorUnits: Int64) {
        let result = Fixtures.read(Fixtures.invoice("amount", json))
        #expect(result.errorReport == [])
        guard case .invoiceIssued(let invoice)? = result.events.first?.event else {
            Issue.record("no invoice read from \(json)")
            return
        }
        #expect(invoice.amount == Money(minorUnits: minorUnits))
    }

    @Test func aNumberAndItsStringAreTheSameAmount() {
        let number = Fixtures.read(Fixtures.invoice("amount", "1234.5")).events.map(\.event)
        let string = Fixtures.read(Fixtures.invoice("amount", "\"1234.50\"")).events.map(\.event)
        #expect(number.count == 1)
        #expect(number == string)
    }

    @Test(arguments: [
        ("\"12,50\"", "\"12,50\" is not a decimal number", ImportError.Code.invalidAmount),
        ("1.005", "1.005 has more than 2 decimals", .invalidAmount),
        ("\"1.500\"", "\"1.500\" has more than 2 decimals", .invalidAmount),
        ("\"NaN\"", "\"NaN\" is not a decimal number", .invalidAmount),
        ("\"Infinity\"", "\"Infinity\" is not a decimal number", .invalidAmount),
        ("1e3", "1e3 is not a plain decimal number (no exponent)", .invalidAmount),
        ("1.5E+2", "1.5E+2 is not a plain decimal number (no exponent)", .invalidAmount),
        ("\"1e3\"", "\"1e3\" is not a decimal number", .invalidAmount),
        ("\"\"", "\"\" is empty, not a decimal number", .invalidAmount),
        ("\" 12.50\"", "\" 12.50\" is not a decimal number", .invalidAmount),
        ("\"12.\"", "\"12.\" is not a decimal number", .invalidAmount),
        ("1000000000000", "1000000000000 is out of range (at most 999999999999.99)", .invalidAmount),
        ("-12.5", "-12.5 must not be negative", .negativeAmount),
        ("\"-0.01\"", "\"-0.01\" must not be negative", .negativeAmount),
        ("true", "expected a decimal number or a string, found a boolean", .wrongType),
        ("[12]", "expected a decimal number or a string, found an array", .wrongType),
        ("{\"value\":12}", "expected a decimal number or a string, found an object", .wrongType),
    ])
    func refusesAmountsThatAreNotExact(json: String, message: String, code: ImportError.Code) {
        let result = Fixtures.read(Fixtures.invoice("amount", json))
        #expect(result.events.isEmpty)
        #expect(result.errorReport == ["events.ndjson:1: invoice.issued: field \"amount\": \(message)"])
        #expect(result.errors.map(\.code) == [code])
    }

    @Test func longValuesAreCutShortInMessages() {
        let long = "\"" + String(repeating: "x", count: 60) + "\""
        let message = Fixtures.read(Fixtures.invoice("amount", long)).errors.first?.message
        #expect(message == "\"" + String(repeating: "x", count: 39) + "… is not a decimal number")
    }
}
