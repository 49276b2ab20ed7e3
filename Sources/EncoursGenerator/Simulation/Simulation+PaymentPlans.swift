import EncoursCore

extension Simulation {
    /// When the customer means to pay a new invoice, by its habits; `nil`: it will not.
    mutating func initialPaymentDay(_ invoice: Int32) -> Day? {
        let record = invoices[Int(invoice)]
        switch customers[Int(record.customer)].plan.behaviour {
        case .punctual:
            if percent(15) { return min(record.dueOn, record.issuedOn.adding(days: random.int(in: 3...10))) }
            return record.dueOn.adding(days: random.int(in: -4...2))
        case .late:
            return record.dueOn.adding(days: random.int(in: 2...35))
        case .chronic:
            return record.dueOn.adding(days: random.int(in: 20...100))
        case .defaulting:
            return percent(12) ? record.dueOn.adding(days: random.int(in: 60...150)) : nil
        }
    }

    /// When the customer pays what is left after a dispute or a partial payment; `nil`: never.
    mutating func laterPaymentDay(_ invoice: Int32) -> Day? {
        switch customers[Int(invoices[Int(invoice)].customer)].plan.behaviour {
        case .punctual, .late: today.adding(days: random.int(in: 5...30))
        case .chronic: today.adding(days: random.int(in: 15...60))
        case .defaulting: percent(25) ? today.adding(days: random.int(in: 30...90)) : nil
        }
    }

    /// Plans the payment of `invoice` on the first business day from `day`, or in the
    /// customer's next payment run after it. A plan after the period is no plan.
    mutating func planPayment(_ invoice: Int32, on day: Day) {
        let index = Int(invoices[Int(invoice)].customer)
        var payDay = BusinessCalendar.businessDay(onOrAfter: max(day, today))
        let runDay = customers[index].plan.paymentRunDay
        if runDay != 0 {
            payDay = BusinessCalendar.businessDay(onOrAfter: BusinessCalendar.nextDayOfMonth(runDay, onOrAfter: payDay))
        }
        guard payDay <= end else {
            invoices[Int(invoice)].plannedPaymentOn = nil
            return
        }
        invoices[Int(invoice)].plannedPaymentOn = payDay
        guard runDay != 0 else {
            agenda.schedule(.payInvoice(invoice: invoice), on: payDay, today: today)
            return
        }
        if let run = customers[index].paymentRuns.first(where: { $0.day == payDay }) {
            batches.add(invoice, to: run.batch)
        } else {
            let batch = batches.make([invoice])
            customers[index].paymentRuns.append((payDay, batch))
            agenda.schedule(.payBatch(batch: batch), on: payDay, today: today)
        }
    }

    /// Pays a batch: a payment run, or the invoices of a kept promise.
    mutating func payBatch(_ batch: Int32) {
        let list = batches.take(batch)
        guard let first = list.first else { return }
        let index = Int(invoices[Int(first)].customer)
        customers[index].paymentRuns.removeAll { $0.batch == batch }
        payPlanned(list)
    }

    /// Pays those of `list` still planned for today, open and undisputed, in one payment.
    mutating func payPlanned(_ list: [Int32]) {
        var items: [Int32] = []
        for invoice in list {
            let record = invoices[Int(invoice)]
            guard record.plannedPaymentOn == today, record.openCents > 0, !record.disputed else { continue }
            invoices[Int(invoice)].plannedPaymentOn = nil
            items.append(invoice)
        }
        guard let first = items.first else { return }
        pay(Int(invoices[Int(first)].customer), items)
    }
}
