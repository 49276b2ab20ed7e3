import EncoursCore
import EncoursGenerator
import Testing

/// The same configuration names one ledger: demos, tests and benchmarks must be repeatable.
@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalEvents() {
        let configuration = GeneratorConfiguration(customers: 30, invoices: 800, seed: 42)
        #expect(Generated.events(configuration) == Generated.events(configuration))
    }

    @Test func differentSeedsGiveDifferentLedgers() {
        let first = Generated.events(GeneratorConfiguration(customers: 30, invoices: 800, seed: 1))
        let second = Generated.events(GeneratorConfiguration(customers: 30, invoices: 800, seed: 2))
        #expect(first != second)
    }

    @Test func streamingAndCollectingAgree() throws {
        let generator = try LedgerGenerator(GeneratorConfiguration(customers: 20, invoices: 300, seed: 7))
        var streamed: [Event] = []
        let summary = generator.generate { streamed.append($0) }
        #expect(streamed == generator.generate())
        #expect(summary.eventCount == streamed.count)
    }

    /// A fingerprint of a small ledger, computed from its fields with integer arithmetic
    /// only: it changes when the generator's output changes on any machine. When the
    /// generator is changed on purpose, update the expected value in the same change.
    @Test func smallLedgerFingerprintIsStable() {
        let events = Generated.events(GeneratorConfiguration(customers: 5, invoices: 60, seed: 3))
        #expect(Fingerprint.of(events) == Fingerprint.expectedSmallLedger)
    }
}
