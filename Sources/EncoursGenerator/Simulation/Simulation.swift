import EncoursCore

/// The day-by-day simulation of an SME's customer accounts that writes the ledger.
///
/// Every event is decided from the simulation's own exact state (open amounts in cents,
/// unapplied credit, open disputes and orders), computed by DESIGN §5's rules, so the
/// ledger it writes is valid by construction. Days are performed in order, so events come
/// out sorted by business date; the only exception is the few payments deliberately
/// recorded late (see ``LatePayment``).
struct Simulation {
    let configuration: GeneratorConfiguration
    var random: RandomSource
    var agenda: Agenda
    var numbering = DocumentNumbering()
    var customers: [SimulatedCustomer] = []
    var invoices: [SimulatedInvoice] = []
    var orders: [SimulatedOrder] = []
    var disputes: [SimulatedDispute] = []
    var batches = PaymentBatches()
    var today: Day
    /// Events decided today, in order, waiting to be handed out.
    var outbox: [Event] = []
    /// Payments recorded late: applied at the end of their day, written out on a later one.
    var latePaymentsToday: [LatePayment] = []
    var latePaymentsByWriteDay: [[Event]]
    var latePaymentsAfterPeriod: [Event] = []

    let start: Day
    /// The last simulated day, computed once: it bounds every scheduling decision.
    let end: Day

    init(configuration: GeneratorConfiguration) {
        self.configuration = configuration
        start = configuration.start
        end = configuration.end
        random = RandomSource(seed: configuration.seed)
        agenda = Agenda(start: configuration.start, end: configuration.end)
        today = configuration.start
        latePaymentsByWriteDay = Array(repeating: [], count: agenda.dayCount)
        invoices.reserveCapacity(configuration.invoices)
        layOutCustomers()
    }

    /// Runs the whole period, handing each event to `emit` in file order.
    mutating func run(_ emit: (Event) -> Void) {
        for offset in 0..<agenda.dayCount {
            today = start.adding(days: offset)
            outbox.append(contentsOf: latePaymentsByWriteDay[offset])
            latePaymentsByWriteDay[offset] = []
            var index = 0
            while let action = agenda.action(day: offset, index: index) {
                perform(action)
                index += 1
            }
            agenda.clear(day: offset)
            recordLatePaymentsOfToday()
            for event in outbox { emit(event) }
            outbox.removeAll(keepingCapacity: true)
        }
        for event in latePaymentsAfterPeriod { emit(event) }
        latePaymentsAfterPeriod = []
    }

    mutating func perform(_ action: Action) {
        switch action {
        case .register(let customer): register(Int(customer))
        case .sale(let customer): sell(Int(customer))
        case .invoiceOrder(let order): invoiceOrder(Int(order))
        case .cancelOrder(let order): cancelOrder(Int(order))
        case .payInvoice(let invoice): payPlanned([invoice])
        case .payBatch(let batch): payBatch(batch)
        case .openDispute(let invoice): openDispute(invoice)
        case .resolveDispute(let dispute): resolveDispute(Int(dispute))
        case .creditUpheldDispute(let dispute): creditUpheldDispute(Int(dispute))
        case .creditReturn(let invoice): creditReturn(invoice)
        case .creditBalance(let invoice): creditBalance(invoice)
        case .dunningReview(let customer): reviewDunning(Int(customer))
        case .applyCredit(let customer): applyCredit(Int(customer))
        case .manageAccount(let customer): manageAccount(Int(customer))
        }
    }

    /// Schedules an action `days` from today, moved to a business day; false after the period.
    @discardableResult
    mutating func schedule(_ action: Action, inDays days: Int) -> Bool {
        agenda.schedule(action, on: BusinessCalendar.businessDay(onOrAfter: today.adding(days: days)), today: today)
    }

    /// Chance, in percent.
    mutating func percent(_ value: Int) -> Bool {
        random.below(100) < value
    }
}
