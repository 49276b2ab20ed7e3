/// A strict RFC 8259 parser over UTF-8 bytes that lays values out on a flat, reusable tape.
///
/// Strict because an import must refuse what it cannot read exactly: control characters in
/// strings, invalid UTF-8, lone surrogates, leading zeros, trailing garbage and duplicate keys
/// are all errors. Fast because it allocates nothing per value: one parser is reused for
/// every line of a file, its tape keeping its capacity.
///
/// The parser does not own the bytes it parses; node offsets point into them. Read the
/// result with ``withDocument(_:)`` while those bytes are still alive.
struct JSONParser {
    /// Deep enough for any event (an event nests two levels); shallow enough that hostile
    /// input cannot exhaust the stack.
    static let defaultMaximumDepth = 32

    let maximumDepth: Int
    /// The parsed values, in document order; node 0 is the root.
    var nodes: [JSONNode] = []
    /// The bytes being parsed; only meaningful during and right after a parse.
    var input = UnsafeRawBufferPointer(start: nil, count: 0)
    var position = 0

    init(maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        self.maximumDepth = maximumDepth
        nodes.reserveCapacity(64)
    }

    /// Parses `input` as one complete JSON text: one value, surrounded only by whitespace.
    mutating func parse(_ input: UnsafeRawBufferPointer) throws(JSONSyntaxError) {
        position = try parseValue(in: input, from: 0)
        skipWhitespace()
        guard position == input.count else {
            throw JSONSyntaxError(reason: .trailingCharacters(input[position]), offset: position)
        }
    }

    /// Parses the one value that starts at `start` (after optional whitespace) and returns
    /// the offset just past it; what follows is the caller's business. This is how a JSON
    /// array body is read one element at a time.
    mutating func parseValue(in input: UnsafeRawBufferPointer, from start: Int) throws(JSONSyntaxError) -> Int {
        guard input.count <= Int(UInt32.max) else { throw JSONSyntaxError(reason: .tooLarge, offset: 0) }
        nodes.removeAll(keepingCapacity: true)
        self.input = input
        position = start
        skipWhitespace()
        try value(depth: 0)
        return position
    }

    /// Calls `body` with a read-only view of the last parse.
    func withDocument<Result, Failure: Error>(
        _ body: (JSONDocument) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try nodes.withUnsafeBufferPointer { nodes throws(Failure) in
            try body(JSONDocument(input: input, nodes: nodes))
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < input.count, input[position].isJSONWhitespace {
            position &+= 1
        }
    }

    func failure(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        JSONSyntaxError(reason: reason, offset: position)
    }

    /// The error for the byte at `position` when `expected` should have been there.
    func unexpected(_ expected: String) -> JSONSyntaxError {
        guard position < input.count else { return failure(.unexpectedEnd(expected: expected)) }
        return failure(.unexpectedByte(input[position], expected: expected))
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) {
        guard position < input.count else { throw failure(.unexpectedEnd(expected: "a value")) }
        switch input[position] {
        case .quote: try string()
        case .openBrace: try object(depth: depth + 1)
        case .openBracket: try array(depth: depth + 1)
        case .minus, .digitZero ... .digitNine: try number()
        case UInt8(ascii: "t"): try literal("true", kind: .true)
        case UInt8(ascii: "f"): try literal("false", kind: .false)
        case UInt8(ascii: "n"): try literal("null", kind: .null)
        default: throw unexpected("a value")
        }
    }

    /// Appends the node for a value that has no children, ending at `position`.
    @inline(__always)
    mutating func appendLeaf(_ kind: JSONValueKind, flags: UInt8 = 0, start: Int) {
        let index = UInt32(truncatingIfNeeded: nodes.count)
        nodes.append(
            JSONNode(
                kind: kind,
                flags: flags,
                start: UInt32(truncatingIfNeeded: start),
                end: UInt32(truncatingIfNeeded: position),
                count: 0,
                next: index &+ 1
            )
        )
    }

    private mutating func literal(_ text: StaticString, kind: JSONValueKind) throws(JSONSyntaxError) {
        let start = position
        let expected = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for byte in expected {
            guard position < input.count, input[position] == byte else {
                position = start
                throw unexpected("a value")
            }
            position &+= 1
        }
        appendLeaf(kind, start: start)
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maximumDepth else { throw failure(.tooDeep(limit: maximumDepth)) }
        let index = openContainer(.object)
        skipWhitespace()
        var count: UInt32 = 0
        if position < input.count, input[position] == .closeBrace {
            position &+= 1
        } else {
            while true {
                guard position < input.count, input[position] == .quote else {
                    throw unexpected(count == 0 ? "a string key or '}'" : "a string key")
                }
                try string()
                skipWhitespace()
                guard position < input.count, input[position] == .colon else {
                    throw unexpected("':' after an object key")
                }
                position &+= 1
                skipWhitespace()
                try value(depth: depth)
                count &+= 1
                skipWhitespace()
                guard position < input.count else { throw unexpected("',' or '}'") }
                let byte = input[position]
                if byte == .comma {
                    position &+= 1
                    skipWhitespace()
                } else if byte == .closeBrace {
                    position &+= 1
                    break
                } else {
                    throw unexpected("',' or '}'")
                }
            }
        }
        closeContainer(at: index, count: count)
        if count > 1 { try checkDuplicateKeys(objectAt: index) }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maximumDepth else { throw failure(.tooDeep(limit: maximumDepth)) }
        let index = openContainer(.array)
        skipWhitespace()
        var count: UInt32 = 0
        if position < input.count, input[position] == .closeBracket {
            position &+= 1
        } else {
            while true {
                try value(depth: depth)
                count &+= 1
                skipWhitespace()
                guard position < input.count else { throw unexpected("',' or ']'") }
                let byte = input[position]
                if byte == .comma {
                    position &+= 1
                    skipWhitespace()
                } else if byte == .closeBracket {
                    position &+= 1
                    break
                } else {
                    throw unexpected("',' or ']'")
                }
            }
        }
        closeContainer(at: index, count: count)
    }

    /// Appends a container's node before its children, past its opening bracket.
    private mutating func openContainer(_ kind: JSONValueKind) -> Int {
        let index = nodes.count
        nodes.append(
            JSONNode(kind: kind, flags: 0, start: UInt32(truncatingIfNeeded: position), end: 0, count: 0, next: 0)
        )
        position &+= 1
        return index
    }

    /// Completes a container's node once its children are on the tape.
    private mutating func closeContainer(at index: Int, count: UInt32) {
        nodes[index].end = UInt32(truncatingIfNeeded: position)
        nodes[index].count = count
        nodes[index].next = UInt32(truncatingIfNeeded: nodes.count)
    }
}
