/// `dispute.opened`: the customer contests (part of) an invoice.
public struct DisputeOpened: Sendable, Hashable {
    public var invoice: InvoiceID
    public var dispute: DisputeID
    /// Absent: the invoice's open amount on `on`.
    public var amount: Money?
    public var reason: String?
    /// Optional on the wire: the invoice names its customer. When given it must match.
    public var customer: CustomerID?
    public var on: Day

    public init(
        invoice: InvoiceID,
        dispute: DisputeID,
        amount: Money? = nil,
        reason: String? = nil,
        customer: CustomerID? = nil,
        on: Day
    ) {
        self.invoice = invoice
        self.dispute = dispute
        self.amount = amount
        self.reason = reason
        self.customer = customer
        self.on = on
    }
}

/// How a dispute ended. Either way it no longer counts as disputed; upholding one changes
/// no amount (a credit note does).
public enum DisputeOutcome: String, Sendable, Hashable, CaseIterable {
    case rejected
    case upheld
}

/// `dispute.resolved`.
public struct DisputeResolved: Sendable, Hashable {
    public var dispute: DisputeID
    public var outcome: DisputeOutcome?
    public var customer: CustomerID?
    public var on: Day

    public init(dispute: DisputeID, outcome: DisputeOutcome? = nil, customer: CustomerID? = nil, on: Day) {
        self.dispute = dispute
        self.outcome = outcome
        self.customer = customer
        self.on = on
    }
}

/// `promise.made`: the customer promises to pay an amount by a date.
public struct PromiseMade: Sendable, Hashable {
    public var customer: CustomerID
    public var promise: PromiseID
    public var amount: Money
    /// The promised payment date.
    public var dueOn: Day
    public var invoices: [InvoiceID]
    public var on: Day

    public init(
        customer: CustomerID,
        promise: PromiseID,
        amount: Money,
        dueOn: Day,
        invoices: [InvoiceID] = [],
        on: Day
    ) {
        self.customer = customer
        self.promise = promise
        self.amount = amount
        self.dueOn = dueOn
        self.invoices = invoices
        self.on = on
    }
}

/// `reminder.sent`: a dunning step was done.
public struct ReminderSent: Sendable, Hashable {
    public var customer: CustomerID
    /// The step name of the dunning scenario.
    public var level: String
    public var channel: String?
    public var invoices: [InvoiceID]
    public var note: String?
    public var on: Day
    public var id: String?

    public init(
        customer: CustomerID,
        level: String,
        channel: String? = nil,
        invoices: [InvoiceID] = [],
        note: String? = nil,
        on: Day,
        id: String? = nil
    ) {
        self.customer = customer
        self.level = level
        self.channel = channel
        self.invoices = invoices
        self.note = note
        self.on = on
        self.id = id
    }
}

/// `note.logged`: a free-text note on the customer's file.
public struct NoteLogged: Sendable, Hashable {
    public var customer: CustomerID
    public var text: String
    public var tags: [String]
    public var on: Day
    public var id: String?

    public init(customer: CustomerID, text: String, tags: [String] = [], on: Day, id: String? = nil) {
        self.customer = customer
        self.text = text
        self.tags = tags
        self.on = on
        self.id = id
    }
}
