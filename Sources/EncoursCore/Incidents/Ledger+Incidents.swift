extension Ledger {
    /// The customer's incidents dated up to `day`, newest first (then latest recorded
    /// first); `nil` when it is not registered by then.
    ///
    /// A promise is broken as the promise rules decide, with `promiseGraceDays` of grace.
    public func incidents(of customer: CustomerID, asOf day: Day, promiseGraceDays: Int) -> IncidentHistory? {
        guard let account = account(customer), let state = state(of: account, asOf: day) else { return nil }
        var incidents: [Incident] = []
        for outcome in state.promiseOutcomes(asOf: day, graceDays: promiseGraceDays) {
            guard outcome.status == .broken, let brokeOn = outcome.brokeOn else { continue }
            incidents.append(
                Incident(
                    on: brokeOn,
                    kind: .promiseBroken,
                    invoices: outcome.promise.invoices,
                    amount: outcome.promise.amount - outcome.paid,
                    daysLate: brokeOn.days(since: outcome.promise.dueOn),
                    detail: "promise \(outcome.promise.id) of \(outcome.promise.amount) due \(outcome.promise.dueOn), "
                        + "\(outcome.paid) paid"
                )
            )
        }
        for position in account.entryPositions {
            let entry = entries[Int(position)]
            guard entry.on <= day else { break }
            if let incident = Self.incident(from: entry, in: state) { incidents.append(incident) }
        }
        for invoice in state.invoices {
            guard let paidOn = invoice.paidOn, paidOn > invoice.dueOn else { continue }
            incidents.append(
                Incident(
                    on: paidOn,
                    kind: .latePayment,
                    invoices: [invoice.id],
                    amount: invoice.amount,
                    daysLate: paidOn.days(since: invoice.dueOn)
                )
            )
        }
        incidents.sort { lhs, rhs in
            if lhs.on != rhs.on { return lhs.on > rhs.on }
            return (lhs.sequence ?? Int64.max) > (rhs.sequence ?? Int64.max)
        }
        return IncidentHistory(asOf: day, customer: customer, incidents: incidents)
    }

    private static func incident(from entry: LedgerEntry, in state: AccountState) -> Incident? {
        let sequence = entry.sequence
        switch entry.event {
        case .disputeOpened(let opened):
            let amount = state.dispute(opened.dispute)?.amount
            return Incident(
                on: entry.on,
                kind: .disputeOpened,
                sequence: sequence,
                invoices: [opened.invoice],
                amount: amount,
                text: opened.reason,
                detail: "dispute \(opened.dispute)"
            )
        case .disputeResolved(let resolved):
            let dispute = state.dispute(resolved.dispute)
            let invoice = dispute.map { state.invoices[Int($0.invoiceIndex)].id }
            return Incident(
                on: entry.on,
                kind: .disputeResolved,
                sequence: sequence,
                invoices: invoice.map { [$0] } ?? [],
                amount: dispute?.amount,
                detail: "dispute \(resolved.dispute)" + (resolved.outcome.map { " \($0.rawValue)" } ?? "")
            )
        case .reminderSent(let reminder):
            return Incident(
                on: entry.on,
                kind: .reminder,
                sequence: sequence,
                invoices: reminder.invoices,
                text: reminder.note,
                detail: reminder.level + (reminder.channel.map { " by \($0)" } ?? "")
            )
        case .customerBlocked(let change):
            return Incident(on: entry.on, kind: .blocked, sequence: sequence, text: change.reason)
        case .customerUnblocked(let change):
            return Incident(on: entry.on, kind: .unblocked, sequence: sequence, text: change.reason)
        case .noteLogged(let note):
            return Incident(
                on: entry.on,
                kind: .note,
                sequence: sequence,
                text: note.text,
                detail: note.tags.isEmpty ? nil : note.tags.joined(separator: ", ")
            )
        default:
            return nil
        }
    }
}
