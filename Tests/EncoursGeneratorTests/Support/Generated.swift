import EncoursCore
import EncoursGenerator

/// Ledgers generated once per configuration and shared by the tests that read them.
enum Generated {
    /// 50 customers, 2,000 invoices: small enough for a debug build, big enough to hold
    /// every kind of event.
    static let modest = GeneratorConfiguration(customers: 50, invoices: 2_000, seed: 1)

    static func events(_ configuration: GeneratorConfiguration) -> [Event] {
        do {
            return try LedgerGenerator(configuration).generate()
        } catch {
            fatalError("invalid test configuration: \(error)")
        }
    }

    static let modestEvents = events(modest)
}
