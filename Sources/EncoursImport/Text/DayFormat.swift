import EncoursCore

/// How an export writes dates: `dd/MM/yyyy` in French spreadsheets, `yyyy-MM-dd` from
/// databases, `yyyyMMdd` in an FEC.
///
/// A pattern of `dd`, `MM`, `yyyy` (or `yy`, years 2000–2099) and literal separators, read
/// strictly: a date that does not fit the pattern, or is not a real day (`31/02/2026`), is
/// refused rather than guessed, since a day-month swap would silently move a due date.
public struct DayFormat: Sendable, Hashable, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        case day, month, year, shortYear
        case literal(Unicode.Scalar)
    }

    let pieces: [Piece]
    /// The pattern as written: `dd/MM/yyyy`.
    public let description: String

    /// Reads a pattern; `nil` when it lacks a day, a month or a year, or repeats one.
    public init?(pattern: String) {
        var pieces: [Piece] = []
        var scalars = Substring(pattern).unicodeScalars[...]
        let tokens: [(String, Piece)] = [("yyyy", .year), ("yy", .shortYear), ("dd", .day), ("MM", .month)]
        scanning: while let first = scalars.first {
            for (token, piece) in tokens where scalars.starts(with: token.unicodeScalars) {
                pieces.append(piece)
                scalars = scalars.dropFirst(token.unicodeScalars.count)
                continue scanning
            }
            if first.properties.isAlphabetic { return nil }
            pieces.append(.literal(first))
            scalars = scalars.dropFirst()
        }
        let fields = pieces.filter { if case .literal = $0 { false } else { true } }
        let years = fields.count(where: { $0 == .year || $0 == .shortYear })
        guard fields.count == 3, years == 1, fields.contains(.day), fields.contains(.month) else { return nil }
        self.pieces = pieces
        self.description = pattern
    }

    public static let dayMonthYear = DayFormat(pattern: "dd/MM/yyyy")!
    public static let iso = DayFormat(pattern: "yyyy-MM-dd")!
    public static let compact = DayFormat(pattern: "yyyyMMdd")!

    /// The day `text` writes, or `nil`. Surrounding spaces are ignored; a one-digit day or
    /// month (`1/3/2026`) is accepted where the pattern has a separator after it.
    public func day(_ text: some StringProtocol) -> Day? {
        if let day = text.utf8.withContiguousStorageIfAvailable({ day(utf8: $0) }) { return day }
        return day(scalars: text.unicodeScalars.map(\.value))
    }

    /// ``day(_:)`` of the UTF-8 bytes of a cell: ASCII, nearly every date, is read as it is.
    func day(utf8 text: UnsafeBufferPointer<UInt8>) -> Day? {
        if text.allSatisfy({ $0 < 0x80 }) { return day(scalars: text) }
        return day(scalars: String(decoding: text, as: UTF8.self).unicodeScalars.map(\.value))
    }

    /// The reading itself, over the text's code points.
    private func day<Scalars: RandomAccessCollection<Element>, Element: BinaryInteger>(scalars: Scalars) -> Day?
    where Scalars.Index == Int {
        var start = scalars.startIndex
        var end = scalars.endIndex
        while end > start, Self.isSpace(UInt32(scalars[end - 1])) { end -= 1 }
        while start < end, Self.isSpace(UInt32(scalars[start])) { start += 1 }
        var position = start
        var day = 0
        var month = 0
        var year = 0
        // `flexible`: one digit is enough, the separator that follows ends the number.
        func number(maxDigits: Int, flexible: Bool = false) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, position < end, (0x30...0x39).contains(UInt32(scalars[position])) {
                value = value * 10 + Int(scalars[position]) - 48
                position += 1
                count += 1
            }
            return count == maxDigits || (flexible && count >= 1) ? value : nil
        }
        for (index, piece) in pieces.enumerated() {
            let followedBySeparator: Bool
            if index + 1 < pieces.count, case .literal = pieces[index + 1] {
                followedBySeparator = true
            } else {
                followedBySeparator = false
            }
            switch piece {
            case .day:
                guard let value = number(maxDigits: 2, flexible: followedBySeparator) else { return nil }
                day = value
            case .month:
                guard let value = number(maxDigits: 2, flexible: followedBySeparator) else { return nil }
                month = value
            case .year:
                guard let value = number(maxDigits: 4) else { return nil }
                year = value
            case .shortYear:
                guard let value = number(maxDigits: 2) else { return nil }
                year = 2000 + value
            case .literal(let separator):
                guard position < end, UInt32(scalars[position]) == separator.value else { return nil }
                position += 1
            }
        }
        guard position == end else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// White space, answered without the Unicode tables for ASCII: this runs on every date.
    private static func isSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return Unicode.Scalar(value)?.properties.isWhitespace == true
    }
}
