extension CanonicalEventReader {
    /// Reads NDJSON from bytes the caller keeps alive for the call (a mapped file, `Data`).
    /// Otherwise the same as the `[UInt8]` overload.
    public func readNDJSON(_ bytes: UnsafeRawBufferPointer, file: String) -> EventReadResult {
        var parser = JSONParser()
        var decoder = EventDecoder()
        var errors = ErrorCollector(limit: errorLimit)
        var events: [ParsedEvent] = []
        var lineStart = Self.hasByteOrderMark(bytes) ? 3 : 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            let rawStart = lineStart
            let lineEnd = Self.newline(in: bytes, from: lineStart)
            var start = lineStart
            var end = lineEnd
            while start < end, bytes[start].isJSONWhitespace { start += 1 }
            while end > start, bytes[end - 1].isJSONWhitespace { end -= 1 }
            lineStart = lineEnd + 1
            guard start < end else { continue }  // a blank line

            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            do {
                try parser.parse(line)
            } catch {
                // Columns count bytes from the line's first byte, as editors' byte offsets do.
                let column = start - rawStart + error.offset + 1
                errors.add(
                    ImportError(
                        syntax: error,
                        file: file,
                        line: lineNumber,
                        expected: "a JSON object",
                        position: "column \(column)"
                    )
                )
                continue
            }
            let event = parser.withDocument { document in
                decoder.decode(document, root: 0, file: file, line: lineNumber, errors: &errors)
            }
            if let event {
                events.append(
                    ParsedEvent(line: lineNumber, event: event, payload: String(decoding: line, as: UTF8.self))
                )
            }
        }
        return EventReadResult(
            file: file,
            events: events,
            errors: errors.errors,
            omittedErrorCount: errors.omittedCount
        )
    }

    static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The offset of the next line feed at or after `start`, or the end of the input.
    ///
    /// Looks at eight bytes at a time: finding line ends is a pass over the whole file.
    static func newline(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lineFeeds = ones &* UInt64(UInt8.lineFeed)
        var position = start
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) ^ lineFeeds
            let zeros = (word &- ones) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return position + zeros.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < bytes.count, bytes[position] != .lineFeed { position += 1 }
        return position
    }
}
