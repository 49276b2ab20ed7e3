import EncoursCore

/// `occurred_on` as the 10 ASCII bytes `YYYY-MM-DD`, written and read without building a
/// `String`: the append and scan loops handle one per row.
enum DayText {
    static let byteCount = 10

    /// Writes `day` into `output` (10 bytes); `false` when its year is outside 1...9999,
    /// which `YYYY-MM-DD` cannot spell.
    static func write(_ day: Day, into output: UnsafeMutableRawBufferPointer) -> Bool {
        let (year, month, dayOfMonth) = day.civil
        guard (1...9999).contains(year), output.count >= byteCount else { return false }
        func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0") }
        output[0] = digit(year / 1000)
        output[1] = digit(year / 100 % 10)
        output[2] = digit(year / 10 % 10)
        output[3] = digit(year % 10)
        output[4] = UInt8(ascii: "-")
        output[5] = digit(month / 10)
        output[6] = digit(month % 10)
        output[7] = UInt8(ascii: "-")
        output[8] = digit(dayOfMonth / 10)
        output[9] = digit(dayOfMonth % 10)
        return true
    }

    /// Parses exactly `YYYY-MM-DD` naming a real day.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Day? {
        guard bytes.count == byteCount, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
