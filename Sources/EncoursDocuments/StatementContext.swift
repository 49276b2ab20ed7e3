import EncoursCore

/// The values a statement template sees (docs/api.md, "Statement of account", lists them
/// for those who write their own): amounts and dates already written the French way, and a
/// key left out where there is nothing to show, so that `{{#key}}…{{/key}}` shows a line
/// only when it has something to say.
enum StatementContext {
    static func make(_ statement: AccountStatement) -> [String: Any] {
        let currency = statement.currency
        func amount(_ money: Money) -> String { FrenchFormat.amount(money, currency: currency) }
        var context: [String: Any] = [
            "as_of": FrenchFormat.date(statement.asOf),
            "as_of_iso": statement.asOf.description,
            "currency": currency,
            "customer": statement.customer.rawValue,
            "terms_days": String(statement.termsDays),
            "company_address": statement.letterhead.address.map { ["line": $0] },
            "invoices": statement.invoices.map { invoice -> [String: Any] in
                var line: [String: Any] = [
                    "invoice": invoice.invoice.rawValue,
                    "issued_on": FrenchFormat.date(invoice.issuedOn),
                    "due_on": FrenchFormat.date(invoice.dueOn),
                    "amount": amount(invoice.amount),
                    "open": amount(invoice.open),
                ]
                if invoice.daysPastDue > 0 { line["days_late"] = String(invoice.daysPastDue) }
                if invoice.disputed.isPositive { line["disputed"] = amount(invoice.disputed) }
                return line
            },
            "credits": statement.credits.map { credit -> [String: Any] in
                [
                    "kind": credit.kind.rawValue,
                    "label": credit.kind == .payment ? "Règlement" : "Avoir",
                    "document": credit.document,
                    "on": FrenchFormat.date(credit.on),
                    "amount": amount(credit.amount),
                    "unapplied": amount(credit.unapplied),
                ]
            },
            "ageing": zip(statement.bucketNames, statement.ageing.buckets).map { name, money -> [String: Any] in
                ["bucket": name, "label": FrenchFormat.bucket(name), "amount": amount(money)]
            },
            "open_total": amount(statement.openTotal),
            "unapplied_total": amount(-statement.ageing.unapplied),
            "disputed_total": amount(statement.ageing.disputed),
            "total_due": amount(statement.totalDue),
            "penalties": statement.penalties.map { line -> [String: Any] in
                [
                    "invoice": line.invoice.rawValue,
                    "due_on": FrenchFormat.date(line.dueOn),
                    "days_late": String(line.daysLate),
                    "interest": amount(line.interest),
                    "indemnity": amount(line.indemnity),
                    "total": amount(line.total),
                ]
            },
            "penalties_interest": amount(statement.penaltyTotals.interest),
            "penalties_indemnity": amount(statement.penaltyTotals.indemnity),
            "penalties_total": amount(statement.penaltyTotals.total),
        ]
        if let name = statement.letterhead.name { context["company_name"] = name }
        if let name = statement.legalName { context["legal_name"] = name }
        if let name = statement.tradeName, !name.isEmpty { context["trade_name"] = name }
        if let siren = statement.siren, !siren.isEmpty { context["siren"] = siren }
        if !statement.invoices.isEmpty { context["has_invoices"] = true }
        if !statement.credits.isEmpty { context["has_credits"] = true }
        if !statement.penalties.isEmpty { context["has_penalties"] = true }
        if statement.ageing.unapplied.isNegative { context["has_unapplied"] = true }
        if statement.ageing.disputed.isPositive { context["has_disputed"] = true }
        return context
    }
}
