import EncoursCore

/// An independent re-reading of a generated ledger by DESIGN §4–§5, written apart from the
/// generator's simulation so that the two cannot share a mistake.
///
/// It replays the events in effective order (business date, then file order), tracks open
/// amounts and unapplied credit naively (sorting open invoices for every unallocated
/// amount), and lists every rule a ledger would refuse, plus the realism rules the
/// generator promises (allocations and applied credit within the invoice's open amount).
struct LedgerAudit {
    struct Invoice {
        let customer: CustomerID
        let issuedOn: Day
        let dueOn: Day
        var open: Int64
    }

    struct Customer {
        var termsDays = 30
        var unapplied: Int64 = 0
        var invoices: [InvoiceID] = []
    }

    struct Order {
        let customer: CustomerID
        let amount: Int64
        var invoiced: Int64 = 0
        var cancelled = false
    }

    private(set) var violations: [String] = []
    /// Payments written out after an event of a later date: (customer, date).
    private(set) var lateRecorded: [(customer: CustomerID, on: Day)] = []
    private var customers: [CustomerID: Customer] = [:]
    private var invoices: [InvoiceID: Invoice] = [:]
    private var orders: [OrderID: Order] = [:]
    private var disputes: [DisputeID: (customer: CustomerID, resolved: Bool)] = [:]
    private var identities: [EventType: Set<String>] = [:]

    /// Audits a whole file; `violations` is empty when it is valid.
    static func audit(_ events: [Event]) -> LedgerAudit {
        var audit = LedgerAudit()
        audit.checkFileOrder(events)
        let effective = events.indices.sorted { lhs, rhs in
            events[lhs].on != events[rhs].on ? events[lhs].on < events[rhs].on : lhs < rhs
        }
        for position in effective {
            audit.apply(events[position], line: position + 1)
        }
        audit.checkLateRecordingIsHarmless(events)
        return audit
    }

    /// The unapplied credit the audit computed for each customer at the end.
    var unappliedCredit: [CustomerID: Int64] { customers.mapValues(\.unapplied) }

    /// The open amount the audit computed for each invoice at the end.
    var openAmounts: [InvoiceID: Int64] { invoices.mapValues(\.open) }

    private mutating func checkFileOrder(_ events: [Event]) {
        var latest: Day?
        for (position, event) in events.enumerated() {
            if let day = latest, event.on < day {
                guard case .paymentReceived(let payment) = event, payment.allocations.isEmpty else {
                    fail(position + 1, "\(event.type.rawValue) dated \(event.on) after an event of \(day)")
                    continue
                }
                lateRecorded.append((payment.customer, payment.on))
            } else {
                latest = event.on
            }
            guard let identity = event.identity else {
                fail(position + 1, "\(event.type.rawValue) has no id")
                continue
            }
            // dispute.resolved and order.cancelled name the document of their opening event.
            if !identities[event.type, default: []].insert(identity).inserted {
                fail(position + 1, "\(event.type.rawValue) id \(identity) reused")
            }
        }
    }

    private mutating func checkLateRecordingIsHarmless(_ events: [Event]) {
        for late in lateRecorded {
            for event in events {
                if case .creditApplied(let credit) = event, credit.customer == late.customer, credit.on >= late.on {
                    fail(
                        0,
                        "payment of \(late.customer) on \(late.on) recorded late but credit applied on \(credit.on)"
                    )
                }
            }
        }
    }

    private mutating func fail(_ line: Int, _ message: String) {
        violations.append("line \(line): \(message)")
    }

    private mutating func apply(_ event: Event, line: Int) {
        if case .customerRegistered(let registered) = event {
            if customers[registered.customer] != nil { fail(line, "\(registered.customer) registered twice") }
            var customer = Customer()
            customer.termsDays = registered.profile.termsDays ?? 30
            customers[registered.customer] = customer
            return
        }
        guard let customerID = customer(of: event, line: line), customers[customerID] != nil else {
            fail(line, "\(event.type.rawValue): customer unknown at this place")
            return
        }
        switch event {
        case .customerRegistered:
            break
        case .customerUpdated(let updated):
            if let terms = updated.profile.termsDays { customers[customerID]!.termsDays = terms }
        case .creditLimitSet(let decision):
            if decision.limit.isNegative { fail(line, "negative limit") }
            if let until = decision.until, until < decision.on { fail(line, "until before on") }
        case .customerBlocked, .customerUnblocked, .noteLogged:
            break
        case .orderPlaced(let placed):
            if orders[placed.order] != nil { fail(line, "order \(placed.order) placed twice") }
            if !placed.amount.isPositive { fail(line, "order amount \(placed.amount)") }
            orders[placed.order] = Order(customer: customerID, amount: placed.amount.minorUnits)
        case .orderCancelled(let cancelled):
            guard let order = orders[cancelled.order], order.customer == customerID else {
                fail(line, "cancelled order \(cancelled.order) does not exist here")
                return
            }
            if order.cancelled { fail(line, "order \(cancelled.order) cancelled twice") }
            if order.invoiced >= order.amount { fail(line, "order \(cancelled.order) cancelled when fully invoiced") }
            orders[cancelled.order]!.cancelled = true
        case .invoiceIssued(let issued):
            applyInvoice(issued, customer: customerID, line: line)
        case .paymentReceived(let payment):
            applyPayment(payment, customer: customerID, line: line)
        case .creditNoteIssued(let note):
            if !note.amount.isPositive { fail(line, "credit note amount \(note.amount)") }
            if let invoice = note.invoice {
                guard exists(invoice, of: customerID, line: line) else { return }
                let settled = min(note.amount.minorUnits, invoices[invoice]!.open)
                invoices[invoice]!.open -= settled
                customers[customerID]!.unapplied += note.amount.minorUnits - settled
            } else {
                customers[customerID]!.unapplied += settle(note.amount.minorUnits, customer: customerID)
            }
        case .creditApplied(let credit):
            guard exists(credit.invoice, of: customerID, line: line) else { return }
            let amount = credit.amount.minorUnits
            if amount <= 0 { fail(line, "credit applied \(credit.amount)") }
            if amount > customers[customerID]!.unapplied {
                fail(line, "credit applied \(credit.amount) exceeds unapplied \(customers[customerID]!.unapplied)")
            }
            if amount > invoices[credit.invoice]!.open { fail(line, "credit applied beyond the open amount") }
            let settled = min(amount, invoices[credit.invoice]!.open)
            invoices[credit.invoice]!.open -= settled
            customers[customerID]!.unapplied -= settled
        case .disputeOpened(let opened):
            if disputes[opened.dispute] != nil { fail(line, "dispute \(opened.dispute) opened twice") }
            if let amount = opened.amount, !amount.isPositive || amount.minorUnits > invoices[opened.invoice]!.open {
                fail(line, "dispute amount \(amount) outside the open amount")
            }
            disputes[opened.dispute] = (customerID, false)
        case .disputeResolved(let resolved):
            if disputes[resolved.dispute]!.resolved { fail(line, "dispute \(resolved.dispute) resolved twice") }
            if resolved.outcome == nil { fail(line, "dispute resolved without outcome") }
            disputes[resolved.dispute]!.resolved = true
        case .promiseMade(let promise):
            if !promise.amount.isPositive { fail(line, "promise amount \(promise.amount)") }
            for invoice in promise.invoices { _ = exists(invoice, of: customerID, line: line) }
        case .reminderSent(let reminder):
            if reminder.invoices.isEmpty { fail(line, "reminder without invoices") }
            for invoice in reminder.invoices { _ = exists(invoice, of: customerID, line: line) }
        }
    }

    /// The customer an event belongs to: named, or found through its document.
    private mutating func customer(of event: Event, line: Int) -> CustomerID? {
        let owner: CustomerID?
        switch event {
        case .orderCancelled(let cancelled): owner = orders[cancelled.order]?.customer
        case .disputeOpened(let opened): owner = invoices[opened.invoice]?.customer
        case .disputeResolved(let resolved): owner = disputes[resolved.dispute]?.customer
        default: return event.namedCustomer
        }
        guard let owner else {
            fail(line, "\(event.type.rawValue) names a document unknown at this place")
            return nil
        }
        if let named = event.namedCustomer, named != owner { fail(line, "document of another customer") }
        return owner
    }

    private mutating func exists(_ invoice: InvoiceID, of customer: CustomerID, line: Int) -> Bool {
        guard let record = invoices[invoice], record.customer == customer else {
            fail(line, "invoice \(invoice) does not exist for \(customer) at this place")
            return false
        }
        return true
    }

    private mutating func applyInvoice(_ issued: InvoiceIssued, customer: CustomerID, line: Int) {
        if invoices[issued.invoice] != nil { fail(line, "invoice \(issued.invoice) issued twice") }
        if !issued.amount.isPositive { fail(line, "invoice amount \(issued.amount)") }
        let dueOn = issued.dueOn ?? issued.on.adding(days: customers[customer]!.termsDays)
        if dueOn < issued.on { fail(line, "due before issue") }
        if let orderID = issued.order {
            guard let order = orders[orderID], order.customer == customer else {
                fail(line, "order \(orderID) does not exist for \(customer) at this place")
                return
            }
            if order.cancelled { fail(line, "invoice on a cancelled order") }
            orders[orderID]!.invoiced += issued.amount.minorUnits
        }
        invoices[issued.invoice] = Invoice(
            customer: customer,
            issuedOn: issued.on,
            dueOn: dueOn,
            open: issued.amount.minorUnits
        )
        customers[customer]!.invoices.append(issued.invoice)
    }

    private mutating func applyPayment(_ payment: PaymentReceived, customer: CustomerID, line: Int) {
        let amount = payment.amount.minorUnits
        if amount <= 0 { fail(line, "payment amount \(payment.amount)") }
        guard !payment.allocations.isEmpty else {
            customers[customer]!.unapplied += settle(amount, customer: customer)
            return
        }
        var allocated: Int64 = 0
        var applied: Int64 = 0
        for allocation in payment.allocations {
            guard exists(allocation.invoice, of: customer, line: line) else { return }
            let cents = allocation.amount.minorUnits
            if cents <= 0 { fail(line, "allocation \(allocation.amount)") }
            if cents > invoices[allocation.invoice]!.open {
                fail(line, "allocation \(allocation.amount) beyond the open amount of \(allocation.invoice)")
            }
            allocated += cents
            let settled = min(cents, invoices[allocation.invoice]!.open)
            invoices[allocation.invoice]!.open -= settled
            applied += settled
        }
        if allocated > amount { fail(line, "allocations \(allocated) exceed the payment \(amount)") }
        customers[customer]!.unapplied += amount - applied
    }

    /// Settles by earliest due date, then issue date, then id byte order; returns the rest.
    private mutating func settle(_ amount: Int64, customer: CustomerID) -> Int64 {
        let open = customers[customer]!.invoices.filter { invoices[$0]!.open > 0 }.sorted { lhs, rhs in
            let left = invoices[lhs]!
            let right = invoices[rhs]!
            if left.dueOn != right.dueOn { return left.dueOn < right.dueOn }
            if left.issuedOn != right.issuedOn { return left.issuedOn < right.issuedOn }
            return lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
        }
        var rest = amount
        for invoice in open where rest > 0 {
            let settled = min(rest, invoices[invoice]!.open)
            invoices[invoice]!.open -= settled
            rest -= settled
        }
        customers[customer]!.invoices.removeAll { invoices[$0]!.open == 0 }
        return rest
    }
}
