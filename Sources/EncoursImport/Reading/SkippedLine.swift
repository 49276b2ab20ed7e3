/// A line of an export that became no event, and why.
///
/// An FEC holds every account of the books, and a CSV export may carry lines (quotes,
/// cancelled documents) the ledger does not record; those are not errors, but the operator
/// must be able to check that nothing was dropped by mistake, so each one is reported.
public struct SkippedLine: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// Why, in words: `account 70100000 is not a customer account (411*)`.
    public var reason: String
    /// The reason without this line's particulars (`not a customer account (411*)`), to
    /// count lines by: an FEC skips lines on hundreds of accounts for one reason. `nil` when
    /// the reason has no particulars.
    public var category: String?

    public init(file: String, line: Int, reason: String, category: String? = nil) {
        self.file = file
        self.line = line
        self.reason = reason
        self.category = category
    }

    public var description: String { "\(file):\(line): skipped: \(reason)" }
}
