import EncoursCore

/// A payment recorded late: it takes effect at the end of its day, and is written out among
/// a later day's events, as when a bank statement is booked days after the value date.
struct LatePayment {
    let customer: Int
    let cents: Int64
    let event: Event
}

extension Simulation {
    /// Chance that an unallocated payment of a customer whose credit is never lettered after
    /// the fact is recorded late: about 1 % of all unallocated payments.
    static let lateRecordingProbability = 0.016

    /// One payment for `items`: usually their open amounts exactly, sometimes partial, over
    /// or short, with explicit allocations or left to settle the oldest invoices first.
    mutating func pay(_ index: Int, _ items: [Int32]) {
        var amounts = items.map { invoices[Int($0)].openCents }
        var total = amounts.reduce(0, +)
        var paysRestLater = false
        var shortPaid: Int32?
        let style = random.below(100)
        if items.count == 1, style < 6 {
            amounts[0] = AmountDistribution.share(total, percent: random.int(in: 30...70))
            total = amounts[0]
            paysRestLater = true
        } else if style < 9 {
            // Paid twice, or rounded up: the excess becomes unapplied credit.
            total += AmountDistribution.share(total, percent: random.int(in: 1...10))
        } else if style < 12, amounts[amounts.count - 1] >= 10_000 {
            // Bank charges or an unauthorised discount deducted from the last invoice.
            let deduction = Int64(random.int(in: 500...2_500))
            amounts[amounts.count - 1] -= deduction
            total -= deduction
            shortPaid = items[items.count - 1]
        }

        // Fields, not the whole customer: a copy would share, then duplicate, its invoice queue.
        let customerID = customers[index].id
        let plan = customers[index].plan
        let id = PaymentID(numbering.next(.payment, year: today.year))
        if percent(plan.allocationPercent) {
            let allocations = zip(items, amounts).map {
                Allocation(invoice: invoices[Int($0.0)].id, amount: Money(minorUnits: $0.1))
            }
            outbox.append(
                .paymentReceived(
                    PaymentReceived(
                        customer: customerID,
                        payment: id,
                        amount: Money(minorUnits: total),
                        on: today,
                        allocations: allocations
                    )
                )
            )
            var applied: Int64 = 0
            for (invoice, cents) in zip(items, amounts) {
                let settled = min(cents, invoices[Int(invoice)].openCents)
                invoices[Int(invoice)].openCents -= settled
                applied += settled
            }
            addUnappliedCredit(index, total - applied)
        } else {
            let event = Event.paymentReceived(
                PaymentReceived(customer: customerID, payment: id, amount: Money(minorUnits: total), on: today)
            )
            if !plan.appliesCreditLater, random.chance(Simulation.lateRecordingProbability) {
                latePaymentsToday.append(LatePayment(customer: index, cents: total, event: event))
            } else {
                outbox.append(event)
                settleUnallocated(index, total)
            }
        }

        if paysRestLater, let day = laterPaymentDay(items[0]) { planPayment(items[0], on: day) }
        if let invoice = shortPaid, percent(50) {
            schedule(.creditBalance(invoice: invoice), inDays: random.int(in: 10...40))
        }
    }

    /// Applies money without allocations as the ledger does: oldest due first, the rest
    /// on account.
    mutating func settleUnallocated(_ index: Int, _ cents: Int64) {
        let rest = customers[index].settlement.settle(cents, invoices: &invoices)
        addUnappliedCredit(index, rest)
    }

    /// Takes effect at the end of the day the payments recorded late of today, and holds
    /// them back to be written out 1 to 20 days later.
    mutating func recordLatePaymentsOfToday() {
        for payment in latePaymentsToday {
            settleUnallocated(payment.customer, payment.cents)
            let writeOffset = agenda.offset(of: today) + random.int(in: 1...20)
            if writeOffset < latePaymentsByWriteDay.count {
                latePaymentsByWriteDay[writeOffset].append(payment.event)
            } else {
                latePaymentsAfterPeriod.append(payment.event)
            }
        }
        latePaymentsToday.removeAll(keepingCapacity: true)
    }
}
