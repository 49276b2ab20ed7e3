extension CanonicalEventReader {
    /// Reads a JSON array body from bytes the caller keeps alive for the call.
    /// Otherwise the same as the `[UInt8]` overload.
    ///
    /// Each element is decoded on its own, so a bad element is reported with its position and
    /// the others are still read. A syntax error ends the reading: past it, where one element
    /// stops and the next begins can no longer be known.
    public func readJSONArray(_ bytes: UnsafeRawBufferPointer, source: String) -> EventReadResult {
        var reading = ArrayBodyReading(input: bytes, source: source, errorLimit: errorLimit)
        reading.run()
        return EventReadResult(
            file: source,
            events: reading.events,
            errors: reading.errors.errors,
            omittedErrorCount: reading.errors.omittedCount
        )
    }
}

/// The state of reading one JSON array body, element after element.
private struct ArrayBodyReading {
    let input: UnsafeRawBufferPointer
    let source: String
    var parser = JSONParser()
    var decoder = EventDecoder()
    var errors: ErrorCollector
    var events: [ParsedEvent] = []
    var position = 0

    init(input: UnsafeRawBufferPointer, source: String, errorLimit: Int) {
        self.input = input
        self.source = source
        self.errors = ErrorCollector(limit: errorLimit)
    }

    mutating func run() {
        if CanonicalEventReader.hasByteOrderMark(input) { position = 3 }
        skipWhitespace()
        guard position < input.count, input[position] == .openBracket else {
            return failBody(.notAnArray, "not a JSON array: found \(found) at byte \(position + 1)")
        }
        position += 1
        skipWhitespace()
        if position < input.count, input[position] == .closeBracket {
            position += 1
            return finish()
        }
        var element = 0
        while true {
            element += 1
            guard readElement(element) else { return }
            skipWhitespace()
            guard position < input.count else {
                return failBody(.invalidJSON, "not a JSON array: unexpected end of input, expected ',' or ']'")
            }
            if input[position] == .comma {
                position += 1
                skipWhitespace()
            } else if input[position] == .closeBracket {
                position += 1
                return finish()
            } else {
                return failBody(
                    .invalidJSON,
                    "not a JSON array: expected ',' or ']', found \(found) at byte \(position + 1)"
                )
            }
        }
    }

    /// Reads the element at `position`; `false` when it is not even valid JSON.
    private mutating func readElement(_ element: Int) -> Bool {
        let start = position
        do {
            position = try parser.parseValue(in: input, from: start)
        } catch {
            errors.add(
                ImportError(
                    syntax: error,
                    file: source,
                    line: element,
                    expected: "a JSON object",
                    position: "byte \(error.offset + 1)"
                )
            )
            return false
        }
        let event = parser.withDocument { document in
            decoder.decode(document, root: 0, file: source, line: element, errors: &errors)
        }
        if let event {
            let payload = String(decoding: UnsafeRawBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
            events.append(ParsedEvent(line: element, event: event, payload: payload))
        }
        return true
    }

    /// Checks that only whitespace follows the closing bracket.
    private mutating func finish() {
        skipWhitespace()
        if position < input.count {
            failBody(.invalidJSON, "not a JSON array: unexpected \(found) after the array at byte \(position + 1)")
        }
    }

    /// Records an error about the body as a whole (line 0).
    private mutating func failBody(_ code: ImportError.Code, _ message: String) {
        errors.add(ImportError(file: source, line: 0, code: code, message: message))
    }

    /// What is at `position`, for a message.
    private var found: String {
        position < input.count ? JSONSyntaxError.describe(input[position]) : "the end of input"
    }

    private mutating func skipWhitespace() {
        while position < input.count, input[position].isJSONWhitespace { position += 1 }
    }
}
