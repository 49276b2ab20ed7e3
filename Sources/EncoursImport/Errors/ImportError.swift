import EncoursCore

/// Why a line of an import was refused: the module's one error shape.
///
/// An operator fixing a nightly export needs to find the line, the field and the reason
/// without reading code, and a script needs a stable `code` to branch on. So every error
/// names its file and line, the event type and field when they are known, and prints as
///
///     events.ndjson:42: invoice.issued: field "amount": "12,50" is not a decimal number
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name (or other source name, such as `request body`) the error is reported in.
    public var file: String
    /// The 1-based line of an NDJSON file, or the 1-based position of an element in a JSON
    /// array body. 0 when the error is about the input as a whole.
    public var line: Int
    /// The field, with its path inside arrays and objects: `amount`, `allocations[1].amount`.
    public var field: String?
    /// In a CSV or FEC export, the column the value was read from, as its header names it
    /// (or its 1-based number in a file without a header): `Montant TTC`, `Debit`.
    public var column: String?
    /// The event's type, once it is known.
    public var eventType: EventType?
    public var code: Code
    /// The reason, without the location: `"12,50" is not a decimal number`.
    public var message: String

    public init(
        file: String,
        line: Int,
        field: String? = nil,
        column: String? = nil,
        eventType: EventType? = nil,
        code: Code,
        message: String
    ) {
        self.file = file
        self.line = line
        self.field = field
        self.column = column
        self.eventType = eventType
        self.code = code
        self.message = message
    }

    /// `file:line: column "name": type: field "name": message`, leaving out what is not known.
    public var description: String {
        var text = line > 0 ? "\(file):\(line): " : "\(file): "
        if let column { text += "column \"\(column)\": " }
        if let eventType { text += "\(eventType.rawValue): " }
        if let field { text += "field \"\(field)\": " }
        return text + message
    }
}
