import EncoursCore
import TOMLKit

/// `[commission]`: the sales team's commission rate and any rep's own, each a percent read
/// exactly (`"2.5"`), never a TOML float.
extension TOMLFileReader {
    func commissionPlan(_ table: TOMLTable) throws(ConfigurationError) -> CommissionPlan {
        var plan = CommissionPlan()
        if let value = table["rate"] { plan.standard = try commissionRate(value, key: "commission.rate") }
        guard let value = table["sales_reps"] else { return plan }
        guard let entries = value.table else {
            throw error("commission.sales_reps", "must be a table of sales reps to percents, like { R07 = \"3\" }")
        }
        for rep in entries.keys {
            // The key is present: it was just listed.
            plan.byRep[SalesRepID(rep)] = try commissionRate(entries[rep]!, key: "commission.sales_reps.\(rep)")
        }
        return plan
    }

    private func commissionRate(_ value: any TOMLValueConvertible, key: String) throws(ConfigurationError)
        -> CommissionRate
    {
        let rule = "a percent from 0 to 100 with at most 2 decimals, written as a string like \"2.5\""
        if value.type == .double {
            throw error(key, "write the percent as a string (\"2.5\"), so that it is read exactly")
        }
        let text = value.string ?? value.int.map { String($0) }
        guard let text else { throw error(key, "must be \(rule)") }
        guard let rate = CommissionRate(percent: text) else { throw error(key, "\"\(text)\" is not \(rule)") }
        return rate
    }
}
