/// Which column gives each field of each kind of line: the heart of a mapping file.
///
/// Generic over how a column is given, so that one shape serves the mapping as written
/// (`Column` = ``CSVColumnReference``: names and numbers) and the same mapping resolved
/// against a file's header (`Column` = ``CSVColumn``: indices), and the two cannot drift apart.
public struct CSVColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var kind: CSVKindRule<Column>
    public var invoice: CSVInvoiceColumns<Column>?
    public var creditNote: CSVCreditNoteColumns<Column>?
    public var payment: CSVPaymentColumns<Column>?
    public var order: CSVOrderColumns<Column>?
    /// Absent: the reader registers no customer (every customer must be in the ledger).
    public var customer: CSVCustomerColumns<Column>?

    public init(
        kind: CSVKindRule<Column>,
        invoice: CSVInvoiceColumns<Column>? = nil,
        creditNote: CSVCreditNoteColumns<Column>? = nil,
        payment: CSVPaymentColumns<Column>? = nil,
        order: CSVOrderColumns<Column>? = nil,
        customer: CSVCustomerColumns<Column>? = nil
    ) {
        self.kind = kind
        self.invoice = invoice
        self.creditNote = creditNote
        self.payment = payment
        self.order = order
        self.customer = customer
    }

    /// The same mapping with every column transformed; `transform` also gets the mapping key
    /// the column was given under (`invoice.amount`), for its errors.
    func map<Other>(_ transform: (Column, String) -> Other) -> CSVColumns<Other> {
        CSVColumns<Other>(
            kind: kind.map(transform),
            invoice: invoice.map { columns in
                CSVInvoiceColumns<Other>(
                    invoice: transform(columns.invoice, "invoice.invoice"),
                    customer: transform(columns.customer, "invoice.customer"),
                    on: transform(columns.on, "invoice.on"),
                    amount: transform(columns.amount, "invoice.amount"),
                    dueOn: columns.dueOn.map { transform($0, "invoice.due_on") },
                    order: columns.order.map { transform($0, "invoice.order") },
                    negativeAmount: columns.negativeAmount,
                    creditedInvoice: columns.creditedInvoice.map { transform($0, "invoice.credited_invoice") }
                )
            },
            creditNote: creditNote.map { columns in
                CSVCreditNoteColumns<Other>(
                    creditNote: transform(columns.creditNote, "credit_note.credit_note"),
                    customer: transform(columns.customer, "credit_note.customer"),
                    on: transform(columns.on, "credit_note.on"),
                    amount: transform(columns.amount, "credit_note.amount"),
                    invoice: columns.invoice.map { transform($0, "credit_note.invoice") }
                )
            },
            payment: payment.map { columns in
                CSVPaymentColumns<Other>(
                    payment: transform(columns.payment, "payment.payment"),
                    customer: transform(columns.customer, "payment.customer"),
                    on: transform(columns.on, "payment.on"),
                    amount: transform(columns.amount, "payment.amount"),
                    invoice: columns.invoice.map { transform($0, "payment.invoice") }
                )
            },
            order: order.map { columns in
                CSVOrderColumns<Other>(
                    order: transform(columns.order, "order.order"),
                    customer: transform(columns.customer, "order.customer"),
                    on: transform(columns.on, "order.on"),
                    amount: transform(columns.amount, "order.amount")
                )
            },
            customer: customer.map { columns in
                CSVCustomerColumns<Other>(
                    legalName: transform(columns.legalName, "customer.legal_name"),
                    tradeName: columns.tradeName.map { transform($0, "customer.trade_name") },
                    siren: columns.siren.map { transform($0, "customer.siren") },
                    salesRep: columns.salesRep.map { transform($0, "customer.sales_rep") },
                    termsDays: columns.termsDays.map { transform($0, "customer.terms_days") }
                )
            }
        )
    }
}

/// How a line's kind is told: one kind for the whole file (an export of payments only), or
/// a column whose values say it (`FA`, `AV`, `RG`).
public enum CSVKindRule<Column: Sendable & Hashable>: Sendable, Hashable {
    case fixed(CSVDocumentKind)
    /// `values` lists every value the mapping knows; one with no kind marks lines to skip.
    case column(Column, values: [CSVKindValue])

    func map<Other>(_ transform: (Column, String) -> Other) -> CSVKindRule<Other> {
        switch self {
        case .fixed(let kind): .fixed(kind)
        case .column(let column, let values): .column(transform(column, "kind.column"), values: values)
        }
    }
}

/// One value of the kind column and what it means.
public struct CSVKindValue: Sendable, Hashable {
    /// As written in the column, surrounding spaces left out.
    public var value: String
    /// `nil`: lines with this value are skipped (quotes, pro forma invoices), and reported.
    public var kind: CSVDocumentKind?

    public init(value: String, kind: CSVDocumentKind?) {
        self.value = value
        self.kind = kind
    }
}

/// What an invoice line with a negative amount is.
public enum CSVNegativeInvoice: String, Sendable, Hashable, CaseIterable {
    /// An error: amounts are positive in the ledger.
    case error
    /// A credit note, numbered by the invoice column, for the amount without its sign: many
    /// tools export credit notes as invoices below zero.
    case creditNote = "credit_note"
}

/// The columns of an `invoice.issued`; `dueOn` and `order` are optional.
public struct CSVInvoiceColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var invoice: Column
    public var customer: Column
    public var on: Column
    public var amount: Column
    /// Absent, or empty on a line: the customer's terms decide (docs/events.md).
    public var dueOn: Column?
    public var order: Column?
    public var negativeAmount: CSVNegativeInvoice
    /// With ``CSVNegativeInvoice/creditNote``: the invoice the credit note reduces.
    public var creditedInvoice: Column?

    public init(
        invoice: Column,
        customer: Column,
        on: Column,
        amount: Column,
        dueOn: Column? = nil,
        order: Column? = nil,
        negativeAmount: CSVNegativeInvoice = .error,
        creditedInvoice: Column? = nil
    ) {
        self.invoice = invoice
        self.customer = customer
        self.on = on
        self.amount = amount
        self.dueOn = dueOn
        self.order = order
        self.negativeAmount = negativeAmount
        self.creditedInvoice = creditedInvoice
    }
}

/// The columns of a `credit_note.issued`; `invoice` (the invoice it reduces) is optional.
public struct CSVCreditNoteColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var creditNote: Column
    public var customer: Column
    public var on: Column
    public var amount: Column
    public var invoice: Column?

    public init(creditNote: Column, customer: Column, on: Column, amount: Column, invoice: Column? = nil) {
        self.creditNote = creditNote
        self.customer = customer
        self.on = on
        self.amount = amount
        self.invoice = invoice
    }
}

/// The columns of a `payment.received`; `invoice`, when given and not empty on a line,
/// allocates the whole payment to that invoice.
public struct CSVPaymentColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var payment: Column
    public var customer: Column
    public var on: Column
    public var amount: Column
    public var invoice: Column?

    public init(payment: Column, customer: Column, on: Column, amount: Column, invoice: Column? = nil) {
        self.payment = payment
        self.customer = customer
        self.on = on
        self.amount = amount
        self.invoice = invoice
    }
}

/// The columns of an `order.placed`.
public struct CSVOrderColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var order: Column
    public var customer: Column
    public var on: Column
    public var amount: Column

    public init(order: Column, customer: Column, on: Column, amount: Column) {
        self.order = order
        self.customer = customer
        self.on = on
        self.amount = amount
    }
}

/// The columns a `customer.registered` is made from, for customers the ledger does not know
/// yet; `legalName` is required, as on the wire.
public struct CSVCustomerColumns<Column: Sendable & Hashable>: Sendable, Hashable {
    public var legalName: Column
    public var tradeName: Column?
    public var siren: Column?
    public var salesRep: Column?
    public var termsDays: Column?

    public init(
        legalName: Column,
        tradeName: Column? = nil,
        siren: Column? = nil,
        salesRep: Column? = nil,
        termsDays: Column? = nil
    ) {
        self.legalName = legalName
        self.tradeName = tradeName
        self.siren = siren
        self.salesRep = salesRep
        self.termsDays = termsDays
    }
}

extension CSVColumns where Column == CSVColumn {
    /// The 0-based positions of every column the mapping reads: the only fields whose quoted
    /// values need unquoting.
    var indices: Set<Int> {
        var indices: Set<Int> = []
        _ = map { column, _ in indices.insert(column.index).memberAfterInsert }
        return indices
    }
}
