import EncoursCore

extension EventFields {
    /// A string value, or `nil` after recording a wrong type.
    mutating func string(at node: Int, _ path: FieldPath) -> String? {
        guard document.kind(at: node) == .string else {
            recordWrongType(path, node: node, expected: "a string")
            return nil
        }
        return document.string(at: node)
    }

    /// A string that must not be empty: an id, or a required text such as a legal name.
    mutating func nonEmptyString(at node: Int, _ path: FieldPath) -> String? {
        guard let text = string(at: node, path) else { return nil }
        guard !text.isEmpty else {
            record(path, .emptyValue, "must not be empty")
            return nil
        }
        return text
    }

    mutating func requiredID<Kind>(_ field: WireField) -> Identifier<Kind> {
        Identifier(requiredText(field))
    }

    mutating func optionalID<Kind>(_ field: WireField) -> Identifier<Kind>? {
        optionalNonEmptyText(field).map { Identifier($0) }
    }

    /// A required non-empty string; ids and texts such as `legal_name` or `level`.
    mutating func requiredText(_ field: WireField) -> String {
        guard let node = required(field) else { return "" }
        return nonEmptyString(at: node, FieldPath(field)) ?? ""
    }

    /// An optional non-empty string: the explicit `id`, or an optional id.
    mutating func optionalNonEmptyText(_ field: WireField) -> String? {
        guard let node = optional(field) else { return nil }
        return nonEmptyString(at: node, FieldPath(field))
    }

    /// An optional free text (`reason`, `note`, `siren`): any string, even empty.
    mutating func optionalText(_ field: WireField) -> String? {
        guard let node = optional(field) else { return nil }
        return string(at: node, FieldPath(field))
    }

    /// One of a closed list of words (`policy`, `outcome`), through its enum's raw value.
    mutating func optionalChoice<Choice: RawRepresentable & CaseIterable>(
        _ field: WireField,
        as choice: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let node = optional(field), let text = string(at: node, FieldPath(field)) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let words = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            record(FieldPath(field), .invalidChoice, "\(document.excerpt(at: node)) is not one of: \(words)")
            return nil
        }
        return value
    }
}
