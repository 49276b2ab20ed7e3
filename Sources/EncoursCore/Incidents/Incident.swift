/// What kind of thing happened on a customer's file that a credit manager looks back on.
public enum IncidentKind: String, Sendable, Hashable, CaseIterable {
    /// An invoice whose last cent was settled after its due date.
    case latePayment = "late_payment"
    case disputeOpened = "dispute_opened"
    case disputeResolved = "dispute_resolved"
    /// A promise to pay whose date (plus grace) passed without the promised amount.
    case promiseBroken = "promise_broken"
    /// A dunning step done (`reminder.sent`).
    case reminder
    case blocked
    case unblocked
    case note
}

/// One entry of a customer's incident history: the late payments, disputes, broken
/// promises, reminders, blocks and notes that tell how the customer pays, on one page.
///
/// Most come straight from an event (`sequence` names it); late payments and broken
/// promises follow from several and carry no sequence.
public struct Incident: Sendable, Hashable {
    public var on: Day
    public var kind: IncidentKind
    public var sequence: Int64?
    /// The invoices it concerns, when it names any.
    public var invoices: [InvoiceID]
    /// The amount at stake: the invoice paid late, the disputed or promised amount.
    public var amount: Money?
    /// Days between the due date (or promised date) and `on`, for late payments.
    public var daysLate: Int?
    /// What people wrote: the note, the dispute's reason, the reminder's note, the block's reason.
    public var text: String?
    /// The rest, as a short phrase: a reminder's step and channel, a dispute's outcome, a
    /// note's tags, a promise's id.
    public var detail: String?

    public init(
        on: Day,
        kind: IncidentKind,
        sequence: Int64? = nil,
        invoices: [InvoiceID] = [],
        amount: Money? = nil,
        daysLate: Int? = nil,
        text: String? = nil,
        detail: String? = nil
    ) {
        self.on = on
        self.kind = kind
        self.sequence = sequence
        self.invoices = invoices
        self.amount = amount
        self.daysLate = daysLate
        self.text = text
        self.detail = detail
    }
}

/// A customer's incidents up to a business date, newest first.
public struct IncidentHistory: Sendable, Hashable {
    public var asOf: Day
    public var customer: CustomerID
    public var incidents: [Incident]
}
