import EncoursCore
import EncoursGenerator
import Testing

/// The ledger rejects an invalid file whole, so a generated one must be valid by
/// construction: checked by an independent audit and by the ledger itself.
@Suite struct ValidityTests {
    static let configurations = [
        Generated.modest,
        GeneratorConfiguration(customers: 50, invoices: 2_000, seed: 2),
        GeneratorConfiguration(customers: 1, invoices: 400, seed: 5),
        GeneratorConfiguration(customers: 300, invoices: 1_500, seed: 11, months: 3),
        GeneratorConfiguration(
            customers: 20,
            invoices: 3_000,
            seed: 12,
            start: Day(year: 2024, month: 2, day: 29)!,
            months: 25
        ),
    ]

    @Test(arguments: configurations)
    func independentAuditFindsNothing(configuration: GeneratorConfiguration) {
        let events = configuration == Generated.modest ? Generated.modestEvents : Generated.events(configuration)
        let audit = LedgerAudit.audit(events)
        #expect(audit.violations.isEmpty, "\(audit.violations.prefix(10))")
    }

    @Test(arguments: configurations)
    func ledgerAcceptsTheWholeFile(configuration: GeneratorConfiguration) {
        let events = configuration == Generated.modest ? Generated.modestEvents : Generated.events(configuration)
        if case .failure(let rejection) = Ledger().prepare(events) {
            Issue.record("refused: \(rejection.items.prefix(5).map { "\($0.index ?? -1): \($0.violation)" })")
        }
    }

    /// Imported in batches, a batch must hold without the payments recorded late in a
    /// later batch: late recording must never make an earlier event invalid.
    @Test func ledgerAcceptsTheFileInBatches() {
        var ledger = Ledger()
        let events = Generated.modestEvents
        for start in stride(from: 0, to: events.count, by: 250) {
            let batch = Array(events[start..<min(start + 250, events.count)])
            switch ledger.prepare(batch) {
            case .success(let prepared):
                ledger.commit(prepared)
            case .failure(let rejection):
                Issue.record("batch at \(start) refused: \(rejection.items.prefix(3).map { "\($0.violation)" })")
                return
            }
        }
        #expect(ledger.entryCount == events.count)
    }

    @Test func eventsAreInDateOrderExceptAboutOnePercentOfUnallocatedPayments() {
        let events = Generated.events(GeneratorConfiguration(customers: 200, invoices: 20_000, seed: 3))
        let audit = LedgerAudit.audit(events)
        #expect(audit.violations.isEmpty, "\(audit.violations.prefix(10))")
        let unallocated = events.filter {
            if case .paymentReceived(let payment) = $0 { payment.allocations.isEmpty } else { false }
        }.count
        let share = Double(audit.lateRecorded.count) / Double(unallocated)
        #expect(share > 0.003 && share < 0.02, "\(audit.lateRecorded.count) of \(unallocated) recorded late")
    }

    @Test func summaryCountsWhatWasEmitted() throws {
        var counts: [EventType: Int] = [:]
        let summary = try LedgerGenerator(Generated.modest).generate { counts[$0.type, default: 0] += 1 }
        #expect(summary.countsByType == counts)
        #expect(summary.paymentsRecordedLate == LedgerAudit.audit(Generated.modestEvents).lateRecorded.count)
    }
}
