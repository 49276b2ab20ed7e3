/// How a mapping file names a column: by its header (`"Montant TTC"`) or by its number
/// counted from 1 (`8`), the only way for a file without a header line.
public enum CSVColumnReference: Sendable, Hashable, CustomStringConvertible {
    case name(String)
    case number(Int)

    /// As the mapping writes it: `"Montant TTC"` or `8`.
    public var description: String {
        switch self {
        case .name(let name): "\"\(name)\""
        case .number(let number): String(number)
        }
    }
}

/// A column found in the file: where its values are in each record, and what to call it in
/// an error (its header, or its number in a file without one).
///
/// Resolved once, before any line is read, so reading a line indexes an array rather than
/// looking a name up.
public struct CSVColumn: Sendable, Hashable {
    /// 0-based position in a record's fields.
    public var index: Int
    /// The header name, or the 1-based number as text.
    public var label: String

    public init(index: Int, label: String) {
        self.index = index
        self.label = label
    }
}
