import EncoursCore
import Testing

@testable import EncoursGenerator

/// The generator writes allocations and applied credit from its own running totals; they
/// must be the ledger's to the cent, or a later event could ask for credit that is not there.
@Suite struct SimulationAgreementTests {
    @Test(arguments: [Generated.modest, GeneratorConfiguration(customers: 120, invoices: 6_000, seed: 8)])
    func finalOpenAmountsAndUnappliedCreditMatchAnIndependentReplay(configuration: GeneratorConfiguration) {
        var simulation = Simulation(configuration: configuration)
        var events: [Event] = []
        simulation.run { events.append($0) }
        let audit = LedgerAudit.audit(events)
        #expect(audit.violations.isEmpty)

        let replayedOpen = audit.openAmounts
        var mismatches = simulation.invoices.filter { replayedOpen[$0.id] != $0.openCents }.map(\.id.rawValue)
        let replayedCredit = audit.unappliedCredit
        mismatches += simulation.customers.filter { replayedCredit[$0.id] != $0.unappliedCents }.map(\.id.rawValue)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(simulation.customers.contains { $0.unappliedCents > 0 })
    }
}
