extension OrderWayOut.Instalment {
    /// `total` in `count` instalments, the first due `firstAfterDays` after `day` and then
    /// one every `everyDays`.
    ///
    /// The cents are shared exactly: every instalment is total ÷ count rounded down, and the
    /// first carries the remainder, so the plan always sums to the arrears to the cent and
    /// the customer's largest payment comes first. Never more instalments than cents, so
    /// none is zero; nothing to pay gives no plan.
    static func plan(
        _ total: Money,
        count: Int,
        from day: Day,
        firstAfterDays: Int,
        everyDays: Int
    ) -> [OrderWayOut.Instalment] {
        guard total.isPositive, count > 0 else { return [] }
        let parts = Int64(min(Int64(count), total.minorUnits))
        let share = total.minorUnits / parts
        let remainder = total.minorUnits % parts
        return (0..<Int(parts)).map { index in
            OrderWayOut.Instalment(
                dueOn: day.adding(days: firstAfterDays + index * everyDays),
                amount: Money(minorUnits: index == 0 ? share + remainder : share)
            )
        }
    }
}
