/// The figures of an account that make an order risky even within the limit: arrears,
/// disputes, the usual size of its orders. The state must be the account as of `day`.
extension AccountState {
    /// Invoices with an open amount and past due on `day` (due before it), oldest due first
    /// (then issue date, then id: the order unallocated money settles them in).
    ///
    /// Walks the settlement queue from its head, which skips the invoices settled long ago,
    /// and stops at the first invoice not yet due.
    func overdueInvoices(on day: Day) -> [InvoiceState] {
        var overdue: [InvoiceState] = []
        var position = settlementQueue.head
        while position < settlementQueue.order.count {
            let invoice = invoices[Int(settlementQueue.order[position])]
            guard invoice.dueOn < day else { break }
            if invoice.openAmount.isPositive { overdue.append(invoice) }
            position += 1
        }
        return overdue
    }

    /// Unresolved disputes: the disputed amount of every invoice that has one (capped at its
    /// open amount, as the ageing's `disputed`), and how many disputes weigh on invoices
    /// still open.
    func openDisputes() -> (amount: Money, count: Int) {
        var amount = Money.zero
        var count = 0
        var counted = Set<Int32>()
        for dispute in disputes where dispute.isOpen {
            let invoice = invoices[Int(dispute.invoiceIndex)]
            guard invoice.openAmount.isPositive else { continue }
            count += 1
            if counted.insert(dispute.invoiceIndex).inserted { amount += disputedAmount(of: invoice) }
        }
        return (amount, count)
    }

    /// The median amount of the orders placed in the `days` days up to `day` (day − days <
    /// placed ≤ day), cancelled ones left out, and how many there were; `nil` median when
    /// there were none. With an even count, the mean of the two middle amounts, rounded
    /// half-up to the cent.
    ///
    /// Orders are kept in timeline order, so the window is read backwards from the last one
    /// and only its amounts are sorted: a few dozen, never the customer's whole history.
    func recentOrderMedian(through day: Day, days: Int) -> (median: Money?, count: Int) {
        let first = day.adding(days: -(days - 1))
        var amounts: [Int64] = []
        for order in orders.reversed() {
            if order.placedOn > day { continue }
            guard order.placedOn >= first else { break }
            if let cancelled = order.cancelledOn, cancelled <= day { continue }
            amounts.append(order.amount.minorUnits)
        }
        guard !amounts.isEmpty else { return (nil, 0) }
        amounts.sort()
        let middle = amounts.count / 2
        let median =
            amounts.count % 2 == 1
            ? amounts[middle]
            : (amounts[middle - 1] + amounts[middle] + 1) / 2
        return (Money(minorUnits: median), amounts.count)
    }
}
