extension ImportError {
    /// What kind of problem an ``ImportError`` is. The raw values are a contract: API error
    /// details and scripts carry them, so a code is never renamed or given a new meaning.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The line (or body) is not valid JSON.
        case invalidJSON = "invalid_json"
        /// A string holds bytes that are not UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// Valid JSON, but not an object (an NDJSON line) or not an array (an array body).
        case notAnObject = "not_an_object"
        case notAnArray = "not_an_array"
        /// An object names the same key twice.
        case duplicateKey = "duplicate_key"
        /// `type` names no event type of the contract.
        case unknownType = "unknown_type"
        /// A required field is absent or `null`.
        case missingField = "missing_field"
        /// A field holds a JSON value of the wrong kind (a number where a string belongs).
        case wrongType = "wrong_type"
        /// An id, or a required text, is the empty string.
        case emptyValue = "empty_value"
        /// An amount is not a plain decimal with at most 2 decimals, or is out of range.
        case invalidAmount = "invalid_amount"
        /// An amount is below zero.
        case negativeAmount = "negative_amount"
        /// A date is not a real day written `YYYY-MM-DD`.
        case invalidDate = "invalid_date"
        /// A field limited to a few words (`policy`, `outcome`) holds another.
        case invalidChoice = "invalid_choice"
        /// A whole number (`terms_days`) is fractional, negative or out of range.
        case invalidInteger = "invalid_integer"
        /// An export holds bytes that are not text in its declared encoding.
        case invalidEncoding = "invalid_encoding"
        /// A CSV export ends inside a quoted field: cut short, or a quote unbalanced.
        case unterminatedQuote = "unterminated_quote"
        /// A column the mapping (or the FEC format) needs is not in the file's header.
        case missingColumn = "missing_column"
        /// A CSV line's kind column holds a value the mapping does not list.
        case unknownKind = "unknown_kind"
        /// A CSV export (or an FEC) has no byte but blank lines: a failed export, refused
        /// rather than imported as nothing.
        case emptyFile = "empty_file"
        /// A CSV export given without the mapping file that says how to read it.
        case missingMapping = "missing_mapping"
        /// A line of an FEC has more or fewer fields than its header names columns: a label
        /// holding the separator, or a line cut short, would shift every column after it.
        case wrongFieldCount = "wrong_field_count"
    }
}
