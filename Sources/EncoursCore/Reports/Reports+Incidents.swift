extension IncidentHistory {
    /// `{"as_of", "customer", "incidents": [{"on", "kind", "seq", "invoices", "amount",
    /// "days_late", "text", "detail"}]}` (docs/api.md, "Incident history"); absent values
    /// are `null`, never left out, so every row has the same keys.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("customer", customer.rawValue)
        writer.key("incidents")
        writer.beginArray()
        for incident in incidents {
            writer.beginObject()
            writer.member("on", incident.on.description)
            writer.member("kind", incident.kind.rawValue)
            writer.key("seq")
            writer.raw(incident.sequence.map { String($0) } ?? "null")
            writer.key("invoices")
            writer.beginArray()
            for invoice in incident.invoices { writer.string(invoice.rawValue) }
            writer.endArray()
            writer.member("amount", incident.amount)
            writer.key("days_late")
            writer.raw(incident.daysLate.map { String($0) } ?? "null")
            writer.key("text")
            if let text = incident.text { writer.string(text) } else { writer.null() }
            writer.key("detail")
            if let detail = incident.detail { writer.string(detail) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    public var table: ReportTable {
        ReportTable(
            headers: ["on", "kind", "invoices", "amount", "days_late", "detail", "text"],
            alignments: [.left, .left, .left, .right, .right, .left, .left],
            rows: incidents.map { incident in
                [
                    incident.on.description, incident.kind.rawValue,
                    incident.invoices.map(\.rawValue).joined(separator: " "),
                    incident.amount?.decimalString ?? "", incident.daysLate.map { String($0) } ?? "",
                    incident.detail ?? "", incident.text ?? "",
                ]
            }
        )
    }
}
