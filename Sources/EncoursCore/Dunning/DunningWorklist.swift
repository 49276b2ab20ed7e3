/// One invoice on the dunning worklist, with the figures the person working it needs.
public struct DunningInvoice: Sendable, Hashable {
    public var invoice: InvoiceID
    public var dueOn: Day
    /// Its open amount on the worklist's day.
    public var open: Money
    /// Worklist day − due date.
    public var daysLate: Int
    /// The day the step came due for this invoice; it stays due every day until it is done.
    public var dueSince: Day
}

/// A step to do today for one customer: the invoices at that step, how to reach the
/// customer and what was last said ("relance" of the day).
public struct DunningAction: Sendable, Hashable {
    public var customer: CustomerID
    public var step: DunningStep
    /// The step's position in the scenario: the higher, the more urgent.
    public var rank: Int
    /// By due date, then invoice id.
    public var invoices: [DunningInvoice]
    /// The sum of the invoices' open amounts.
    public var open: Money
    /// The most days late of its invoices.
    public var daysLate: Int
    /// The earliest day the step came due for one of its invoices.
    public var dueSince: Day
    public var lastContact: ContactRecord?
    /// The customer's pending promise due first, if any (it covers other invoices: covered ones
    /// are paused).
    public var openPromise: PromiseOutcome?
}

/// Why an invoice whose step is due is held back.
public enum DunningPauseReason: String, Sendable, Hashable, CaseIterable {
    /// An unresolved dispute: chase the dispute, not the payment.
    case dispute
    /// A promise to pay not yet broken covers it.
    case promise
}

/// An invoice whose step would be due but is paused, listed so that nobody wonders why it
/// is missing from the actions.
public struct DunningPause: Sendable, Hashable {
    public var customer: CustomerID
    public var invoice: DunningInvoice
    /// The step that would be due.
    public var step: DunningStep
    public var reason: DunningPauseReason
    /// For a promise: the pending promise that ends last of those covering the invoice.
    public var promise: PromiseOutcome?

    /// For a promise: the last day of the pause (its due date + grace).
    public var until: Day? { promise?.until }
}

/// The day's dunning worklist (docs/api.md, "Dunning worklist (contract extension)").
public struct DunningWorklist: Sendable, Hashable {
    public var on: Day
    public var currency: String
    public var promiseGraceDays: Int
    /// Most urgent first: step rank descending, then most days late, then largest open
    /// amount, then customer id (byte order).
    public var actions: [DunningAction]
    /// By customer id (byte order), then due date, then invoice id.
    public var paused: [DunningPause]
}
