/// Something the simulation will do on a given day: the entries of its agenda.
///
/// Payloads are indices into the simulation's tables (customers, invoices, orders,
/// disputes, payment batches), so an action is a few bytes and a year's agenda stays small.
enum Action {
    case register(customer: Int32)
    /// Issue the customer's next invoice slot: a direct invoice or an order.
    case sale(customer: Int32)
    /// Issue the next partial invoice of an order.
    case invoiceOrder(order: Int32)
    case cancelOrder(order: Int32)
    case payInvoice(invoice: Int32)
    case payBatch(batch: Int32)
    case openDispute(invoice: Int32)
    case resolveDispute(dispute: Int32)
    /// The credit note that usually follows an upheld dispute.
    case creditUpheldDispute(dispute: Int32)
    /// Goods sent back: a credit note on the invoice.
    case creditReturn(invoice: Int32)
    /// A small unpaid balance written off by a credit note.
    case creditBalance(invoice: Int32)
    case dunningReview(customer: Int32)
    case applyCredit(customer: Int32)
    /// Account management: terms, rep, limits, notes, commercial credit notes.
    case manageAccount(customer: Int32)
}
