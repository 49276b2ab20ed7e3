extension DunningWorklist {
    /// `{"on", "currency", "promise_grace_days", "actions": [...], "paused": [...]}`
    /// (docs/api.md, "Dunning worklist (contract extension)").
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("on", on.description)
        writer.member("currency", currency)
        writer.key("promise_grace_days")
        writer.raw(String(promiseGraceDays))
        writer.key("actions")
        writer.beginArray()
        for action in actions {
            writer.beginObject()
            writer.member("customer", action.customer.rawValue)
            DunningWorklist.write(action.step, to: &writer)
            writer.key("statement")
            writer.raw(action.step.statement ? "true" : "false")
            writer.key("penalties")
            writer.raw(action.step.penalties ? "true" : "false")
            writer.member("due_since", action.dueSince.description)
            writer.key("days_waiting")
            writer.raw(String(on.days(since: action.dueSince)))
            writer.key("days_late")
            writer.raw(String(action.daysLate))
            writer.member("open", action.open)
            writer.key("invoices")
            writer.beginArray()
            for invoice in action.invoices {
                writer.beginObject()
                DunningWorklist.write(invoice, to: &writer)
                writer.member("due_since", invoice.dueSince.description)
                writer.endObject()
            }
            writer.endArray()
            writer.key("last_contact")
            if let contact = action.lastContact {
                writer.beginObject()
                writer.member("on", contact.day.description)
                writer.member("kind", contact.kind.rawValue)
                writer.key("level")
                if let level = contact.level { writer.string(level) } else { writer.null() }
                writer.key("channel")
                if let channel = contact.channel { writer.string(channel) } else { writer.null() }
                writer.endObject()
            } else {
                writer.null()
            }
            writer.key("open_promise")
            if let promise = action.openPromise { PromiseReport.write(promise, to: &writer) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        writer.key("paused")
        writer.beginArray()
        for pause in paused {
            writer.beginObject()
            writer.member("customer", pause.customer.rawValue)
            DunningWorklist.write(pause.invoice, to: &writer)
            DunningWorklist.write(pause.step, to: &writer)
            writer.member("reason", pause.reason.rawValue)
            writer.key("promise")
            if let promise = pause.promise { writer.string(promise.promise.id.rawValue) } else { writer.null() }
            writer.key("until")
            if let until = pause.until { writer.string(until.description) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    private static func write(_ step: DunningStep, to writer: inout JSONWriter) {
        writer.member("step", step.name)
        writer.member("channel", step.channel.rawValue)
        writer.member("owner", step.owner.rawValue)
    }

    private static func write(_ invoice: DunningInvoice, to writer: inout JSONWriter) {
        writer.member("invoice", invoice.invoice.rawValue)
        writer.member("due_on", invoice.dueOn.description)
        writer.key("days_late")
        writer.raw(String(invoice.daysLate))
        writer.member("open", invoice.open)
    }

    /// One row per action, then one per paused invoice; the totals line counts and sums the
    /// actions only (a paused invoice is not to be chased).
    public var table: ReportTable {
        var rows: [[String]] = []
        var invoiceCount = 0
        var open = Money.zero
        for action in actions {
            invoiceCount += action.invoices.count
            open += action.open
            rows.append(
                [
                    action.customer.rawValue, action.step.name, action.step.channel.rawValue,
                    action.step.owner.rawValue, action.invoices.map(\.invoice.rawValue).joined(separator: " "),
                    action.open.decimalString, String(action.daysLate), String(on.days(since: action.dueSince)),
                    action.lastContact.map(DunningWorklist.text) ?? "",
                    action.openPromise.map(DunningWorklist.text) ?? "", "due",
                ]
            )
        }
        for pause in paused {
            rows.append(
                [
                    pause.customer.rawValue, pause.step.name, pause.step.channel.rawValue, pause.step.owner.rawValue,
                    pause.invoice.invoice.rawValue, pause.invoice.open.decimalString, String(pause.invoice.daysLate),
                    "", "", pause.promise.map(DunningWorklist.text) ?? "", "paused: \(pause.reason.rawValue)",
                ]
            )
        }
        return ReportTable(
            headers: [
                "customer", "step", "channel", "owner", "invoices", "open", "days_late", "days_waiting",
                "last_contact", "promise", "status",
            ],
            alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .left, .left, .left],
            rows: rows,
            totals: [
                "TOTAL", "", "", "", invoiceCount == 1 ? "1 invoice" : "\(invoiceCount) invoices", open.decimalString,
                "", "", "", "",
                "\(actions.count) due, \(paused.count) paused",
            ]
        )
    }

    /// `2026-02-03 reminder reminder_1 email`, `2026-02-10 note`.
    private static func text(_ contact: ContactRecord) -> String {
        [contact.day.description, contact.kind.rawValue, contact.level, contact.channel].compactMap { $0 }
            .joined(separator: " ")
    }

    /// `PR-7 500.00 until 2026-03-08`.
    private static func text(_ promise: PromiseOutcome) -> String {
        "\(promise.promise.id) \(promise.promise.amount.decimalString) until \(promise.until)"
    }
}
