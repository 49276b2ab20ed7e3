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
    ///
    /// Ids, dates and amounts never need escaping: they are copied whole, which keeps a
    /// report of ten thousand lines (or an append answer) from walking every character.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        if !value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            text += value
            text += "\""
            return
        }
        var start = value.startIndex
        var index = value.startIndex
        let utf8 = value.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            let escaped: String? =
                switch byte {
                case UInt8(ascii: "\""): "\\\""
                case UInt8(ascii: "\\"): "\\\\"
                case UInt8(ascii: "\n"): "\\n"
                case UInt8(ascii: "\r"): "\\r"
                case UInt8(ascii: "\t"): "\\t"
                case _ where byte < 0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: nil
                }
            let next = utf8.index(after: index)
            if let escaped {
                // Escaped bytes are ASCII, so the cut falls between scalars (not always between
                // characters: "\r\n" is one, hence the scalar view).
                text += String(value.unicodeScalars[start..<index])
                text += escaped
                start = next
            }
            index = next
        }
        text += String(value.unicodeScalars[start..<value.endIndex])
        text += "\""
    }
}
