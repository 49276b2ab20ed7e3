/// An invoice as the ledger knows it at the end of a timeline.
public struct InvoiceState: Sendable, Hashable {
    public var id: InvoiceID
    public var amount: Money
    public var issuedOn: Day
    public var dueOn: Day
    public var order: OrderID?
    /// Credit notes, payments and applied credit that settled it so far.
    public var settled: Money
    /// Indices into the account's disputes, in the order they were opened.
    public var disputes: [Int32]
    /// The day its open amount reached zero; `nil` while any of it is open. Commission is
    /// released and a late payment is an incident on that day.
    public var paidOn: Day? = nil

    public var openAmount: Money { amount - settled }
}

/// An order and how much of it has been invoiced.
public struct OrderState: Sendable, Hashable {
    public var id: OrderID
    public var amount: Money
    public var placedOn: Day
    public var invoiced: Money
    public var cancelledOn: Day?

    /// Open order book: amount less invoiced, never below 0; a cancelled order counts 0.
    public var openBook: Money {
        if cancelledOn != nil { return .zero }
        return amount > invoiced ? amount - invoiced : .zero
    }
}

/// A dispute on an invoice, with the amount fixed when it was opened.
public struct DisputeState: Sendable, Hashable {
    public var id: DisputeID
    public var invoiceIndex: Int32
    /// The given amount, or the invoice's open amount on the day it was opened.
    public var amount: Money
    public var reason: String?
    public var openedOn: Day
    public var resolvedOn: Day?
    public var outcome: DisputeOutcome?

    public var isOpen: Bool { resolvedOn == nil }
}

/// A credit-limit decision by finance (`credit_limit.set`).
public struct LimitDecision: Sendable, Hashable {
    public var limit: Money
    public var decidedOn: Day
    public var until: Day?
    public var reason: String?

    /// Whether the decision is in force on `day` (temporary ones end after `until`).
    public func isInForce(on day: Day) -> Bool {
        decidedOn <= day && (until.map { day <= $0 } ?? true)
    }
}

/// A promise to pay, kept for the collection figures.
public struct PromiseState: Sendable, Hashable {
    public var id: PromiseID
    public var amount: Money
    public var madeOn: Day
    public var dueOn: Day
    public var invoices: [InvoiceID]
    /// How many of the account's ``AccountState/paymentsSinceFirstPromise`` came before it:
    /// only the later ones count toward it.
    public var paymentsBefore: Int32 = 0
}
