extension PromiseReport {
    /// `{"as_of", "currency", "promise_grace_days", "customers": [{"customer", "promises": [...],
    /// "kept", "broken", "pending"}], "total": {"kept", "broken", "pending"}}` (docs/api.md).
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("currency", currency)
        writer.key("promise_grace_days")
        writer.raw(String(graceDays))
        writer.key("customers")
        writer.beginArray()
        for customer in customers {
            writer.beginObject()
            writer.member("customer", customer.customer.rawValue)
            writer.key("promises")
            writer.beginArray()
            for outcome in customer.promises { PromiseReport.write(outcome, to: &writer) }
            writer.endArray()
            PromiseReport.write(customer.totals, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("total")
        writer.beginObject()
        PromiseReport.write(total, to: &writer)
        writer.endObject()
        writer.endObject()
        return writer.text
    }

    /// `{"promise", "made_on", "due_on", "until", "amount", "paid", "status", "kept_on",
    /// "broke_on", "invoices"}`: one promise, as the promises report and the dunning worklist
    /// show it.
    static func write(_ outcome: PromiseOutcome, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("promise", outcome.promise.id.rawValue)
        writer.member("made_on", outcome.promise.madeOn.description)
        writer.member("due_on", outcome.promise.dueOn.description)
        writer.member("until", outcome.until.description)
        writer.member("amount", outcome.promise.amount)
        writer.member("paid", outcome.paid)
        writer.member("status", outcome.status.rawValue)
        writer.key("kept_on")
        if let keptOn = outcome.keptOn { writer.string(keptOn.description) } else { writer.null() }
        writer.key("broke_on")
        if let brokeOn = outcome.brokeOn { writer.string(brokeOn.description) } else { writer.null() }
        writer.key("invoices")
        writer.beginArray()
        for invoice in outcome.promise.invoices { writer.string(invoice.rawValue) }
        writer.endArray()
        writer.endObject()
    }

    private static func write(_ totals: PromiseTotals, to writer: inout JSONWriter) {
        for (name, tally) in [("kept", totals.kept), ("broken", totals.broken), ("pending", totals.pending)] {
            writer.key(name)
            writer.beginObject()
            writer.key("count")
            writer.raw(String(tally.count))
            writer.member("amount", tally.amount)
            writer.endObject()
        }
    }

    /// One row per customer with promises: count and amount of each status; the ledger's
    /// totals underneath.
    public var table: ReportTable {
        func cells(_ totals: PromiseTotals) -> [String] {
            [totals.kept, totals.broken, totals.pending].flatMap { [String($0.count), $0.amount.decimalString] }
        }
        return ReportTable(
            headers: ["customer", "kept", "kept_amount", "broken", "broken_amount", "pending", "pending_amount"],
            alignments: [.left] + Array(repeating: .right, count: 6),
            rows: customers.map { [$0.customer.rawValue] + cells($0.totals) },
            totals: ["TOTAL"] + cells(total)
        )
    }
}
