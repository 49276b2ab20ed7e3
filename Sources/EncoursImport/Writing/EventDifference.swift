import EncoursCore

/// One field on which a document sent again differs from the one recorded under its key.
///
/// Cumulative exports send every document again; one whose amount or customer changed in
/// the invoicing system since it was recorded must not be merged silently, and the person
/// fixing it needs to see exactly what changed, field by field, in the contract's own
/// spelling: `amount: recorded 120.00, new 150.00`.
public struct EventDifference: Sendable, Hashable, CustomStringConvertible {
    /// The wire name of the field: `amount`, `customer`, `allocations`.
    public var field: String
    /// The recorded value as canonical JSON writes it (strings unquoted), or `nil` when the
    /// recorded event has no such field.
    public var recorded: String?
    /// The value just sent, the same way.
    public var new: String?

    public init(field: String, recorded: String?, new: String?) {
        self.field = field
        self.recorded = recorded
        self.new = new
    }

    public var description: String {
        "\(field): recorded \(recorded ?? "(absent)"), new \(new ?? "(absent)")"
    }

    /// The fields on which `new` differs from `recorded`, in the canonical order of their
    /// members (the recorded event's first, then any only the new one has).
    public static func between(recorded: Event, new: Event) -> [EventDifference] {
        let writer = CanonicalEventWriter()
        let old = members(of: writer.json(recorded))
        let sent = members(of: writer.json(new))
        var differences: [EventDifference] = []
        for (field, value) in old where sent.first(where: { $0.0 == field })?.1 != value {
            differences.append(EventDifference(field: field, recorded: value, new: sent.first { $0.0 == field }?.1))
        }
        for (field, value) in sent where !old.contains(where: { $0.0 == field }) {
            differences.append(EventDifference(field: field, recorded: nil, new: value))
        }
        return differences
    }

    /// A conflict as import reports print it: `headline`, then each difference on its own
    /// line, indented; the headline alone when the holding event is not known.
    public static func report(_ headline: String, recorded: Event?, new: Event) -> String {
        let differences = recorded.map { between(recorded: $0, new: new) } ?? []
        return ([headline] + differences.map { "  \($0)" }).joined(separator: "\n")
    }

    /// The top-level members of a canonical JSON object: names and values, a string's value
    /// without its quotes, any other value as its JSON text.
    private static func members(of json: String) -> [(String, String)] {
        var parser = JSONParser()
        return Array(json.utf8).withUnsafeBytes { raw in
            do {
                try parser.parse(raw)
            } catch {
                return []  // canonical JSON always parses
            }
            return parser.withDocument { document in
                var members: [(String, String)] = []
                var key = document.firstChild(of: 0)
                while key < document.end(of: 0) {
                    let value = key + 1
                    let text =
                        document.kind(at: value) == .string
                        ? document.string(at: value)
                        : String(decoding: document.sourceBytes(at: value), as: UTF8.self)
                    members.append((document.string(at: key), text))
                    key = document.sibling(of: value)
                }
                return members
            }
        }
    }
}
