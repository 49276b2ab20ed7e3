import EncoursCore

extension Simulation {
    /// The weekly dunning review of one account ("relance"): each open, undisputed invoice
    /// moves up the scenario as it ages (pre-due reminder, reminder 1 and 2, formal notice,
    /// litigation). One reminder goes out at the highest step reached, listing the invoices
    /// that moved up, plus a separate pre-due reminder. Calls bring promises to pay; a formal
    /// notice may block the account, and a cleared account is unblocked.
    mutating func reviewDunning(_ index: Int) {
        schedule(.dunningReview(customer: Int32(index)), inDays: 7)
        customers[index].settlement.compact(invoices: invoices)
        let plan = customers[index].plan
        var dueSoon: [InvoiceID] = []
        var escalated: [InvoiceID] = []
        var highest = DunningLevel.none
        var called: [Int32] = []
        var longestOverdueDays = Int.min
        for invoice in customers[index].settlement.pending {
            let record = invoices[Int(invoice)]
            let daysPastDue = today.days(since: record.dueOn)
            if daysPastDue < -7 { break }
            guard !record.disputed, record.openCents > 0 else { continue }
            longestOverdueDays = max(longestOverdueDays, daysPastDue)
            let level = dunningLevel(daysPastDue: daysPastDue, current: record.dunningLevel, plan: plan)
            guard level > record.dunningLevel else { continue }
            invoices[Int(invoice)].dunningLevel = level
            if level == .preDue {
                dueSoon.append(record.id)
                continue
            }
            escalated.append(record.id)
            highest = max(highest, level)
            if level == .reminder2 || level == .formalNotice { called.append(invoice) }
        }
        if !dueSoon.isEmpty { sendReminder(index, level: .preDue, invoices: dueSoon) }
        if !escalated.isEmpty { sendReminder(index, level: highest, invoices: escalated) }
        if !called.isEmpty, percent(promisePercent(plan.behaviour)) {
            makePromise(index, invoices: called)
        }
        reviewBlock(index, formalNotice: highest >= .formalNotice, longestOverdueDays: longestOverdueDays)
    }

    /// Blocks some accounts whose formal notice went unheeded (more often under the `block`
    /// policy), and unblocks them once nothing is a month overdue; finance does not flip an
    /// account back and forth within weeks.
    private mutating func reviewBlock(_ index: Int, formalNotice: Bool, longestOverdueDays: Int) {
        let customer = customers[index]
        let settled = customer.lastBlockChange.map { today.days(since: $0) >= 45 } ?? true
        if formalNotice, !customer.blocked, settled, percent(customer.policy == .block ? 50 : 10) {
            setBlocked(
                index,
                true,
                reason: random.pick(["Mise en demeure restée sans effet", "Retards de paiement répétés"])
            )
        } else if customer.blocked, settled, longestOverdueDays <= 30 {
            setBlocked(index, false, reason: random.pick(["Compte régularisé", "Règlement reçu"]))
        }
    }

    private func dunningLevel(daysPastDue: Int, current: DunningLevel, plan: CustomerPlan) -> DunningLevel {
        switch daysPastDue {
        case 60...:
            let escalates = current >= .formalNotice && (plan.behaviour == .chronic || plan.behaviour == .defaulting)
            return escalates ? .litigation : .formalNotice
        case 30...: return .formalNotice
        case 15...: return .reminder2
        case 5...: return .reminder1
        case -7...(-1): return plan.sendsPreDueReminders ? .preDue : .none
        default: return .none
        }
    }

    private func promisePercent(_ behaviour: PaymentBehaviour) -> Int {
        switch behaviour {
        case .punctual: 10
        case .late: 20
        case .chronic: 40
        case .defaulting: 30
        }
    }

    private mutating func sendReminder(_ index: Int, level: DunningLevel, invoices: [InvoiceID]) {
        let channel: String
        let note: String?
        switch level {
        case .none, .preDue:
            channel = "email"
            note = "Rappel avant échéance"
        case .reminder1:
            channel = percent(85) ? "email" : "letter"
            note = "Relevé de compte joint"
        case .reminder2:
            channel = percent(50) ? "phone" : "email"
            note = percent(50) ? "Relance ferme" : nil
        case .formalNotice:
            channel = "registered_letter"
            note = "Mise en demeure : pénalités de retard et indemnité forfaitaire de 40 EUR (art. L441-10)"
        case .litigation:
            channel = percent(50) ? "letter" : "registered_letter"
            note = "Dossier transmis pour injonction de payer"
        }
        outbox.append(
            .reminderSent(
                ReminderSent(
                    customer: customers[index].id,
                    level: level.name,
                    channel: channel,
                    invoices: invoices,
                    note: note,
                    on: today,
                    id: numbering.next(.reminder, year: today.year)
                )
            )
        )
        if level == .litigation, percent(50) {
            self.note(index, "Dossier contentieux ouvert", tags: ["litigation"])
        }
    }

    /// A promise to pay the invoices just reminded by a given date; kept promises move
    /// their payment to that date at the latest, broken ones change nothing.
    private mutating func makePromise(_ index: Int, invoices list: [Int32]) {
        let plan = customers[index].plan
        let dueOn = BusinessCalendar.businessDay(onOrAfter: today.adding(days: random.int(in: 5...15)))
        let cents = list.reduce(Int64(0)) { $0 + invoices[Int($1)].openCents }
        let id = PromiseID(numbering.next(.promise, year: today.year))
        outbox.append(
            .promiseMade(
                PromiseMade(
                    customer: customers[index].id,
                    promise: id,
                    amount: Money(minorUnits: cents),
                    dueOn: dueOn,
                    invoices: list.map { invoices[Int($0)].id },
                    on: today
                )
            )
        )
        if percent(50) {
            note(index, "Appel de relance : le client promet un règlement pour le \(dueOn)", tags: ["call", "promise"])
        }
        let keptPercent: Int =
            switch plan.behaviour {
            case .punctual: 95
            case .late: 85
            case .chronic: 60
            case .defaulting: 15
            }
        guard percent(keptPercent) else { return }
        let earliest = today.adding(days: 1)
        var payDay = BusinessCalendar.businessDay(onOrBefore: dueOn.adding(days: -random.below(4)))
        if payDay < earliest { payDay = dueOn }
        guard payDay <= end else { return }
        var batch: [Int32] = []
        for invoice in list {
            if let planned = invoices[Int(invoice)].plannedPaymentOn, planned <= payDay { continue }
            invoices[Int(invoice)].plannedPaymentOn = payDay
            batch.append(invoice)
        }
        guard !batch.isEmpty else { return }
        agenda.schedule(.payBatch(batch: batches.make(batch)), on: payDay, today: today)
    }

    private mutating func setBlocked(_ index: Int, _ blocked: Bool, reason: String) {
        customers[index].blocked = blocked
        customers[index].lastBlockChange = today
        let change = CustomerBlockChange(
            customer: customers[index].id,
            reason: reason,
            on: today,
            id: numbering.next(blocked ? .block : .unblock, year: today.year)
        )
        outbox.append(blocked ? .customerBlocked(change) : .customerUnblocked(change))
    }
}
