import EncoursCore

/// Weekdays and month ends: companies invoice, pay and send reminders on business days,
/// and many French payment terms end at a month's end ("45 jours fin de mois").
enum BusinessCalendar {
    /// 0 for Monday … 6 for Sunday. 1970-01-01 (day 0) was a Thursday.
    static func weekday(_ day: Day) -> Int {
        let value = (Int(day.daysSinceEpoch) + 3) % 7
        return value < 0 ? value + 7 : value
    }

    static func isWeekend(_ day: Day) -> Bool { weekday(day) >= 5 }

    /// The day itself on a weekday, else the following Monday.
    static func businessDay(onOrAfter day: Day) -> Day {
        switch weekday(day) {
        case 5: day.adding(days: 2)
        case 6: day.adding(days: 1)
        default: day
        }
    }

    /// The day itself on a weekday, else the preceding Friday.
    static func businessDay(onOrBefore day: Day) -> Day {
        switch weekday(day) {
        case 5: day.adding(days: -1)
        case 6: day.adding(days: -2)
        default: day
        }
    }

    static func lastOfMonth(_ day: Day) -> Day {
        let parts = day.civil
        return day.firstOfMonth.adding(days: Day.daysInMonth(year: parts.year, month: parts.month) - 1)
    }

    /// The first day on or after `day` that is the given day of the month; `31` means the
    /// month's last day, whatever its length.
    static func nextDayOfMonth(_ dayOfMonth: Int, onOrAfter day: Day) -> Day {
        let last = lastOfMonth(day)
        let target = dayOfMonth >= 31 ? last : day.firstOfMonth.adding(days: dayOfMonth - 1)
        if target >= day { return target }
        let nextMonth = last.adding(days: 1)
        return dayOfMonth >= 31 ? lastOfMonth(nextMonth) : nextMonth.adding(days: dayOfMonth - 1)
    }
}
