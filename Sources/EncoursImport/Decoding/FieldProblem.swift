/// A field of one event that cannot be read, before the reader adds file, line and type.
struct FieldProblem: Error, Sendable, Equatable {
    /// `amount`, `allocations[1].amount`, `invoices[0]`.
    var field: String
    var code: ImportError.Code
    var message: String
}

/// Where a value sits in an event: a field, or an element of an array field, or a field of
/// an object in such an array. Kept as cheap parts; spelled out only when there is a problem.
struct FieldPath: Sendable {
    var field: WireField
    /// 0-based, as JSON tools (jq, JSON Pointer) count array elements.
    var index: Int?
    var subfield: WireField?

    init(_ field: WireField, index: Int? = nil, subfield: WireField? = nil) {
        self.field = field
        self.index = index
        self.subfield = subfield
    }

    var description: String {
        var text = field.nameString
        if let index { text += "[\(index)]" }
        if let subfield { text += ".\(subfield.nameString)" }
        return text
    }
}
