import EncoursCore

/// The simulation's calendar: for each day of the period, the actions to perform, in the
/// order they were scheduled.
///
/// Performing the days in order, and each day's actions in order, is what makes the output
/// sorted by business date without ever sorting it; an action scheduled for the current day
/// runs later the same day. Actions that would fall after the period are dropped: the
/// ledger ends with those invoices still open, as a real one does.
struct Agenda {
    let start: Day
    let end: Day
    private(set) var days: [[Action]]

    init(start: Day, end: Day) {
        self.start = start
        self.end = end
        days = Array(repeating: [], count: end.days(since: start) + 1)
    }

    var dayCount: Int { days.count }

    func offset(of day: Day) -> Int { day.days(since: start) }

    /// Schedules `action` on `day`; returns false (and schedules nothing) after the period.
    @discardableResult
    mutating func schedule(_ action: Action, on day: Day, today: Day) -> Bool {
        precondition(day >= today, "an action cannot be scheduled in the past")
        guard day <= end else { return false }
        days[offset(of: day)].append(action)
        return true
    }

    /// The action at `index` of the day at `offset`, or `nil` when the day is done.
    func action(day offset: Int, index: Int) -> Action? {
        index < days[offset].count ? days[offset][index] : nil
    }

    /// Frees a performed day.
    mutating func clear(day offset: Int) {
        days[offset] = []
    }
}
