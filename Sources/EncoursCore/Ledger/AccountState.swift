/// Everything the ledger knows about one customer after applying a timeline of its events
/// in `(on, sequence)` order: the projection the queries read.
///
/// It is a plain value: applying an event mutates it, and a copy is a tentative future
/// that a batch can be checked against before it is appended.
public struct AccountState: Sendable, Hashable {
    public let customer: CustomerID
    public internal(set) var registeredOn: Day?
    /// The profile as last registered or updated, defaults filled in.
    public internal(set) var profile = CustomerProfile()
    public internal(set) var limitDecisions: [LimitDecision] = []
    public internal(set) var blocked = false
    public internal(set) var invoices: [InvoiceState] = []
    public internal(set) var orders: [OrderState] = []
    public internal(set) var disputes: [DisputeState] = []
    public internal(set) var promises: [PromiseState] = []
    /// Every `reminder.sent`, in timeline order.
    public internal(set) var reminders: [ReminderRecord] = []
    /// The invoice indices the reminders name, each reminder a range of it.
    public internal(set) var reminderInvoices: [Int32] = []
    /// Payments applied after the first promise to pay, in timeline order (see ``DatedPayment``).
    public internal(set) var paymentsSinceFirstPromise: [DatedPayment] = []
    /// The latest reminder, note or promise.
    public internal(set) var lastContact: ContactRecord?
    public internal(set) var notesLogged = 0
    /// Payments and credit notes on account, not yet settling any invoice.
    public internal(set) var unappliedCredit = Money.zero
    /// The business date of the latest event applied.
    public internal(set) var lastDay: Day?

    var invoiceIndex: [InvoiceID: Int32] = [:]
    var orderIndex: [OrderID: Int32] = [:]
    var disputeIndex: [DisputeID: Int32] = [:]
    var promiseIDs: Set<PromiseID> = []
    var settlementQueue = OpenInvoiceQueue()

    public init(customer: CustomerID) {
        self.customer = customer
    }

    /// Makes room for `count` invoices, when a replay knows how many the account will have.
    mutating func reserveInvoices(_ count: Int) {
        invoices.reserveCapacity(count)
        invoiceIndex.reserveCapacity(count)
    }

    public var isRegistered: Bool { registeredOn != nil }

    public var remindersSent: Int { reminders.count }

    /// The invoice indices (into ``invoices``) a reminder names; empty when it named none.
    public func invoiceIndices(of reminder: ReminderRecord) -> ArraySlice<Int32> {
        let start = Int(reminder.invoiceStart)
        return reminderInvoices[start..<start + Int(reminder.invoiceCount)]
    }

    public func invoice(_ id: InvoiceID) -> InvoiceState? {
        invoiceIndex[id].map { invoices[Int($0)] }
    }

    public func order(_ id: OrderID) -> OrderState? {
        orderIndex[id].map { orders[Int($0)] }
    }

    public func dispute(_ id: DisputeID) -> DisputeState? {
        disputeIndex[id].map { disputes[Int($0)] }
    }

    /// Sum of the invoices' open amounts.
    public var openInvoicesTotal: Money {
        invoices.reduce(into: Money.zero) { $0 += $1.openAmount }
    }

    /// Receivables = open amounts − unapplied credit.
    public var receivables: Money { openInvoicesTotal - unappliedCredit }

    /// The open order book: what has been ordered and not yet invoiced or cancelled.
    public var orderBook: Money {
        orders.reduce(into: Money.zero) { $0 += $1.openBook }
    }

    /// Disputed part of an invoice: its unresolved disputes, capped at its open amount.
    public func disputedAmount(of invoice: InvoiceState) -> Money {
        guard !invoice.disputes.isEmpty else { return .zero }
        var total = Money.zero
        for index in invoice.disputes where disputes[Int(index)].isOpen {
            total += disputes[Int(index)].amount
        }
        return min(total, invoice.openAmount)
    }

    /// The limit in force on `day`: the latest `credit_limit.set` in force, else the
    /// registered limit, else none.
    public func effectiveLimit(on day: Day) -> Money? {
        for decision in limitDecisions.reversed() where decision.isInForce(on: day) {
            return decision.limit
        }
        return profile.creditLimit
    }
}
