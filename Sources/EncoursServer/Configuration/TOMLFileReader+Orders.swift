import EncoursCore
import TOMLKit

/// `[orders]`: the thresholds of the order decisions (docs/configuration.md), each a whole
/// number in a range that keeps the decision meaningful; a key outside it is named.
extension TOMLFileReader {
    /// Each key, the rule it sets, and the values it may take.
    static var orderKeys: [(key: String, rule: WritableKeyPath<OrderRules, Int>, range: ClosedRange<Int>)] {
        [
            ("unusual_size_factor", \.unusualSizeFactor, 1...1000),
            ("unusual_size_lookback_days", \.unusualSizeLookbackDays, 1...3660),
            ("unusual_size_min_orders", \.unusualSizeMinimumOrders, 1...10000),
            ("limit_lowered_days", \.limitLoweredDays, 0...3660),
            ("instalments", \.instalments, 1...120),
            ("first_instalment_days", \.firstInstalmentDays, 0...3660),
            ("instalment_interval_days", \.instalmentIntervalDays, 1...366),
            ("shorter_terms_days", \.shorterTermsDays, 0...3660),
            ("temporary_limit_grace_days", \.temporaryLimitGraceDays, 0...3660),
        ]
    }

    func orderRules(_ table: TOMLTable) throws(ConfigurationError) -> OrderRules {
        var rules = OrderRules.standard
        for (key, rule, range) in Self.orderKeys {
            guard let value = table[key] else { continue }
            guard let number = value.int, range.contains(number) else {
                throw error("orders.\(key)", "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            rules[keyPath: rule] = number
        }
        return rules
    }
}
