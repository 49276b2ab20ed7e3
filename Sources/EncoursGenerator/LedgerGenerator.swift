import EncoursCore

/// Generates realistic receivables ledgers, valid by construction, for demos, tests and
/// benchmarks (`encours generate`).
///
/// It simulates a French SME's customer accounts day by day: registrations, orders,
/// invoices, payments (early, late, partial, over, short, lettered or not), credit notes,
/// disputes, dunning, promises, blocks and limit decisions. The ledger rejects an invalid
/// file whole, so the simulation keeps every open amount and unapplied credit exactly as
/// DESIGN §5 computes them and only writes events that hold at their place.
///
/// The output depends on the configuration alone (a seeded generator, no clock, no
/// platform maths): the same configuration gives the same events everywhere. Events come
/// in non-decreasing business date, except about 1 % of unallocated payments written out a
/// few days after their date ("recorded late"), for customers that never get a
/// `credit.applied`, so that moving them cannot invalidate anything.
public struct LedgerGenerator: Sendable {
    public let configuration: GeneratorConfiguration

    public init(_ configuration: GeneratorConfiguration) throws(GeneratorConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Generates the ledger, handing each event to `emit` in file order as soon as its day
    /// is simulated, so a caller can stream millions of events without holding them.
    @discardableResult
    public func generate(emit: (Event) -> Void) -> GenerationSummary {
        var counts = [Int](repeating: 0, count: EventType.allCases.count + 1)
        var latest = configuration.start
        var recordedLate = 0
        var simulation = Simulation(configuration: configuration)
        simulation.run { event in
            counts[Int(event.type.code)] += 1
            if event.on < latest { recordedLate += 1 } else { latest = event.on }
            emit(event)
        }
        var byType: [EventType: Int] = [:]
        for type in EventType.allCases where counts[Int(type.code)] > 0 {
            byType[type] = counts[Int(type.code)]
        }
        return GenerationSummary(countsByType: byType, paymentsRecordedLate: recordedLate)
    }

    /// Generates the whole ledger in memory (convenient for tests and small ledgers).
    public func generate() -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(configuration.invoices * 5 / 2 + configuration.customers * 4)
        generate { events.append($0) }
        return events
    }
}

/// What a generation produced, for the command line to report and tests to check.
public struct GenerationSummary: Sendable, Hashable {
    /// Events of each type (types that did not occur are absent).
    public var countsByType: [EventType: Int]
    /// Payments written out after events of a later business date.
    public var paymentsRecordedLate: Int

    public var eventCount: Int { countsByType.values.reduce(0, +) }
}
