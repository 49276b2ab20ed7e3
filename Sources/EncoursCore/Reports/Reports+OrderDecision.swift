extension OrderDecision {
    /// `POST /v1/orders/check` (docs/api.md, "Order decisions"): the decision, its figures,
    /// its causes and its ways out, every key always present.
    public var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }

    /// Writes the decision object into a larger answer (a placed order, a refusal).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("customer", customer.rawValue)
        writer.member("on", on.description)
        writer.member("amount", amount)
        writer.member("decision", outcome.rawValue)
        writer.member("policy", policy.rawValue)
        writer.member("exposure_before", exposureBefore)
        writer.member("exposure_after", exposureAfter)
        writer.member("limit", limit)
        writer.member("headroom_before", headroomBefore)
        writer.member("headroom_after", headroomAfter)
        writer.key("causes")
        writer.beginArray()
        for cause in causes { cause.write(to: &writer) }
        writer.endArray()
        writer.key("ways_out")
        writer.beginArray()
        for way in waysOut { way.write(to: &writer) }
        writer.endArray()
        writer.endObject()
    }

    /// One row per figure, cause and way out: `figure`, `value`, `detail`.
    public var table: ReportTable {
        var rows: [[String]] = [
            ["decision", outcome.rawValue, "policy \(policy.rawValue)"],
            ["amount", amount.decimalString, "order of \(customer) on \(on)"],
            ["exposure_before", exposureBefore.decimalString, ""],
            ["exposure_after", exposureAfter.decimalString, ""],
            ["limit", limit?.decimalString ?? "", limit == nil ? "no limit decided" : ""],
            ["headroom_after", headroomAfter?.decimalString ?? "", ""],
        ]
        for cause in causes {
            rows.append(["cause \(cause.kind.rawValue)", cause.amount?.decimalString ?? "", cause.detail])
        }
        for way in waysOut {
            rows.append(["way_out \(way.kind.rawValue)", way.amount.decimalString, way.detail])
        }
        return ReportTable(headers: ["figure", "value", "detail"], alignments: [.left, .right, .left], rows: rows)
    }
}

extension OrderCause {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("cause", kind.rawValue)
        writer.member("amount", amount)
        switch self {
        case .blocked(let since, let reason):
            writer.optionalMember("since", since?.description)
            writer.optionalMember("reason", reason)
        case .noLimit, .overLimit:
            break
        case .overdueInvoices(_, let count, let oldestDaysLate):
            writer.key("count")
            writer.raw(String(count))
            writer.key("oldest_days_late")
            writer.raw(String(oldestDaysLate))
        case .openDisputes(_, let count):
            writer.key("count")
            writer.raw(String(count))
        case .unusualSize(_, let median, let factor, let orders):
            writer.member("median", median)
            writer.key("factor")
            writer.raw(String(factor))
            writer.member("threshold", Money(minorUnits: median.minorUnits * Int64(factor)))
            writer.key("orders")
            writer.raw(String(orders))
        case .limitLowered(let from, let to, let on):
            writer.member("from", from)
            writer.member("to", to)
            writer.member("on", on.description)
        }
        writer.endObject()
    }

    /// The cause in words, for the table.
    var detail: String {
        switch self {
        case .blocked(let since, let reason):
            "blocked" + (since.map { " since \($0)" } ?? "") + (reason.map { ": \($0)" } ?? "")
        case .noLimit:
            "no limit decided: finance must set one"
        case .overLimit:
            "exposure after the order above the limit"
        case .overdueInvoices(_, let count, let oldestDaysLate):
            "\(counted(count, "invoice")) past due, the oldest \(oldestDaysLate) days late"
        case .openDisputes(_, let count):
            counted(count, "open dispute")
        case .unusualSize(_, let median, let factor, let orders):
            "above \(factor) × the median \(median) of \(counted(orders, "recent order"))"
        case .limitLowered(let from, let to, let on):
            "limit lowered from \(from) to \(to) on \(on)"
        }
    }
}

extension OrderWayOut {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("way", kind.rawValue)
        writer.member("amount", amount)
        switch self {
        case .deposit(_, let sufficient):
            writer.key("sufficient")
            writer.raw(sufficient ? "true" : "false")
        case .payOverdue(let invoices, _, let shortfall):
            writer.key("invoices")
            writer.beginArray()
            for invoice in invoices {
                writer.beginObject()
                writer.member("invoice", invoice.invoice.rawValue)
                writer.member("due_on", invoice.dueOn.description)
                writer.member("open", invoice.open)
                writer.endObject()
            }
            writer.endArray()
            writer.member("shortfall", shortfall)
        case .paymentPlan(_, let instalments):
            writer.key("instalments")
            writer.beginArray()
            for instalment in instalments {
                writer.beginObject()
                writer.member("due_on", instalment.dueOn.description)
                writer.member("amount", instalment.amount)
                writer.endObject()
            }
            writer.endArray()
        case .shorterTerms(_, let termsDays, let customerTermsDays):
            writer.key("terms_days")
            writer.raw(String(termsDays))
            writer.key("customer_terms_days")
            writer.raw(String(customerTermsDays))
        case .temporaryLimit(_, let limit, let until):
            writer.member("limit", limit)
            writer.member("until", until.description)
        }
        writer.endObject()
    }

    /// The way out in words, for the table.
    var detail: String {
        switch self {
        case .deposit(_, let sufficient):
            sufficient
                ? "deposit paid with the order"
                : "deposit of the whole order: not enough, the customer is over the limit without it"
        case .payOverdue(let invoices, _, let shortfall):
            invoices.map { "\($0.invoice) (due \($0.dueOn), \($0.open))" }.joined(separator: ", ")
                + (shortfall.isPositive ? "; \(shortfall) still missing" : "")
        case .paymentPlan(_, let instalments):
            instalments.map { "\($0.amount) on \($0.dueOn)" }.joined(separator: ", ")
        case .shorterTerms(_, let termsDays, let customerTermsDays):
            termsDays == 0
                ? "payment with the order instead of \(customerTermsDays) days"
                : "\(termsDays) days instead of \(customerTermsDays)"
        case .temporaryLimit(_, let limit, let until):
            "temporary limit \(limit) until \(until)"
        }
    }
}

/// `1 invoice`, `2 invoices`.
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
