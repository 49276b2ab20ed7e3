/// One customer on one business date, as a sales rep checks it before taking an order:
/// who it is, where it stands against its limit, what it owes and what is on order.
public struct CustomerDetail: Sendable, Hashable {
    public var asOf: Day
    public var customer: CustomerID
    public var registeredOn: Day
    public var profile: CustomerProfile
    public var blocked: Bool
    public var exposure: ExposureLine
    /// Invoices with an open amount, by due date then issue date then id.
    public var openInvoices: [OpenInvoice]
    /// Orders with an open book, by date then id.
    public var openOrders: [OpenOrder]
    public var unappliedCredit: Money

    /// An invoice not fully settled on the query date.
    public struct OpenInvoice: Sendable, Hashable {
        public var invoice: InvoiceID
        public var issuedOn: Day
        public var dueOn: Day
        public var amount: Money
        public var open: Money
        /// Query date − due date; zero or less is not yet late.
        public var daysPastDue: Int
        public var disputed: Money
    }

    /// An order with part of it still to invoice.
    public struct OpenOrder: Sendable, Hashable {
        public var order: OrderID
        public var placedOn: Day
        public var amount: Money
        public var openBook: Money
    }
}

extension Ledger {
    /// The customer as of `day`, or `nil` when it is not registered by then.
    public func customerDetail(_ customer: CustomerID, asOf day: Day) -> CustomerDetail? {
        guard let account = account(customer), let state = state(of: account, asOf: day),
            let registeredOn = state.registeredOn
        else { return nil }
        let invoices = state.invoices.filter { $0.openAmount.isPositive }
            .sorted { ($0.dueOn, $0.issuedOn, $0.id) < ($1.dueOn, $1.issuedOn, $1.id) }
            .map { invoice in
                CustomerDetail.OpenInvoice(
                    invoice: invoice.id,
                    issuedOn: invoice.issuedOn,
                    dueOn: invoice.dueOn,
                    amount: invoice.amount,
                    open: invoice.openAmount,
                    daysPastDue: day.days(since: invoice.dueOn),
                    disputed: state.disputedAmount(of: invoice)
                )
            }
        let orders = state.orders.filter { $0.openBook.isPositive }
            .sorted { ($0.placedOn, $0.id) < ($1.placedOn, $1.id) }
            .map {
                CustomerDetail.OpenOrder(order: $0.id, placedOn: $0.placedOn, amount: $0.amount, openBook: $0.openBook)
            }
        return CustomerDetail(
            asOf: day,
            customer: customer,
            registeredOn: registeredOn,
            profile: state.profile,
            blocked: state.blocked,
            exposure: state.exposureLine(asOf: day),
            openInvoices: invoices,
            openOrders: orders,
            unappliedCredit: state.unappliedCredit
        )
    }
}
