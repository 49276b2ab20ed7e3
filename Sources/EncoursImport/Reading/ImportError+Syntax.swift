extension ImportError {
    /// The error for input that is not valid JSON.
    ///
    /// - Parameters:
    ///   - expected: what the input should have been, for the message: `a JSON object`.
    ///   - position: where the problem is, in words: `column 12`, `byte 340`.
    init(syntax error: JSONSyntaxError, file: String, line: Int, expected: String, position: String) {
        switch error.reason {
        case .duplicateKey(let key):
            self.init(file: file, line: line, field: key, code: .duplicateKey, message: "duplicate key at \(position)")
        case .invalidUTF8:
            self.init(
                file: file,
                line: line,
                code: .invalidUTF8,
                message: "not \(expected): invalid UTF-8 at \(position)"
            )
        default:
            self.init(
                file: file,
                line: line,
                code: .invalidJSON,
                message: "not \(expected): \(error.message) at \(position)"
            )
        }
    }
}
