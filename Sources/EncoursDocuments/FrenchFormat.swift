import EncoursCore

/// Amounts and dates as a French letter writes them: `1 234,50 €` (a narrow no-break space
/// between thousands, a no-break space before the symbol) and `28/02/2026`. Only the
/// documents for people use it; the JSON keeps the contract's `1234.50` and `2026-02-28`.
enum FrenchFormat {
    static let thousandsSeparator = "\u{202F}"
    static let symbolSeparator = "\u{00A0}"

    static func amount(_ money: Money, currency: String) -> String {
        let negative = money.isNegative
        let cents = negative ? -money.minorUnits : money.minorUnits
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = thousandsSeparator + String(whole.suffix(3)) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let fraction = cents % 100
        let symbol = currency == "EUR" ? "€" : currency
        return (negative ? "-" : "") + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
            + symbolSeparator + symbol
    }

    static func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.civil
        return two(dayOfMonth) + "/" + two(month) + "/" + String(year)
    }

    /// `not_due` → "Non échu", `1_30` → "1 à 30 jours", `over_90` → "Plus de 90 jours".
    static func bucket(_ name: String) -> String {
        if name == "not_due" { return "Non échu" }
        if name.hasPrefix("over_") { return "Plus de \(name.dropFirst(5)) jours" }
        let bounds = name.split(separator: "_")
        guard bounds.count == 2 else { return name }
        return "\(bounds[0]) à \(bounds[1]) jours"
    }

    private static func two(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }
}
