import EncoursCore

/// Turns one parsed JSON value into an `Event` (DESIGN §4), or into the errors saying why not.
///
/// Reused for every event of a file so the field index it fills is allocated once.
struct EventDecoder {
    private var slots = [Int32](repeating: -1, count: WireField.count)

    /// The event the value at tape index `root` describes; `nil` after adding its errors to
    /// `errors`, all of them, tagged with `file` and `line`.
    mutating func decode(
        _ document: JSONDocument,
        root: Int,
        file: String,
        line: Int,
        errors: inout ErrorCollector
    ) -> Event? {
        let kind = document.kind(at: root)
        guard kind == .object else {
            errors.add(
                ImportError(
                    file: file,
                    line: line,
                    code: .notAnObject,
                    message: "not a JSON object: found \(kind.nameWithArticle)"
                )
            )
            return nil
        }
        return slots.withUnsafeMutableBufferPointer { slots in
            var fields = EventFields(document: document, object: root, slots: slots)
            let type: EventType
            switch Self.eventType(of: fields) {
            case .success(let found):
                type = found
            case .failure(let problem):
                errors.add(
                    ImportError(
                        file: file,
                        line: line,
                        field: problem.field,
                        code: problem.code,
                        message: problem.message
                    )
                )
                return nil
            }
            let event = fields.event(of: type)
            guard fields.problems.isEmpty else {
                for problem in fields.problems {
                    errors.add(
                        ImportError(
                            file: file,
                            line: line,
                            field: problem.field,
                            eventType: type,
                            code: problem.code,
                            message: problem.message
                        )
                    )
                }
                return nil
            }
            return event
        }
    }

    /// The `type` field, which must be there before anything else can be read.
    private static func eventType(of fields: EventFields) -> Result<EventType, FieldProblem> {
        let document = fields.document
        let name = WireField.type.nameString
        guard let node = fields.optional(.type) else {
            return .failure(FieldProblem(field: name, code: .missingField, message: "required but missing"))
        }
        guard document.kind(at: node) == .string else {
            let found = document.kind(at: node).nameWithArticle
            return .failure(FieldProblem(field: name, code: .wrongType, message: "expected a string, found \(found)"))
        }
        let type =
            document.nodes[node].has(JSONNode.Flags.escaped)
            ? document.decodedBytes(at: node).withUnsafeBytes { EventType(wireName: $0) }
            : EventType(wireName: document.rawBytes(at: node))
        guard let type else {
            return .failure(
                FieldProblem(
                    field: name,
                    code: .unknownType,
                    message: "unknown event type \(document.excerpt(at: node))"
                )
            )
        }
        return .success(type)
    }
}
