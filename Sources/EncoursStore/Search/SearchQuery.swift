/// What a person typed into a search box, made into an FTS5 query that cannot be a syntax
/// error: every word is quoted (so `AND`, `-`, `"` and `*` are just text) and matches as a
/// prefix (so "paiem" finds "paiement"); all the words must match. Words are separated by
/// spaces or `+`.
public struct SearchQuery: Sendable, Hashable {
    /// The words as typed, in order.
    public let words: [String]

    /// The longest query accepted, in characters: a search box, not a document.
    public static let maximumLength = 500

    /// `nil` when the text holds no word, or is longer than ``maximumLength``.
    public init?(_ text: String) {
        guard text.count <= SearchQuery.maximumLength else { return nil }
        // `+` too: a query string writes spaces as `+` (`q=retard+paiement`), and the index's
        // tokenizer never keeps one inside a word anyway.
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "+" }).map(String.init)
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// `"retard"* "paiement"*`: each word a quoted prefix, embedded quotes doubled.
    public var expression: String {
        words.map { word in
            "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"*"
        }
        .joined(separator: " ")
    }
}
