import EncoursCore

extension Simulation {
    static let disputeReasons = [
        "Marchandise non conforme", "Livraison incomplète", "Erreur de prix", "Produit endommagé",
        "Facture en double", "Prestation contestée",
    ]

    /// The customer contests an open invoice, in full or in part, and withholds its payment.
    mutating func openDispute(_ invoice: Int32) {
        let record = invoices[Int(invoice)]
        guard record.openCents > 0, !record.disputed else { return }
        let index = Int(record.customer)
        let explicit = percent(55) ? AmountDistribution.share(record.openCents, percent: random.int(in: 10...100)) : nil
        let id = DisputeID(numbering.next(.dispute, year: today.year))
        disputes.append(SimulatedDispute(id: id, invoice: invoice, amountCents: explicit ?? record.openCents))
        invoices[Int(invoice)].disputed = true
        invoices[Int(invoice)].plannedPaymentOn = nil
        outbox.append(
            .disputeOpened(
                DisputeOpened(
                    invoice: record.id,
                    dispute: id,
                    amount: explicit.map { Money(minorUnits: $0) },
                    reason: random.pick(Simulation.disputeReasons),
                    customer: percent(50) ? customers[index].id : nil,
                    on: today
                )
            )
        )
        if percent(40) { note(index, "Litige signalé par le client, en cours d'analyse", tags: ["dispute"]) }
        schedule(.resolveDispute(dispute: Int32(disputes.count - 1)), inDays: random.int(in: 10...60))
    }

    /// Ends a dispute: upheld ones are usually credited; then the customer pays the rest.
    mutating func resolveDispute(_ disputeIndex: Int) {
        let dispute = disputes[disputeIndex]
        let index = Int(invoices[Int(dispute.invoice)].customer)
        let upheld = percent(45)
        outbox.append(
            .disputeResolved(
                DisputeResolved(
                    dispute: dispute.id,
                    outcome: upheld ? .upheld : .rejected,
                    customer: percent(50) ? customers[index].id : nil,
                    on: today
                )
            )
        )
        invoices[Int(dispute.invoice)].disputed = false
        if upheld, percent(85) {
            schedule(.creditUpheldDispute(dispute: Int32(disputeIndex)), inDays: random.below(8))
        } else if let day = laterPaymentDay(dispute.invoice) {
            planPayment(dispute.invoice, on: day)
        }
    }

    /// The credit note for an upheld dispute, then the payment of what remains.
    mutating func creditUpheldDispute(_ disputeIndex: Int) {
        let dispute = disputes[disputeIndex]
        let index = Int(invoices[Int(dispute.invoice)].customer)
        issueCreditNote(index, cents: dispute.amountCents, invoice: dispute.invoice)
        if invoices[Int(dispute.invoice)].openCents > 0, let day = laterPaymentDay(dispute.invoice) {
            planPayment(dispute.invoice, on: day)
        }
    }
}
