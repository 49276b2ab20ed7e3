extension AccountStatement {
    /// `GET /v1/customers/{id}/statement` (docs/api.md, "Statement of account"): the
    /// contract's amounts (strings, 2 decimals), unapplied credit negative in the ageing.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("currency", currency)
        writer.key("company")
        writer.beginObject()
        writer.optionalMember("name", letterhead.name)
        writer.key("address")
        writer.beginArray()
        for line in letterhead.address { writer.string(line) }
        writer.endArray()
        writer.endObject()
        writer.member("customer", customer.rawValue)
        writer.optionalMember("legal_name", legalName)
        writer.optionalMember("trade_name", tradeName)
        writer.optionalMember("siren", siren)
        writer.key("terms_days")
        writer.raw(String(termsDays))
        writer.key("invoices")
        writer.beginArray()
        for invoice in invoices { invoice.write(to: &writer) }
        writer.endArray()
        writer.key("credits")
        writer.beginArray()
        for credit in credits {
            writer.beginObject()
            writer.member("kind", credit.kind.rawValue)
            writer.member("document", credit.document)
            writer.member("on", credit.on.description)
            writer.member("amount", credit.amount)
            writer.member("unapplied", credit.unapplied)
            writer.endObject()
        }
        writer.endArray()
        writer.key("ageing")
        writer.beginObject()
        for (name, amount) in zip(bucketNames, ageing.buckets) { writer.member(name, amount) }
        writer.member("disputed", ageing.disputed)
        writer.member("unapplied", ageing.unapplied)
        writer.member("total", ageing.total)
        writer.endObject()
        writer.key("penalties")
        writePenalties(to: &writer)
        writer.member("total_due", totalDue)
        writer.endObject()
        return writer.text
    }

    private func writePenalties(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("invoices")
        writer.beginArray()
        for line in penalties { line.write(to: &writer) }
        writer.endArray()
        writer.member("interest", penaltyTotals.interest)
        writer.member("indemnity", penaltyTotals.indemnity)
        writer.member("total", penaltyTotals.total)
        writer.endObject()
    }

    /// One row per document: open invoices, then unapplied credits (their remainder as a
    /// negative `open`), then one `penalty` row per late invoice. The `open` column adds up
    /// to `total_due`, `interest` and `indemnity` to the penalties.
    public var table: ReportTable {
        var rows: [[String]] = []
        for invoice in invoices {
            rows.append([
                "invoice", invoice.invoice.rawValue, invoice.issuedOn.description, invoice.dueOn.description,
                String(invoice.daysPastDue), invoice.amount.decimalString, invoice.open.decimalString,
                invoice.disputed.decimalString, "", "",
            ])
        }
        for credit in credits {
            rows.append([
                credit.kind.rawValue, credit.document, credit.on.description, "", "", credit.amount.decimalString,
                (Money.zero - credit.unapplied).decimalString, "", "", "",
            ])
        }
        for line in penalties {
            rows.append([
                "penalty", line.invoice.rawValue, "", line.dueOn.description, "", "", "", "",
                line.interest.decimalString, line.indemnity.decimalString,
            ])
        }
        return ReportTable(
            headers: [
                "kind", "document", "date", "due_on", "days_past_due", "amount", "open", "disputed", "interest",
                "indemnity",
            ],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .right, .right],
            rows: rows
        )
    }
}
