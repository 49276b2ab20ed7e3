import EncoursCore
import TOMLKit

/// `[penalties]`: ECB rates for half-years the shipped table lacks or that must be corrected,
/// and the margin over them, each a percent read exactly (`"2.15"`), never a TOML float.
extension TOMLFileReader {
    func penaltyRates(_ table: TOMLTable) throws(ConfigurationError) -> PenaltyRates {
        var rates = PenaltyRates.shipped
        if let value = table["margin"] {
            rates.marginBasisPoints = try basisPoints(value, key: "penalties.margin")
        }
        guard let value = table["ecb_rates"] else { return rates }
        guard let entries = value.table else {
            throw error(
                "penalties.ecb_rates",
                "must be a table of half-years to percents, like { \"2027-H1\" = \"2.15\" }"
            )
        }
        var configured: [HalfYear: Int] = [:]
        for name in entries.keys {
            let key = "penalties.ecb_rates.\(name)"
            guard let half = HalfYear(name) else {
                throw error(key, "\"\(name)\" is not a half-year like 2027-H1 or 2027-H2")
            }
            // The key is present: it was just listed.
            configured[half] = try basisPoints(entries[name]!, key: key)
        }
        return rates.overriding(configured)
    }

    /// A percent written as a string (`"2.15"`) or a whole number (`2`). A TOML float is
    /// refused: `2.15` would be read as the binary number nearest to it.
    private func basisPoints(_ value: any TOMLValueConvertible, key: String) throws(ConfigurationError) -> Int {
        let text: String
        if let string = value.string {
            text = string
        } else if let number = value.int, number >= 0 {
            text = String(number)
        } else if value.type == .double {
            throw error(key, "write the percent as a string (\"2.15\"), so that it is read exactly")
        } else {
            throw error(key, "must be \(PenaltyRates.percentRule)")
        }
        guard let basisPoints = PenaltyRates.basisPoints(percent: text) else {
            throw error(key, "\"\(text)\" is not \(PenaltyRates.percentRule)")
        }
        return basisPoints
    }
}
