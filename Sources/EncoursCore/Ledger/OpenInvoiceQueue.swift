/// The customer's invoices in the order unallocated money settles them: earliest due date,
/// then earliest issue date, then invoice id in byte order (DESIGN §5).
///
/// Kept sorted as invoices arrive (usually at the end) so a payment walks it from the front.
/// Settled invoices are skipped lazily: amounts only ever decrease, so an invoice that is
/// settled stays settled and the front can move past it for good.
struct OpenInvoiceQueue: Sendable, Hashable {
    private(set) var order: [Int32] = []
    private(set) var head = 0

    mutating func insert(_ index: Int32, invoices: [InvoiceState]) {
        var position = order.count
        while position > head, OpenInvoiceQueue.settles(index, before: order[position - 1], invoices) {
            position -= 1
        }
        order.insert(index, at: position)
    }

    /// Applies up to `amount` to open invoices in settlement order; returns what is left.
    mutating func settle(_ amount: Money, on day: Day, invoices: inout [InvoiceState]) -> Money {
        var remaining = amount
        var position = head
        while remaining.isPositive, position < order.count {
            let index = Int(order[position])
            let open = invoices[index].openAmount
            if open.isPositive {
                let applied = min(open, remaining)
                invoices[index].settled += applied
                if applied == open { invoices[index].paidOn = day }
                remaining -= applied
            }
            position += 1
        }
        advanceHead(invoices: invoices)
        return remaining
    }

    mutating func advanceHead(invoices: [InvoiceState]) {
        while head < order.count, !invoices[Int(order[head])].openAmount.isPositive {
            head += 1
        }
    }

    /// Compares fields in place: copying whole invoice states here costs more than the
    /// comparison.
    static func settles(_ lhs: Int32, before rhs: Int32, _ invoices: [InvoiceState]) -> Bool {
        let left = Int(lhs)
        let right = Int(rhs)
        if invoices[left].dueOn != invoices[right].dueOn { return invoices[left].dueOn < invoices[right].dueOn }
        if invoices[left].issuedOn != invoices[right].issuedOn {
            return invoices[left].issuedOn < invoices[right].issuedOn
        }
        return invoices[left].id < invoices[right].id
    }
}

extension OpenInvoiceQueue {
    /// A queue as a ledger image recorded it (``LedgerImage``); the caller checked the indices.
    init(restoringOrder order: [Int32], head: Int) {
        self.order = order
        self.head = head
    }
}
