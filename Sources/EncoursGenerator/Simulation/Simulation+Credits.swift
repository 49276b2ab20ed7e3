import EncoursCore

extension Simulation {
    /// Puts money on the customer's account; finance of some customers letters it later.
    mutating func addUnappliedCredit(_ index: Int, _ cents: Int64) {
        guard cents > 0 else { return }
        customers[index].unappliedCents += cents
        let customer = customers[index]
        if customer.plan.appliesCreditLater, !customer.creditApplicationScheduled {
            customers[index].creditApplicationScheduled = schedule(
                .applyCredit(customer: Int32(index)),
                inDays: random.int(in: 3...25)
            )
        }
    }

    /// Issues a credit note on `invoice` (capped at its open amount, the excess on account),
    /// or without one (settling the oldest invoices first, as a payment would).
    mutating func issueCreditNote(_ index: Int, cents: Int64, invoice: Int32?) {
        let id = CreditNoteID(numbering.next(.creditNote, year: today.year))
        outbox.append(
            .creditNoteIssued(
                CreditNoteIssued(
                    customer: customers[index].id,
                    creditNote: id,
                    amount: Money(minorUnits: cents),
                    invoice: invoice.map { invoices[Int($0)].id },
                    on: today
                )
            )
        )
        guard let invoice else {
            settleUnallocated(index, cents)
            return
        }
        let settled = min(cents, invoices[Int(invoice)].openCents)
        invoices[Int(invoice)].openCents -= settled
        addUnappliedCredit(index, cents - settled)
    }

    /// Goods sent back: part of the invoice credited, possibly after it was paid.
    mutating func creditReturn(_ invoice: Int32) {
        let record = invoices[Int(invoice)]
        issueCreditNote(
            Int(record.customer),
            cents: AmountDistribution.share(record.amountCents, percent: random.int(in: 5...40)),
            invoice: invoice
        )
    }

    /// Writes off the small balance a short payment left.
    mutating func creditBalance(_ invoice: Int32) {
        let record = invoices[Int(invoice)]
        guard record.openCents > 0, record.openCents <= 5_000 else { return }
        issueCreditNote(Int(record.customer), cents: record.openCents, invoice: invoice)
    }

    /// A year-end rebate or a commercial gesture, on no invoice in particular.
    mutating func issueCommercialCreditNote(_ index: Int) {
        let cents = Int64(random.int(in: 5_000...300_000)) * customers[index].plan.ticketScalePermille / 1000
        issueCreditNote(index, cents: max(1, cents), invoice: nil)
    }

    /// Letters unapplied credit after the fact (`credit.applied`) against the customer's
    /// oldest open undisputed invoice, never more than the credit nor the invoice's open amount.
    mutating func applyCredit(_ index: Int) {
        customers[index].creditApplicationScheduled = false
        let credit = customers[index].unappliedCents
        guard credit > 0 else { return }
        var target: Int32?
        for invoice in customers[index].settlement.pending {
            let record = invoices[Int(invoice)]
            if record.openCents > 0, !record.disputed {
                target = invoice
                break
            }
        }
        guard let invoice = target else {
            customers[index].creditApplicationScheduled = schedule(
                .applyCredit(customer: Int32(index)),
                inDays: random.int(in: 20...40)
            )
            return
        }
        let cents = min(credit, invoices[Int(invoice)].openCents)
        outbox.append(
            .creditApplied(
                CreditApplied(
                    customer: customers[index].id,
                    invoice: invoices[Int(invoice)].id,
                    amount: Money(minorUnits: cents),
                    on: today,
                    id: numbering.next(.creditApplication, year: today.year)
                )
            )
        )
        invoices[Int(invoice)].openCents -= cents
        customers[index].unappliedCents -= cents
        if customers[index].unappliedCents > 0 {
            customers[index].creditApplicationScheduled = schedule(
                .applyCredit(customer: Int32(index)),
                inDays: random.int(in: 7...30)
            )
        }
    }
}
