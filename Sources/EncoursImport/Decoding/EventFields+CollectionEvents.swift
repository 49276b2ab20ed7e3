import EncoursCore

extension EventFields {
    mutating func disputeOpened() -> Event {
        .disputeOpened(
            DisputeOpened(
                invoice: requiredID(.invoice),
                dispute: requiredID(.dispute),
                amount: optionalAmount(.amount),
                reason: optionalText(.reason),
                customer: optionalID(.customer),
                on: requiredDay(.on)
            )
        )
    }

    mutating func disputeResolved() -> Event {
        .disputeResolved(
            DisputeResolved(
                dispute: requiredID(.dispute),
                outcome: optionalChoice(.outcome, as: DisputeOutcome.self),
                customer: optionalID(.customer),
                on: requiredDay(.on)
            )
        )
    }

    mutating func promiseMade() -> Event {
        .promiseMade(
            PromiseMade(
                customer: requiredID(.customer),
                promise: requiredID(.promise),
                amount: requiredAmount(.amount),
                dueOn: requiredDay(.dueOn),
                invoices: idArray(.invoices),
                on: requiredDay(.on)
            )
        )
    }

    mutating func reminderSent() -> Event {
        .reminderSent(
            ReminderSent(
                customer: requiredID(.customer),
                level: requiredText(.level),
                channel: optionalText(.channel),
                invoices: idArray(.invoices),
                note: optionalText(.note),
                on: requiredDay(.on),
                id: optionalNonEmptyText(.id)
            )
        )
    }

    mutating func noteLogged() -> Event {
        .noteLogged(
            NoteLogged(
                customer: requiredID(.customer),
                text: requiredText(.text),
                tags: stringArray(.tags),
                on: requiredDay(.on),
                id: optionalNonEmptyText(.id)
            )
        )
    }
}
