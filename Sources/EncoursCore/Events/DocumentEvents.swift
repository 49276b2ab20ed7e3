/// `order.placed`: an order enters the open order book.
public struct OrderPlaced: Sendable, Hashable {
    public var customer: CustomerID
    public var order: OrderID
    public var amount: Money
    public var on: Day
    /// Why finance lets the order pass although the credit decision refuses it; only a
    /// `finance` client may send it. Absent on every ordinary order.
    public var override: String?

    public init(customer: CustomerID, order: OrderID, amount: Money, on: Day, override: String? = nil) {
        self.customer = customer
        self.order = order
        self.amount = amount
        self.on = on
        self.override = override
    }
}

/// `order.cancelled`: the order counts 0 in the order book from `on`.
public struct OrderCancelled: Sendable, Hashable {
    public var order: OrderID
    /// Optional on the wire: the order names its customer. When given it must match.
    public var customer: CustomerID?
    public var on: Day

    public init(order: OrderID, customer: CustomerID? = nil, on: Day) {
        self.order = order
        self.customer = customer
        self.on = on
    }
}

/// `invoice.issued`: a receivable is born.
public struct InvoiceIssued: Sendable, Hashable {
    public var customer: CustomerID
    public var invoice: InvoiceID
    public var amount: Money
    /// The issue date.
    public var on: Day
    /// Absent: `on` plus the customer's terms in force on `on`.
    public var dueOn: Day?
    /// The order this invoice bills; its amount leaves that order's open book.
    public var order: OrderID?

    public init(
        customer: CustomerID,
        invoice: InvoiceID,
        amount: Money,
        on: Day,
        dueOn: Day? = nil,
        order: OrderID? = nil
    ) {
        self.customer = customer
        self.invoice = invoice
        self.amount = amount
        self.on = on
        self.dueOn = dueOn
        self.order = order
    }
}

/// `credit_note.issued`: reduces an invoice, or (without `invoice`) acts as an unallocated payment.
public struct CreditNoteIssued: Sendable, Hashable {
    public var customer: CustomerID
    public var creditNote: CreditNoteID
    public var amount: Money
    public var invoice: InvoiceID?
    public var on: Day

    public init(customer: CustomerID, creditNote: CreditNoteID, amount: Money, invoice: InvoiceID? = nil, on: Day) {
        self.customer = customer
        self.creditNote = creditNote
        self.amount = amount
        self.invoice = invoice
        self.on = on
    }
}

/// One line of a payment's lettering: this much of the payment settles this invoice.
public struct Allocation: Sendable, Hashable {
    public var invoice: InvoiceID
    public var amount: Money

    public init(invoice: InvoiceID, amount: Money) {
        self.invoice = invoice
        self.amount = amount
    }
}

/// `payment.received`: cash from the customer, allocated explicitly or by earliest due date.
public struct PaymentReceived: Sendable, Hashable {
    public var customer: CustomerID
    public var payment: PaymentID
    public var amount: Money
    public var on: Day
    /// Empty: no explicit lettering; the payment settles the oldest open invoices first.
    public var allocations: [Allocation]

    public init(customer: CustomerID, payment: PaymentID, amount: Money, on: Day, allocations: [Allocation] = []) {
        self.customer = customer
        self.payment = payment
        self.amount = amount
        self.on = on
        self.allocations = allocations
    }
}

/// `credit.applied`: lettering done after the fact, from the customer's unapplied credit.
public struct CreditApplied: Sendable, Hashable {
    public var customer: CustomerID
    public var invoice: InvoiceID
    public var amount: Money
    public var on: Day
    public var id: String?

    public init(customer: CustomerID, invoice: InvoiceID, amount: Money, on: Day, id: String? = nil) {
        self.customer = customer
        self.invoice = invoice
        self.amount = amount
        self.on = on
        self.id = id
    }
}
