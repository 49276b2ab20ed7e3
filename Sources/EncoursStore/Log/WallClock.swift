import EncoursCore
import Foundation

/// The wall clock, read only at the edges (the CLI and the daemon): the core never reads
/// it, so the figures of a given log and `as_of` are the same on every machine and day.
extension RecordedAt {
    /// The wall-clock time of an append, in UTC: the log's `recorded_at`.
    public static var now: String {
        string(unixMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

extension Day {
    /// Today in the machine's time zone: the business date a person means by "today".
    public static var today: Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
