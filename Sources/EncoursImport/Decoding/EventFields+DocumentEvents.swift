import EncoursCore

extension EventFields {
    mutating func orderPlaced() -> Event {
        .orderPlaced(
            OrderPlaced(
                customer: requiredID(.customer),
                order: requiredID(.order),
                amount: requiredAmount(.amount),
                on: requiredDay(.on),
                override: optionalNonEmptyText(.override)
            )
        )
    }

    mutating func orderCancelled() -> Event {
        .orderCancelled(
            OrderCancelled(order: requiredID(.order), customer: optionalID(.customer), on: requiredDay(.on))
        )
    }

    mutating func invoiceIssued() -> Event {
        .invoiceIssued(
            InvoiceIssued(
                customer: requiredID(.customer),
                invoice: requiredID(.invoice),
                amount: requiredAmount(.amount),
                on: requiredDay(.on),
                dueOn: optionalDay(.dueOn),
                order: optionalID(.order)
            )
        )
    }

    mutating func creditNoteIssued() -> Event {
        .creditNoteIssued(
            CreditNoteIssued(
                customer: requiredID(.customer),
                creditNote: requiredID(.creditNote),
                amount: requiredAmount(.amount),
                invoice: optionalID(.invoice),
                on: requiredDay(.on)
            )
        )
    }

    mutating func paymentReceived() -> Event {
        .paymentReceived(
            PaymentReceived(
                customer: requiredID(.customer),
                payment: requiredID(.payment),
                amount: requiredAmount(.amount),
                on: requiredDay(.on),
                allocations: allocations()
            )
        )
    }

    mutating func creditApplied() -> Event {
        .creditApplied(
            CreditApplied(
                customer: requiredID(.customer),
                invoice: requiredID(.invoice),
                amount: requiredAmount(.amount),
                on: requiredDay(.on),
                id: optionalNonEmptyText(.id)
            )
        )
    }
}
