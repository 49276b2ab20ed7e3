import EncoursCore
import EncoursGenerator
import Testing

/// The command line passes user input straight through: bad values get a clear error.
@Suite struct ConfigurationTests {
    @Test func defaultsAreAFixedYear() {
        let configuration = GeneratorConfiguration(customers: 10, invoices: 100)
        #expect(configuration.seed == 1)
        #expect(configuration.start.description == "2025-01-01")
        #expect(configuration.end.description == "2025-12-31")
    }

    @Test(arguments: [
        ("2025-01-31", 1, "2025-02-27"), ("2024-02-29", 12, "2025-02-27"), ("2025-03-15", 3, "2025-06-14"),
    ])
    func periodEndsTheDayBeforeTheSameDayMonthsLater(start: String, months: Int, end: String) {
        let configuration = GeneratorConfiguration(customers: 1, invoices: 1, start: Day(iso: start)!, months: months)
        #expect(configuration.end.description == end)
    }

    @Test(arguments: [
        (GeneratorConfiguration(customers: 0, invoices: 10), GeneratorConfigurationError.Code.customersOutOfRange),
        (GeneratorConfiguration(customers: 1, invoices: -1), .invoicesOutOfRange),
        (GeneratorConfiguration(customers: 1, invoices: 1, months: 0), .monthsOutOfRange),
        (
            GeneratorConfiguration(customers: 1, invoices: 1, start: Day(year: 9999, month: 1, day: 1)!),
            .startOutOfRange
        ),
    ])
    func invalidConfigurationsAreRefused(configuration: GeneratorConfiguration, code: GeneratorConfigurationError.Code)
    {
        #expect(throws: GeneratorConfigurationError.self) { try LedgerGenerator(configuration) }
        do {
            try configuration.validate()
        } catch {
            #expect(error.code == code)
        }
    }
}
