/// How to read one invoicing tool's CSV export: its text layout, and which columns give
/// which fields of which events. Written by an operator as a TOML file (docs/imports.md),
/// read by ``init(toml:source:)``.
///
/// Every export is laid out differently, and the people who know the layout are the credit
/// managers who open it in a spreadsheet, not programmers; a short file naming columns as
/// their headers do lets them wire a new export without code.
public struct CSVMapping: Sendable, Hashable {
    /// The mapping file's name, which errors about the mapping name.
    public var source: String
    /// `;`, `,`, tab or `|`.
    public var separator: Unicode.Scalar
    public var encoding: TextEncoding
    public var amountFormat: AmountFormat
    public var dayFormat: DayFormat
    /// Whether the first line names the columns; without it, columns go by number.
    public var hasHeader: Bool
    public var columns: CSVColumns<CSVColumnReference>

    public init(
        source: String,
        separator: Unicode.Scalar = ",",
        encoding: TextEncoding = .utf8,
        amountFormat: AmountFormat = .decimalPoint,
        dayFormat: DayFormat = .iso,
        hasHeader: Bool = true,
        columns: CSVColumns<CSVColumnReference>
    ) {
        self.source = source
        self.separator = separator
        self.encoding = encoding
        self.amountFormat = amountFormat
        self.dayFormat = dayFormat
        self.hasHeader = hasHeader
        self.columns = columns
    }
}
