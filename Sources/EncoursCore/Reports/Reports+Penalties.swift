extension PenaltyReport {
    /// `{"as_of", "currency", "customers": [{"customer", "invoices": [...], "overdue",
    /// "interest", "indemnity", "total"}], "total": {...}}` (docs/api.md).
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("as_of", asOf.description)
        writer.member("currency", currency)
        writer.key("customers")
        writer.beginArray()
        for customer in customers {
            writer.beginObject()
            writer.member("customer", customer.customer.rawValue)
            writer.key("invoices")
            writer.beginArray()
            for line in customer.invoices { line.write(to: &writer) }
            writer.endArray()
            write(customer.totals, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("total")
        writer.beginObject()
        write(total, to: &writer)
        writer.endObject()
        writer.endObject()
        return writer.text
    }

    private func write(_ totals: PenaltyTotals, to writer: inout JSONWriter) {
        writer.member("overdue", totals.overdue)
        writer.member("interest", totals.interest)
        writer.member("indemnity", totals.indemnity)
        writer.member("total", totals.total)
    }

    /// One row per late invoice; the totals line is the whole report's.
    public var table: ReportTable {
        var rows: [[String]] = []
        for customer in customers {
            for line in customer.invoices {
                rows.append(
                    [
                        customer.customer.rawValue, line.invoice.rawValue, line.dueOn.description,
                        String(line.daysLate),
                    ] + PenaltyReport.cells(line.overdue, line.interest, line.indemnity, line.total)
                )
            }
        }
        return ReportTable(
            headers: ["customer", "invoice", "due_on", "days_late", "overdue", "interest", "indemnity", "total"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right],
            rows: rows,
            totals: ["TOTAL", "", "", ""]
                + PenaltyReport.cells(total.overdue, total.interest, total.indemnity, total.total)
        )
    }

    /// One row per customer with late invoices: their count and the customer's totals.
    public var customerTable: ReportTable {
        ReportTable(
            headers: ["customer", "invoices", "overdue", "interest", "indemnity", "total"],
            alignments: [.left, .right, .right, .right, .right, .right],
            rows: customers.map { customer in
                [customer.customer.rawValue, String(customer.invoices.count)]
                    + PenaltyReport.cells(
                        customer.totals.overdue,
                        customer.totals.interest,
                        customer.totals.indemnity,
                        customer.totals.total
                    )
            },
            totals: ["TOTAL", String(customers.reduce(0) { $0 + $1.invoices.count })]
                + PenaltyReport.cells(total.overdue, total.interest, total.indemnity, total.total)
        )
    }

    private static func cells(_ amounts: Money...) -> [String] {
        amounts.map(\.decimalString)
    }
}

extension PenaltyLine {
    /// `{"invoice", "due_on", "days_late", "overdue", "interest", "indemnity", "total"}`: one
    /// late invoice, in the penalties report and in a statement of account alike.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("invoice", invoice.rawValue)
        writer.member("due_on", dueOn.description)
        writer.key("days_late")
        writer.raw(String(daysLate))
        writer.member("overdue", overdue)
        writer.member("interest", interest)
        writer.member("indemnity", indemnity)
        writer.member("total", total)
        writer.endObject()
    }
}
