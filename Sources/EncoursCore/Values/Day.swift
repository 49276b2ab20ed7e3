/// A civil date (a day in the proleptic Gregorian calendar), with no time and no time zone.
///
/// Invoices are issued, fall due and are paid on days, not instants: a `Date` at midnight
/// shifts by a day depending on the time zone it is read in. `Day` counts days since
/// 1970-01-01, so differences are plain subtraction.
public struct Day: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (which is day 0).
    public var daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with this year, month (1–12) and day of month, or `nil` when there is none
    /// (`2026-02-30`). Years run from 1 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysInMonth(year: year, month: month)
        else { return nil }
        self.daysSinceEpoch = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(daysSinceEpoch: daysSinceEpoch + Int32(count))
    }

    /// The number of days from `other` to this day: `due.days(since: issued)`.
    public func days(since other: Day) -> Int {
        Int(daysSinceEpoch) - Int(other.daysSinceEpoch)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var dayOfMonth: Int { civil.day }

    /// The first day of this day's month.
    public var firstOfMonth: Day {
        let parts = civil
        return Day(daysSinceEpoch: Int32(Day.daysFromCivil(year: parts.year, month: parts.month, day: 1)))
    }

    public static func isLeap(year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Year, month and day of month.
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days, on eras of 400 years.
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Day: CustomStringConvertible {
    /// `YYYY-MM-DD`, as events and query results write days.
    public var description: String {
        let parts = civil
        var text = String(parts.year)
        while text.utf8.count < 4 { text = "0" + text }
        text += parts.month < 10 ? "-0\(parts.month)" : "-\(parts.month)"
        text += parts.day < 10 ? "-0\(parts.day)" : "-\(parts.day)"
        return text
    }
}

extension Day {
    /// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a real day.
    public init?(iso text: some StringProtocol) {
        self.init(isoUTF8: Array(text.utf8))
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DD`; see ``init(iso:)``.
    @inlinable
    public init?(isoUTF8 bytes: some Collection<UInt8>) {
        guard bytes.count == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        var offset = 0
        for byte in bytes {
            defer { offset += 1 }
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            if offset < 4 {
                year = year * 10 + digit
            } else if offset < 7 {
                month = month * 10 + digit
            } else {
                day = day * 10 + digit
            }
        }
        self.init(year: year, month: month, day: day)
    }
}
