extension AccountState {
    /// The default payment terms when a customer's registration names none.
    public static let defaultTermsDays = 30

    /// Applies one entry at the end of this account's timeline.
    ///
    /// The caller guarantees `(on, sequence)` order. When `owners` is given, violations
    /// name the customer a foreign document belongs to; replay of a checked log passes
    /// `nil` because it cannot meet one.
    mutating func apply(_ entry: LedgerEntry, owners: OwnerView?) throws(LedgerViolation) {
        let event = entry.event
        let sequence = entry.sequence
        if case .customerRegistered(let registered) = event {
            guard registeredOn == nil else {
                throw LedgerViolation(
                    code: .customerAlreadyRegistered,
                    sequence: sequence,
                    field: "customer",
                    message: "customer \"\(customer)\" is already registered"
                )
            }
            registeredOn = registered.on
            profile = registered.profile
            if profile.termsDays == nil { profile.termsDays = AccountState.defaultTermsDays }
            if profile.policy == nil { profile.policy = .alert }
            lastDay = registered.on
            return
        }
        guard isRegistered else {
            throw LedgerViolation(
                code: .customerNotRegistered,
                sequence: sequence,
                field: "customer",
                message: "customer \"\(customer)\" is not registered on \(event.on)"
            )
        }
        switch event {
        case .customerRegistered:
            break
        case .customerUpdated(let updated):
            profile.merge(updated.profile)
        case .creditLimitSet(let decision):
            if let until = decision.until, until < decision.on {
                throw LedgerViolation(
                    code: .invalidDates,
                    sequence: sequence,
                    field: "until",
                    message: "\(until) is before the decision's date \(decision.on)"
                )
            }
            limitDecisions.append(
                LimitDecision(
                    limit: decision.limit,
                    decidedOn: decision.on,
                    until: decision.until,
                    reason: decision.reason
                )
            )
        case .customerBlocked:
            blocked = true
        case .customerUnblocked:
            blocked = false
        case .orderPlaced(let placed):
            try applyOrderPlaced(placed, sequence: sequence)
        case .orderCancelled(let cancelled):
            let index = try orderIndex(cancelled.order, field: "order", sequence: sequence, owners: owners)
            guard orders[index].cancelledOn == nil else {
                throw LedgerViolation(
                    code: .orderAlreadyCancelled,
                    sequence: sequence,
                    field: "order",
                    message: "order \"\(cancelled.order)\" is already cancelled"
                )
            }
            orders[index].cancelledOn = cancelled.on
        case .invoiceIssued(let issued):
            try applyInvoiceIssued(issued, sequence: sequence, owners: owners)
        case .creditNoteIssued(let note):
            if let invoice = note.invoice {
                let index = try invoiceIndex(invoice, field: "invoice", sequence: sequence, owners: owners)
                unappliedCredit += settle(note.amount, invoiceAt: index, on: note.on)
            } else {
                unappliedCredit += settlementQueue.settle(note.amount, on: note.on, invoices: &invoices)
            }
        case .paymentReceived(let payment):
            try applyPayment(payment, sequence: sequence, owners: owners)
            if !promises.isEmpty {
                paymentsSinceFirstPromise.append(DatedPayment(day: payment.on, amount: payment.amount))
            }
        case .creditApplied(let credit):
            let index = try invoiceIndex(credit.invoice, field: "invoice", sequence: sequence, owners: owners)
            guard credit.amount <= unappliedCredit else {
                throw LedgerViolation(
                    code: .creditExceedsUnapplied,
                    sequence: sequence,
                    field: "amount",
                    message: "\(credit.amount) is more than the customer's unapplied credit (\(unappliedCredit))"
                )
            }
            unappliedCredit -= credit.amount - settle(credit.amount, invoiceAt: index, on: credit.on)
        case .disputeOpened(let opened):
            try applyDisputeOpened(opened, sequence: sequence, owners: owners)
        case .disputeResolved(let resolved):
            let index = try disputeIndex(resolved.dispute, field: "dispute", sequence: sequence, owners: owners)
            guard disputes[index].isOpen else {
                throw LedgerViolation(
                    code: .disputeAlreadyResolved,
                    sequence: sequence,
                    field: "dispute",
                    message: "dispute \"\(resolved.dispute)\" is already resolved"
                )
            }
            disputes[index].resolvedOn = resolved.on
            disputes[index].outcome = resolved.outcome
        case .promiseMade(let promise):
            try checkInvoices(promise.invoices, sequence: sequence, owners: owners)
            guard !promiseIDs.contains(promise.promise) else {
                throw LedgerViolation(
                    code: .documentAlreadyExists,
                    sequence: sequence,
                    field: "promise",
                    message: "promise \"\(promise.promise)\" already exists"
                )
            }
            promiseIDs.insert(promise.promise)
            promises.append(
                PromiseState(
                    id: promise.promise,
                    amount: promise.amount,
                    madeOn: promise.on,
                    dueOn: promise.dueOn,
                    invoices: promise.invoices,
                    paymentsBefore: Int32(paymentsSinceFirstPromise.count)
                )
            )
            lastContact = ContactRecord(day: promise.on, kind: .promise)
        case .reminderSent(let reminder):
            try applyReminder(reminder, sequence: sequence, owners: owners)
        case .noteLogged(let note):
            notesLogged += 1
            lastContact = ContactRecord(day: note.on, kind: .note)
        }
        lastDay = event.on
    }

    private mutating func applyOrderPlaced(_ placed: OrderPlaced, sequence: Int64) throws(LedgerViolation) {
        guard orderIndex[placed.order] == nil else {
            throw LedgerViolation(
                code: .documentAlreadyExists,
                sequence: sequence,
                field: "order",
                message: "order \"\(placed.order)\" already exists"
            )
        }
        orderIndex[placed.order] = Int32(orders.count)
        orders.append(OrderState(id: placed.order, amount: placed.amount, placedOn: placed.on, invoiced: .zero))
    }

    private mutating func applyInvoiceIssued(
        _ issued: InvoiceIssued,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) {
        guard invoiceIndex[issued.invoice] == nil else {
            throw LedgerViolation(
                code: .documentAlreadyExists,
                sequence: sequence,
                field: "invoice",
                message: "invoice \"\(issued.invoice)\" already exists"
            )
        }
        let dueOn = issued.dueOn ?? issued.on.adding(days: profile.termsDays ?? AccountState.defaultTermsDays)
        guard dueOn >= issued.on else {
            throw LedgerViolation(
                code: .invalidDates,
                sequence: sequence,
                field: "due_on",
                message: "\(dueOn) is before the invoice date \(issued.on)"
            )
        }
        if let order = issued.order {
            let index = try orderIndex(order, field: "order", sequence: sequence, owners: owners)
            orders[index].invoiced += issued.amount
        }
        let index = Int32(invoices.count)
        invoiceIndex[issued.invoice] = index
        invoices.append(
            InvoiceState(
                id: issued.invoice,
                amount: issued.amount,
                issuedOn: issued.on,
                dueOn: dueOn,
                order: issued.order,
                settled: .zero,
                disputes: []
            )
        )
        settlementQueue.insert(index, invoices: invoices)
    }

    private mutating func applyPayment(
        _ payment: PaymentReceived,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) {
        if payment.allocations.isEmpty {
            unappliedCredit += settlementQueue.settle(payment.amount, on: payment.on, invoices: &invoices)
            return
        }
        var allocated = Money.zero
        var indices: [Int] = []
        indices.reserveCapacity(payment.allocations.count)
        for (position, allocation) in payment.allocations.enumerated() {
            indices.append(
                try invoiceIndex(
                    allocation.invoice,
                    field: "allocations[\(position)].invoice",
                    sequence: sequence,
                    owners: owners
                )
            )
            allocated += allocation.amount
        }
        guard allocated <= payment.amount else {
            throw LedgerViolation(
                code: .allocationsExceedPayment,
                sequence: sequence,
                field: "allocations",
                message: "allocations total \(allocated), more than the payment's amount \(payment.amount)"
            )
        }
        var applied = Money.zero
        for (position, allocation) in payment.allocations.enumerated() {
            applied += allocation.amount - settle(allocation.amount, invoiceAt: indices[position], on: payment.on)
        }
        unappliedCredit += payment.amount - applied
    }

    private mutating func applyDisputeOpened(
        _ opened: DisputeOpened,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) {
        let invoice = try invoiceIndex(opened.invoice, field: "invoice", sequence: sequence, owners: owners)
        guard disputeIndex[opened.dispute] == nil else {
            throw LedgerViolation(
                code: .documentAlreadyExists,
                sequence: sequence,
                field: "dispute",
                message: "dispute \"\(opened.dispute)\" already exists"
            )
        }
        let index = Int32(disputes.count)
        disputeIndex[opened.dispute] = index
        disputes.append(
            DisputeState(
                id: opened.dispute,
                invoiceIndex: Int32(invoice),
                amount: opened.amount ?? invoices[invoice].openAmount,
                reason: opened.reason,
                openedOn: opened.on
            )
        )
        invoices[invoice].disputes.append(index)
    }

    private mutating func applyReminder(
        _ reminder: ReminderSent,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) {
        let start = reminderInvoices.count
        for (position, id) in reminder.invoices.enumerated() {
            do {
                let index = try invoiceIndex(id, field: "invoices[\(position)]", sequence: sequence, owners: owners)
                reminderInvoices.append(Int32(index))
            } catch {
                // A timeline rebuilt around a violation goes on without this reminder.
                reminderInvoices.removeSubrange(start...)
                throw error
            }
        }
        reminders.append(
            ReminderRecord(
                level: reminder.level,
                channel: reminder.channel,
                day: reminder.on,
                invoiceStart: Int32(start),
                invoiceCount: Int32(reminderInvoices.count - start)
            )
        )
        lastContact = ContactRecord(day: reminder.on, kind: .reminder, level: reminder.level, channel: reminder.channel)
    }

    /// Settles up to `amount` of one invoice, capped at its open amount; returns the excess.
    private mutating func settle(_ amount: Money, invoiceAt index: Int, on day: Day) -> Money {
        let applied = min(amount, invoices[index].openAmount)
        guard applied.isPositive else { return amount }
        invoices[index].settled += applied
        if !invoices[index].openAmount.isPositive {
            invoices[index].paidOn = day
            settlementQueue.advanceHead(invoices: invoices)
        }
        return amount - applied
    }
}
