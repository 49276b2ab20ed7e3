import EncoursCore

/// The fields of one event object, found in a single pass over its members, with typed
/// readers that record every problem instead of stopping at the first.
///
/// Reporting all of a line's problems at once saves the operator a fix-and-retry round per
/// field. So a reader that meets a bad value records a ``FieldProblem`` and returns a
/// placeholder; the caller discards the event whenever ``problems`` is not empty, so a
/// placeholder never reaches the ledger.
struct EventFields {
    let document: JSONDocument
    /// For each ``WireField`` (by raw value), the tape index of its value, or -1 when absent.
    private let slots: UnsafeMutableBufferPointer<Int32>
    var problems: [FieldProblem] = []

    /// Indexes the members of the object at tape index `object`; unknown keys are skipped.
    init(document: JSONDocument, object: Int, slots: UnsafeMutableBufferPointer<Int32>) {
        self.document = document
        self.slots = slots
        slots.update(repeating: -1)
        var key = document.firstChild(of: object)
        let end = document.end(of: object)
        while key < end {
            if let field = EventFields.field(named: key, in: document) {
                slots[field.rawValue] = Int32(truncatingIfNeeded: key + 1)
            }
            key = document.sibling(of: key + 1)
        }
    }

    /// The contract field a key names, decoding the key first in the rare case it has escapes.
    static func field(named key: Int, in document: JSONDocument) -> WireField? {
        guard document.nodes[key].has(JSONNode.Flags.escaped) else {
            return WireField(key: document.rawBytes(at: key))
        }
        return document.decodedBytes(at: key).withUnsafeBytes { WireField(key: $0) }
    }

    mutating func record(_ path: FieldPath, _ code: ImportError.Code, _ message: String) {
        problems.append(FieldProblem(field: path.description, code: code, message: message))
    }

    mutating func recordWrongType(_ path: FieldPath, node: Int, expected: String) {
        record(path, .wrongType, "expected \(expected), found \(document.kind(at: node).nameWithArticle)")
    }

    /// The value's tape index when the field is present and not `null` (`null` means absent).
    func optional(_ field: WireField) -> Int? {
        let slot = slots[field.rawValue]
        guard slot >= 0, document.kind(at: Int(slot)) != .null else { return nil }
        return Int(slot)
    }

    /// The value's tape index, or `nil` after recording that the required field is missing.
    mutating func required(_ field: WireField) -> Int? {
        required(at: slots[field.rawValue] >= 0 ? Int(slots[field.rawValue]) : nil, FieldPath(field))
    }

    mutating func required(at node: Int?, _ path: FieldPath) -> Int? {
        guard let node else {
            record(path, .missingField, "required but missing")
            return nil
        }
        guard document.kind(at: node) != .null else {
            record(path, .missingField, "required but null")
            return nil
        }
        return node
    }
}
