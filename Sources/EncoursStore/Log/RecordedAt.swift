import EncoursCore

/// The `recorded_at` column: the UTC instant of an append, as ISO-8601 with a `Z`
/// (`2026-11-23T11:54:40.123Z`).
///
/// The log never reads the clock itself; the single writer passes the time in, so tests
/// and replays are deterministic. This type formats that time and checks what is passed.
public enum RecordedAt {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` for milliseconds since 1970-01-01T00:00:00Z.
    public static func string(unixMilliseconds: Int64) -> String {
        let millisecondsPerDay: Int64 = 86_400_000
        let (days, remainder) = unixMilliseconds.quotientAndRemainder(dividingBy: millisecondsPerDay)
        let dayNumber = remainder < 0 ? days - 1 : days
        let inDay = remainder < 0 ? remainder + millisecondsPerDay : remainder
        let day = Day(daysSinceEpoch: Int32(clamping: dayNumber))
        func padded(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let hours = inDay / 3_600_000
        let minutes = inDay / 60_000 % 60
        let seconds = inDay / 1000 % 60
        let milliseconds = inDay % 1000
        return "\(day)T\(padded(hours, 2)):\(padded(minutes, 2)):\(padded(seconds, 2)).\(padded(milliseconds, 3))Z"
    }

    /// Whether `text` is `YYYY-MM-DDTHH:MM:SSZ`, optionally with 1 to 9 fraction digits
    /// before the `Z`, naming a real day and time.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 30, bytes.last == UInt8(ascii: "Z"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[0..<10].withUnsafeBytes({ DayText.parse($0) }) != nil
        else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let hours = number(11..<13), hours < 24, let minutes = number(14..<16), minutes < 60,
            let seconds = number(17..<19), seconds < 60
        else { return false }
        if bytes.count == 20 { return true }
        return bytes[19] == UInt8(ascii: ".") && bytes.count >= 22 && number(20..<(bytes.count - 1)) != nil
    }
}
