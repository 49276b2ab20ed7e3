extension Day {
    /// The same day `years` later in the civil calendar; 29 February becomes 28 February in a
    /// year that has none (a term counted in years ends on the last day of its month, as
    /// French law reads a period expiring on a day that does not exist).
    public func adding(years: Int) -> Day {
        let (year, month, day) = civil
        let target = year + years
        let dayOfMonth = min(day, Day.daysInMonth(year: target, month: month))
        return Day(daysSinceEpoch: Int32(Day.daysFromCivil(year: target, month: month, day: dayOfMonth)))
    }

    /// Whole years from `self` to `day`: the number of anniversaries (``adding(years:)``)
    /// that fell on or before `day`; negative when `day` comes first.
    public func wholeYears(until day: Day) -> Int {
        var years = day.year - year
        if adding(years: years) > day { years -= 1 }
        return years
    }
}
