extension ScorecardReport {
    /// `{"from", "to", "currency", "sales_reps": [scorecard...], "unassigned_customers"}`
    /// (docs/api.md, "Sales scorecards").
    public func json(currency: String = "EUR") -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("from", period.from.description)
        writer.member("to", period.to.description)
        writer.member("currency", currency)
        writer.key("sales_reps")
        writer.beginArray()
        for card in salesReps {
            writer.beginObject()
            card.writeFigures(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("unassigned_customers")
        writer.raw(String(unassignedCustomers))
        writer.endObject()
        return writer.text
    }

    /// One row per rep, with the team's sums (DSO and rates are not summed).
    public var table: ReportTable {
        var totals = SalesRepScorecard.Sums()
        for card in salesReps { totals.add(card) }
        return ReportTable(
            headers: SalesRepScorecard.tableHeaders,
            alignments: [.left] + Array(repeating: .right, count: SalesRepScorecard.tableHeaders.count - 1),
            rows: salesReps.map(\.tableRow),
            totals: totals.row
        )
    }
}

extension SalesRepScorecard {
    /// One rep's scorecard alone: `{"from", "to", "currency", "sales_rep", ...}`.
    public func json(currency: String = "EUR") -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("from", period.from.description)
        writer.member("to", period.to.description)
        writer.member("currency", currency)
        writeFigures(to: &writer)
        writer.endObject()
        return writer.text
    }

    /// The same figures as the list's row, for a single rep.
    public var table: ReportTable {
        ReportTable(
            headers: SalesRepScorecard.tableHeaders,
            alignments: [.left] + Array(repeating: .right, count: SalesRepScorecard.tableHeaders.count - 1),
            rows: [tableRow]
        )
    }

    func writeFigures(to writer: inout JSONWriter) {
        writer.member("sales_rep", salesRep.rawValue)
        writer.key("customers")
        writer.raw(String(customers))
        writer.member("receivables", receivables)
        writer.member("overdue", overdue)
        writer.member("sales", sales)
        writer.member("cash_collected", cashCollected)
        writer.key("disputes_opened")
        write(disputesOpened, to: &writer)
        writer.key("disputes_resolved")
        write(disputesResolved, to: &writer)
        writer.key("dso")
        writer.raw(dso?.description ?? "null")
        writer.key("commission")
        writer.beginObject()
        writer.member("rate", commission.rate.description)
        writer.member("earned", commission.earned)
        writer.member("held", commission.held)
        writer.member("released", commission.released)
        writer.endObject()
    }

    private func write(_ tally: DisputeTally, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("count")
        writer.raw(String(tally.count))
        writer.member("amount", tally.amount)
        writer.endObject()
    }

    static let tableHeaders = [
        "sales_rep", "customers", "receivables", "overdue", "sales", "cash_collected",
        "disputes_opened", "disputes_resolved", "dso", "commission_rate", "commission_earned",
        "commission_held", "commission_released",
    ]

    var tableRow: [String] {
        [
            salesRep.rawValue, String(customers), receivables.decimalString, overdue.decimalString,
            sales.decimalString, cashCollected.decimalString, String(disputesOpened.count),
            String(disputesResolved.count), dso?.description ?? "", commission.rate.description,
            commission.earned.decimalString, commission.held.decimalString, commission.released.decimalString,
        ]
    }

    /// The team's sums under the table.
    struct Sums {
        var customers = 0
        var receivables = Money.zero
        var overdue = Money.zero
        var sales = Money.zero
        var cash = Money.zero
        var opened = 0
        var resolved = 0
        var earned = Money.zero
        var held = Money.zero
        var released = Money.zero

        mutating func add(_ card: SalesRepScorecard) {
            customers += card.customers
            receivables += card.receivables
            overdue += card.overdue
            sales += card.sales
            cash += card.cashCollected
            opened += card.disputesOpened.count
            resolved += card.disputesResolved.count
            earned += card.commission.earned
            held += card.commission.held
            released += card.commission.released
        }

        var row: [String] {
            [
                "TOTAL", String(customers), receivables.decimalString, overdue.decimalString,
                sales.decimalString, cash.decimalString, String(opened), String(resolved), "", "",
                earned.decimalString, held.decimalString, released.decimalString,
            ]
        }
    }
}
