import EncoursCore

extension Simulation {
    /// The customer's next invoice slot: a direct invoice, or an order invoiced in one to
    /// three parts over the following weeks. Each slot yields exactly one invoice, so the
    /// ledger holds exactly the configured number.
    mutating func sell(_ index: Int) {
        let plan = customers[index].plan
        let remaining = plan.invoiceQuota - customers[index].invoicesIssuedOrPlanned
        guard remaining > 0 else { return }
        if percent(1) { placeOrderThatIsCancelled(index) }
        if percent(50) {
            let partsDraw = random.below(10)
            let parts = min(remaining, partsDraw < 7 ? 1 : partsDraw < 9 ? 2 : 3)
            placeOrder(index, parts: parts)
            customers[index].invoicesIssuedOrPlanned += parts
        } else {
            issueInvoice(index, cents: drawInvoiceCents(index), order: nil)
            customers[index].invoicesIssuedOrPlanned += 1
        }
        let used = customers[index].invoicesIssuedOrPlanned
        if used < plan.invoiceQuota {
            agenda.schedule(.sale(customer: Int32(index)), on: max(today, slotDay(index, slot: used)), today: today)
        }
    }

    mutating func drawInvoiceCents(_ index: Int) -> Int64 {
        AmountDistribution.invoiceCents(scalePermille: customers[index].plan.ticketScalePermille, random: &random)
    }

    private mutating func placeOrder(_ index: Int, parts: Int) {
        var planned: Int64 = 0
        for _ in 0..<parts { planned += drawInvoiceCents(index) }
        // Most orders are invoiced in full; some leave a rest that is cancelled or stays on
        // back order.
        let leavesRest = percent(12)
        let amount = leavesRest ? planned + AmountDistribution.share(planned, percent: random.int(in: 5...40)) : planned
        let order = appendOrder(
            index,
            amount: amount,
            planned: planned,
            parts: parts,
            cancelsRest: leavesRest && percent(50)
        )
        // The first delivery, hence invoice, within two weeks; kept inside the period so the
        // slot's invoice is always issued.
        let firstInvoice = BusinessCalendar.businessDay(onOrAfter: today.adding(days: random.below(15)))
        agenda.schedule(.invoiceOrder(order: order), on: min(firstInvoice, end), today: today)
    }

    private mutating func placeOrderThatIsCancelled(_ index: Int) {
        let cents = drawInvoiceCents(index)
        let order = appendOrder(index, amount: cents, planned: 0, parts: 0, cancelsRest: true)
        schedule(.cancelOrder(order: order), inDays: random.int(in: 1...20))
    }

    private mutating func appendOrder(
        _ index: Int,
        amount: Int64,
        planned: Int64,
        parts: Int,
        cancelsRest: Bool
    ) -> Int32 {
        let id = OrderID(numbering.next(.order, year: today.year))
        orders.append(
            SimulatedOrder(
                id: id,
                customer: Int32(index),
                amountCents: amount,
                plannedInvoicingCents: planned,
                invoicesToCome: parts,
                cancelsRest: cancelsRest
            )
        )
        outbox.append(
            .orderPlaced(
                OrderPlaced(customer: customers[index].id, order: id, amount: Money(minorUnits: amount), on: today)
            )
        )
        return Int32(orders.count - 1)
    }

    /// Invoices the next delivery of an order: a share of what is left, all of it at the end.
    mutating func invoiceOrder(_ orderIndex: Int) {
        let order = orders[orderIndex]
        let left = order.plannedInvoicingCents - order.invoicedCents
        let cents =
            order.invoicesToCome <= 1
            ? left : max(1, min(left - 1, AmountDistribution.share(left, percent: random.int(in: 35...65))))
        orders[orderIndex].invoicedCents += cents
        orders[orderIndex].invoicesToCome -= 1
        issueInvoice(Int(order.customer), cents: cents, order: order.id)
        if orders[orderIndex].invoicesToCome > 0 {
            let next = BusinessCalendar.businessDay(onOrAfter: today.adding(days: random.int(in: 5...25)))
            agenda.schedule(.invoiceOrder(order: Int32(orderIndex)), on: min(next, end), today: today)
        } else if order.cancelsRest {
            schedule(.cancelOrder(order: Int32(orderIndex)), inDays: random.int(in: 1...15))
        }
    }

    /// Cancels what is left of an order; never a fully invoiced or already cancelled one.
    mutating func cancelOrder(_ orderIndex: Int) {
        let order = orders[orderIndex]
        guard !order.cancelled, order.invoicedCents < order.amountCents else { return }
        orders[orderIndex].cancelled = true
        let customer = customers[Int(order.customer)].id
        outbox.append(
            .orderCancelled(OrderCancelled(order: order.id, customer: percent(50) ? customer : nil, on: today))
        )
    }

    /// Issues an invoice, plans how it will be paid, and sometimes a dispute or a return.
    mutating func issueInvoice(_ index: Int, cents: Int64, order: OrderID?) {
        let id = InvoiceID(numbering.next(.invoice, year: today.year))
        var explicitDue: Day?
        if percent(12) {
            switch random.below(3) {
            case 0: explicitDue = BusinessCalendar.lastOfMonth(today.adding(days: 45))  // 45 jours fin de mois
            case 1: explicitDue = today  // paiement à réception
            default: explicitDue = today.adding(days: 60)
            }
        }
        let dueOn = explicitDue ?? today.adding(days: customers[index].termsDays)
        let invoiceIndex = Int32(invoices.count)
        invoices.append(
            SimulatedInvoice(
                id: id,
                customer: Int32(index),
                amountCents: cents,
                openCents: cents,
                issuedOn: today,
                dueOn: dueOn
            )
        )
        customers[index].settlement.insert(invoiceIndex, invoices: invoices)
        outbox.append(
            .invoiceIssued(
                InvoiceIssued(
                    customer: customers[index].id,
                    invoice: id,
                    amount: Money(minorUnits: cents),
                    on: today,
                    dueOn: explicitDue,
                    order: order
                )
            )
        )
        if let payDay = initialPaymentDay(invoiceIndex) {
            planPayment(invoiceIndex, on: payDay)
        }
        if percent(3) { schedule(.openDispute(invoice: invoiceIndex), inDays: random.int(in: 5...40)) }
        if percent(2) { schedule(.creditReturn(invoice: invoiceIndex), inDays: random.int(in: 3...30)) }
    }
}
