/// A read-only view of a parsed JSON text: the parser's tape plus the bytes it points into.
///
/// Values are addressed by tape index (0 is the root). Nothing is copied until asked for:
/// a string becomes a `String` only when a field is read, which is what keeps an event with
/// ignored extra fields as cheap as one without.
struct JSONDocument {
    let input: UnsafeRawBufferPointer
    let nodes: UnsafeBufferPointer<JSONNode>

    @inline(__always)
    func kind(at index: Int) -> JSONValueKind { nodes[index].kind }

    /// A string's undecoded text (between the quotes), or any other value's source text.
    @inline(__always)
    func rawBytes(at index: Int) -> UnsafeRawBufferPointer {
        let node = nodes[index]
        return UnsafeRawBufferPointer(rebasing: input[Int(node.start)..<Int(node.end)])
    }

    /// The value's exact source text, quotes included for a string.
    func sourceBytes(at index: Int) -> UnsafeRawBufferPointer {
        let node = nodes[index]
        guard node.kind == .string else { return rawBytes(at: index) }
        return UnsafeRawBufferPointer(rebasing: input[Int(node.start) - 1..<Int(node.end) + 1])
    }

    /// The value's source text as error messages quote it, cut short when long so that one
    /// bad field cannot flood a report: `"12,50"`, `1e3`.
    func excerpt(at index: Int, limit: Int = 40) -> String {
        let source = sourceBytes(at: index)
        guard source.count > limit else { return String(decoding: source, as: UTF8.self) }
        var end = limit
        // Cut on a scalar boundary: never in the middle of a UTF-8 sequence.
        while end > 0, source[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: source[0..<end]), as: UTF8.self) + "…"
    }

    /// A string value's decoded text.
    func string(at index: Int) -> String {
        guard nodes[index].has(JSONNode.Flags.escaped) else {
            return String(decoding: rawBytes(at: index), as: UTF8.self)
        }
        return String(decoding: decodedBytes(at: index), as: UTF8.self)
    }

    /// A string value's decoded UTF-8. The parser validated every escape, so decoding cannot
    /// fail here.
    func decodedBytes(at index: Int) -> [UInt8] {
        let raw = rawBytes(at: index)
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == .backslash else {
                output.append(byte)
                position += 1
                continue
            }
            let escaped = raw[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(.lineFeed)
            case UInt8(ascii: "r"): output.append(.carriageReturn)
            case UInt8(ascii: "t"): output.append(.tab)
            case UInt8(ascii: "u"):
                var scalar = Self.hexQuad(raw, at: position)
                position += 4
                if scalar >= 0xD800, scalar <= 0xDBFF {
                    let low = Self.hexQuad(raw, at: position + 2)
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                Self.appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &output)
            default: output.append(escaped)  // \" \\ \/
            }
        }
        return output
    }

    /// Whether two string values (keys) have the same decoded text.
    func keysEqual(_ first: Int, _ second: Int) -> Bool {
        let escaped = nodes[first].has(JSONNode.Flags.escaped) || nodes[second].has(JSONNode.Flags.escaped)
        guard escaped else { return rawBytes(at: first).elementsEqual(rawBytes(at: second)) }
        return decodedBytes(at: first) == decodedBytes(at: second)
    }

    /// The tape index of the first member key of an object, or of the first element of an array.
    @inline(__always)
    func firstChild(of index: Int) -> Int { index + 1 }

    /// The tape index just past a container's last child.
    @inline(__always)
    func end(of index: Int) -> Int { Int(nodes[index].next) }

    /// The tape index of the value after this one at the same level.
    @inline(__always)
    func sibling(of index: Int) -> Int { Int(nodes[index].next) }

    private static func hexQuad(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            value = value << 4 | (JSONParser.hexValue(raw[index]) ?? 0)
        }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
