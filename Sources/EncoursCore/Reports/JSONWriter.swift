/// Writes compact JSON with keys in the order given, so results read the same on every run
/// and the CLI's `--format json` is byte for byte what the API returns.
public struct JSONWriter: Sendable {
    public private(set) var text = ""
    private var needsComma = [false]

    public init() {}

    public mutating func beginObject() {
        separate()
        text += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        text += "}"
        needsComma.removeLast()
    }

    public mutating func beginArray() {
        separate()
        text += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        text += "]"
        needsComma.removeLast()
    }

    /// Writes `"key":`; the next value completes the member.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.appendQuoted(name, to: &text)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendQuoted(value, to: &text)
    }

    /// Writes a number or literal whose text is already valid JSON (`41.3`, `null`).
    public mutating func raw(_ literal: String) {
        separate()
        text += literal
    }

    public mutating func null() { raw("null") }

    public mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: String, _ value: Money?) {
        key(name)
        if let value { string(value.decimalString) } else { null() }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// Appends `value` as a JSON string, escaping what RFC 8259 requires.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        var pending = Substring.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let escaped: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case _ where scalar.value < 0x20:
                    "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: nil
                }
            if let escaped {
                text += String(pending)
                pending = Substring.UnicodeScalarView()
                text += escaped
            } else {
                pending.append(scalar)
            }
        }
        text += String(pending)
        text += "\""
    }
}
