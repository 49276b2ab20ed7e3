import EncoursCore

/// Turns an FEC's lettering into what the ledger records: allocations on payments, and the
/// invoice a credit note offsets.
///
/// Lines of one customer with the same `EcritureLet` were matched by the accountant: the
/// payments in the group settle the group's invoices. The FEC does not say which payment
/// settles which invoice, so each payment settles the group's invoices oldest first, never
/// more than what remains of one, and only invoices issued by the payment's date (the
/// ledger knows no later one then); what is left of it stays unallocated (unapplied
/// credit). A credit note in a group offsets the oldest invoice whose remaining amount
/// equals it, else the oldest that covers it whole; when none does, it names no invoice
/// and the ledger spreads it as a payment.
enum FECLettering {
    /// Settles one group: `members` index `documents`, all of one customer and one letter.
    static func settle(_ members: some Collection<Int>, in documents: inout [FECDocument]) {
        let ordered = members.sorted { FECDocument.precedes(documents[$0], documents[$1]) }
        var open: [(index: Int, remaining: Money)] = []
        var firstOpen = 0
        for index in ordered {
            let amount = documents[index].amount
            switch documents[index].kind {
            case .invoice:
                open.append((index, amount))
            case .creditNote:
                let candidates = open.indices.dropFirst(firstOpen)
                guard
                    let target = candidates.first(where: { open[$0].remaining == amount })
                        ?? candidates.first(where: { open[$0].remaining >= amount })
                else { continue }
                documents[index].invoice = documents[open[target].index].id
                open[target].remaining -= amount
            case .payment:
                var rest = amount
                var position = firstOpen
                while rest.isPositive, position < open.count {
                    let take = min(rest, open[position].remaining)
                    if take.isPositive {
                        let invoice = InvoiceID(documents[open[position].index].id)
                        documents[index].allocations.append(Allocation(invoice: invoice, amount: take))
                        open[position].remaining -= take
                        rest -= take
                    }
                    position += 1
                }
            }
            while firstOpen < open.count, !open[firstOpen].remaining.isPositive { firstOpen += 1 }
        }
    }
}
