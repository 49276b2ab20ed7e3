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
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, Self.isSpace(last) { scalars.removeLast() }
        while let first = scalars.first, Self.isSpace(first) { scalars.removeFirst() }
        var position = 0
        var day = 0
        var month = 0
        var year = 0
        // `flexible`: one digit is enough, the separator that follows ends the number.
        func number(maxDigits: Int, flexible: Bool = false) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, position < scalars.count, ("0"..."9").contains(scalars[position]) {
                value = value * 10 + Int(scalars[position].value - 48)
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
                guard position < scalars.count, scalars[position] == separator else { return nil }
                position += 1
            }
        }
        guard position == scalars.count else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// White space, answered without the Unicode tables for ASCII: this runs on every date.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
