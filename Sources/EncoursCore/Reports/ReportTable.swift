/// A report as rows of cells, rendered either as an aligned text table for people or as CSV
/// for spreadsheets, so both formats always carry the same figures.
public struct ReportTable: Sendable, Hashable {
    /// How a column lines up: amounts and day counts right, names left.
    public enum Alignment: Sendable, Hashable {
        case left
        case right
    }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// The totals line under the table; text tables only.
    public var totals: [String]?

    public init(headers: [String], alignments: [Alignment], rows: [[String]] = [], totals: [String]? = nil) {
        self.headers = headers
        self.alignments = alignments
        self.rows = rows
        self.totals = totals
    }

    /// Columns padded to their widest cell, a rule under the header and above the totals.
    public var text: String {
        let lines = [headers] + rows + (totals.map { [$0] } ?? [])
        var widths = headers.map { $0.count }
        for line in lines {
            for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func render(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                parts.append(alignments[column] == .right ? padding + cell : cell + padding)
            }
            var line = parts.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var output = render(headers) + "\n" + rule + "\n"
        for row in rows { output += render(row) + "\n" }
        if let totals {
            output += rule + "\n" + render(totals) + "\n"
        }
        return output
    }

    /// RFC 4180 CSV: a header row, then one row per line; no totals (a spreadsheet sums).
    public var csv: String {
        var output = CSVText.line(headers)
        for row in rows { output += CSVText.line(row) }
        return output
    }
}

/// CSV quoting: a field with a comma, a quote or a line break is quoted, quotes doubled.
enum CSVText {
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted += "\"" }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
