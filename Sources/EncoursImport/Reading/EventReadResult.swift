/// Everything an import read: the events it could read and the errors on the others.
///
/// A file is checked whole before anything is appended (DESIGN §5), so reading never stops
/// at the first bad line: the caller gets every event and every error, and decides.
public struct EventReadResult: Sendable, Hashable {
    /// The source name the errors are reported in.
    public var file: String
    public var events: [ParsedEvent]
    /// The first errors, in input order, up to the reader's error limit.
    public var errors: [ImportError]
    /// How many further errors were found but not kept.
    public var omittedErrorCount: Int
    /// Lines that are no error but became no event (an FEC's other accounts), with why.
    public var skipped: [SkippedLine]

    public init(
        file: String,
        events: [ParsedEvent],
        errors: [ImportError],
        omittedErrorCount: Int,
        skipped: [SkippedLine] = []
    ) {
        self.file = file
        self.events = events
        self.errors = errors
        self.omittedErrorCount = omittedErrorCount
        self.skipped = skipped
    }

    /// Whether every event of the input was read.
    public var isValid: Bool { errors.isEmpty && omittedErrorCount == 0 }

    /// The errors as a user reads them: one line each, then one line saying how many more
    /// there were, if any.
    public var errorReport: [String] {
        var lines = errors.map(\.description)
        if omittedErrorCount > 0 {
            let noun = omittedErrorCount == 1 ? "error" : "errors"
            lines.append("\(file): \(omittedErrorCount) more \(noun) not shown")
        }
        return lines
    }
}
