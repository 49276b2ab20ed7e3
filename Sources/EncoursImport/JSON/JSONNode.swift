/// The kind of a JSON value, as RFC 8259 names them (booleans split by value).
enum JSONValueKind: UInt8, Sendable {
    case object
    case array
    case string
    case number
    case `true`
    case `false`
    case null

    /// The kind with an article, completing "expected a string, found ...".
    var nameWithArticle: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .true, .false: "a boolean"
        case .null: "null"
        }
    }
}

/// One value of a parsed JSON text, laid out flat on the parser's tape.
///
/// A tape of small fixed-size records, reused from one document to the next, is what lets
/// the reader go through a million events a second: no tree of objects, no `String` for a
/// key, and a string's text decoded only when a field is read. Offsets are 32-bit, relative
/// to the start of the parsed input, to keep a node at 20 bytes.
struct JSONNode: Sendable {
    var kind: JSONValueKind
    /// See ``Flags``.
    var flags: UInt8
    /// Strings: the first byte after the opening quote. Others: the value's first byte.
    var start: UInt32
    /// Strings: the closing quote. Others: the byte just past the value.
    var end: UInt32
    /// Objects: the number of members; arrays: the number of elements; others: 0.
    var count: UInt32
    /// The tape index just past this value and everything nested in it, so that walking an
    /// object's members or an array's elements skips over nested values in one step.
    var next: UInt32

    /// Facts the parser learnt for free while scanning, so readers need not scan again.
    enum Flags {
        /// A string holding backslash escapes: its text must be decoded, not copied.
        static let escaped: UInt8 = 1
        /// A number with a fraction part (`1.5`).
        static let fraction: UInt8 = 2
        /// A number with an exponent (`1e3`).
        static let exponent: UInt8 = 4
        /// A number with a leading minus sign.
        static let negative: UInt8 = 8
    }

    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}
