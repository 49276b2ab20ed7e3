import Foundation

/// A JSON value as JSON has it: booleans apart from numbers, object keys as strings.
enum JSONValue: Equatable, Sendable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ParseFailure(description: "not JSON (\(error)): \(text.prefix(200))")
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    var members: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    var elements: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The JSON Schema type names the value is an instance of (an integer is also a number).
    var typeNames: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number(let value): value.rounded() == value ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let text): "\"\(text)\""
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { "\"\($0)\":\(members[$0]!)" }.joined(separator: ",") + "}"
        }
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Double(a) == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }
}

/// A small JSON Schema (2020-12, as OpenAPI 3.1 uses it) validator: the keywords the
/// project's `openapi.yaml` uses, and nothing silently skipped. A keyword it does not
/// implement is an error, not an accepted value, so a schema can never pass by being
/// misunderstood. `$ref` resolves JSON pointers inside `document` (`#/components/...`).
struct JSONSchemaValidator {
    let document: JSONValue

    /// Keywords that constrain values, each implemented below.
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
        "minProperties", "items", "minItems", "maxItems", "pattern", "minLength", "minimum", "maximum", "format",
        "not", "oneOf", "anyOf",
    ]
    /// Keywords that only annotate.
    static let annotations: Set<String> = ["description", "title", "default", "examples", "deprecated", "$comment"]
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]
    static let formats: Set<String> = ["date", "date-time", "int64"]

    init(document: JSONValue) {
        self.document = document
    }

    /// Every way `value` breaks `schema`, as `path: reason`; empty when it conforms.
    func errors(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        collect(value, schema, path, depth: 0)
    }

    /// The schema at a `#/...` JSON pointer of the document.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    // MARK: - Checking a schema itself

    /// Every problem of the schema itself: unknown keywords, malformed values, references
    /// that resolve to nothing, patterns that do not compile. Subschemas are checked too.
    func schemaProblems(_ schema: JSONValue, at path: String) -> [String] {
        var problems: [String] = []
        checkSchema(schema, path, into: &problems)
        return problems
    }

    private func checkSchema(_ schema: JSONValue, _ path: String, into problems: inout [String]) {
        if case .bool = schema { return }
        guard let keywords = schema.members else {
            problems.append("\(path): a schema must be an object or a boolean, not \(schema)")
            return
        }
        for (keyword, value) in keywords {
            let here = "\(path)/\(keyword)"
            guard Self.assertions.contains(keyword) || Self.annotations.contains(keyword) else {
                problems.append("\(here): keyword not implemented by the validator")
                continue
            }
            switch keyword {
            case "$ref":
                if value.string.flatMap(resolve) == nil { problems.append("\(here): \(value) resolves to nothing") }
            case "type":
                let names = value.string.map { [$0] } ?? value.elements?.compactMap(\.string) ?? []
                let count = value.elements?.count ?? 1
                if names.isEmpty || names.count != count || !Set(names).isSubset(of: Self.typeNames) {
                    problems.append("\(here): \(value) is not a type name or a list of them")
                }
            case "enum", "oneOf", "anyOf":
                guard let elements = value.elements, !elements.isEmpty else {
                    problems.append("\(here): must be a non-empty array")
                    continue
                }
                if keyword != "enum" {
                    for (index, element) in elements.enumerated() {
                        checkSchema(element, "\(here)/\(index)", into: &problems)
                    }
                }
            case "required":
                if value.elements?.allSatisfy({ $0.string != nil }) != true {
                    problems.append("\(here): \(value) is not a list of property names (an unquoted YAML `on`?)")
                }
            case "properties", "patternProperties":
                guard let members = value.members else {
                    problems.append("\(here): must be an object")
                    continue
                }
                for (name, subschema) in members {
                    if keyword == "patternProperties", (try? NSRegularExpression(pattern: name)) == nil {
                        problems.append("\(here): \(name) does not compile")
                    }
                    checkSchema(subschema, "\(here)/\(name)", into: &problems)
                }
            case "additionalProperties", "items", "not":
                checkSchema(value, here, into: &problems)
            case "pattern":
                if value.string.flatMap({ try? NSRegularExpression(pattern: $0) }) == nil {
                    problems.append("\(here): \(value) does not compile")
                }
            case "minProperties", "minItems", "maxItems", "minLength":
                if case .integer(let count) = value, count >= 0 { continue }
                problems.append("\(here): \(value) is not a whole number ≥ 0")
            case "minimum", "maximum":
                if !value.typeNames.contains("number") { problems.append("\(here): \(value) is not a number") }
            case "format":
                if !Self.formats.contains(value.string ?? "") {
                    problems.append("\(here): format \(value) not implemented by the validator")
                }
            default:
                break
            }
        }
    }

    // MARK: - Validating a value

    private func collect(_ value: JSONValue, _ schema: JSONValue, _ path: String, depth: Int) -> [String] {
        var errors: [String] = []
        validate(value, schema, path, depth: depth, into: &errors)
        return errors
    }

    private func validate(
        _ value: JSONValue,
        _ schema: JSONValue,
        _ path: String,
        depth: Int,
        into errors: inout [String]
    ) {
        guard depth < 64 else {
            errors.append("\(path): schema references nest too deep")
            return
        }
        if case .bool(let accepted) = schema {
            if !accepted { errors.append("\(path): no value is allowed here") }
            return
        }
        guard let keywords = schema.members else {
            errors.append("\(path): malformed schema \(schema)")
            return
        }
        for (keyword, argument) in keywords.sorted(by: { $0.key < $1.key }) {
            if Self.annotations.contains(keyword) { continue }
            switch keyword {
            case "$ref":
                guard let target = argument.string.flatMap(resolve) else {
                    errors.append("\(path): $ref \(argument) resolves to nothing")
                    continue
                }
                validate(value, target, path, depth: depth + 1, into: &errors)
            case "type":
                let allowed = Set(argument.string.map { [$0] } ?? argument.elements?.compactMap(\.string) ?? [])
                if value.typeNames.isDisjoint(with: allowed) {
                    errors.append("\(path): \(value) is not of type \(argument)")
                }
            case "enum":
                if !(argument.elements ?? []).contains(value) {
                    errors.append("\(path): \(value) is not one of \(argument)")
                }
            case "const":
                if value != argument { errors.append("\(path): \(value) is not \(argument)") }
            case "properties", "required", "additionalProperties", "patternProperties", "minProperties":
                validateObject(value, keyword, argument, keywords, path, depth, into: &errors)
            case "items":
                for (index, element) in (value.elements ?? []).enumerated() {
                    validate(element, argument, "\(path)[\(index)]", depth: depth + 1, into: &errors)
                }
            case "minItems", "maxItems":
                guard let elements = value.elements, case .integer(let bound) = argument else { continue }
                if keyword == "minItems" ? elements.count < bound : elements.count > bound {
                    errors.append("\(path): \(elements.count) items breaks \(keyword) \(bound)")
                }
            case "pattern":
                guard let text = value.string else { continue }
                if !Self.matches(text, argument.string ?? "") {
                    errors.append("\(path): \(value) does not match \(argument)")
                }
            case "minLength":
                guard let text = value.string, case .integer(let bound) = argument else { continue }
                if text.unicodeScalars.count < bound { errors.append("\(path): \(value) is shorter than \(bound)") }
            case "minimum", "maximum":
                guard let number = Self.double(value), let bound = Self.double(argument) else { continue }
                if keyword == "minimum" ? number < bound : number > bound {
                    errors.append("\(path): \(value) breaks \(keyword) \(argument)")
                }
            case "format":
                if let problem = Self.formatProblem(value, argument.string ?? "") {
                    errors.append("\(path): \(problem)")
                }
            case "not":
                if collect(value, argument, path, depth: depth + 1).isEmpty {
                    errors.append("\(path): \(value) matches a schema it must not match")
                }
            case "oneOf", "anyOf":
                let results = (argument.elements ?? []).map { collect(value, $0, path, depth: depth + 1) }
                let passing = results.filter(\.isEmpty).count
                if keyword == "anyOf" ? passing == 0 : passing != 1 {
                    let reasons = results.flatMap { $0 }.joined(separator: "; ")
                    errors.append("\(path): \(passing) of the \(keyword) alternatives match (\(reasons))")
                }
            default:
                errors.append("\(path): schema keyword \"\(keyword)\" not implemented by the validator")
            }
        }
    }

    private func validateObject(
        _ value: JSONValue,
        _ keyword: String,
        _ argument: JSONValue,
        _ keywords: [String: JSONValue],
        _ path: String,
        _ depth: Int,
        into errors: inout [String]
    ) {
        guard let members = value.members else { return }
        switch keyword {
        case "properties":
            for (name, subschema) in argument.members ?? [:] {
                if let member = members[name] {
                    validate(member, subschema, "\(path).\(name)", depth: depth + 1, into: &errors)
                }
            }
        case "required":
            for name in (argument.elements ?? []).compactMap(\.string) where members[name] == nil {
                errors.append("\(path): required property \"\(name)\" is missing")
            }
        case "patternProperties":
            for (pattern, subschema) in argument.members ?? [:] {
                for (name, member) in members where Self.matches(name, pattern) {
                    validate(member, subschema, "\(path).\(name)", depth: depth + 1, into: &errors)
                }
            }
        case "additionalProperties":
            let declared = Set((keywords["properties"]?.members ?? [:]).keys)
            let patterns = (keywords["patternProperties"]?.members ?? [:]).keys
            for (name, member) in members
            where !declared.contains(name) && !patterns.contains(where: { Self.matches(name, $0) }) {
                if case .bool(false) = argument {
                    errors.append("\(path): property \"\(name)\" is not allowed")
                } else {
                    validate(member, argument, "\(path).\(name)", depth: depth + 1, into: &errors)
                }
            }
        case "minProperties":
            if case .integer(let bound) = argument, members.count < bound {
                errors.append("\(path): \(members.count) properties, fewer than \(bound)")
            }
        default:
            break
        }
    }

    /// ECMA-262 patterns are not anchored: a match anywhere counts, as `^…$` spell out.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    /// Why `value` is not of `format`; `nil` when it is, or when the format does not apply
    /// to its type.
    static func formatProblem(_ value: JSONValue, _ format: String) -> String? {
        switch format {
        case "int64":
            if case .number(let number) = value, number.rounded() != number || abs(number) > 9.2e18 {
                return "\(value) is not an int64"
            }
            return nil
        case "date", "date-time":
            guard let text = value.string else { return nil }
            let pattern =
                format == "date"
                ? "^([0-9]{4})-([0-9]{2})-([0-9]{2})$"
                : "^([0-9]{4})-([0-9]{2})-([0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
            guard matches(text, pattern), isRealDay(String(text.prefix(10))) else {
                return "\(value) is not a \(format)"
            }
            return nil
        default:
            return "format \"\(format)\" not implemented by the validator"
        }
    }

    static func isRealDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }
}
