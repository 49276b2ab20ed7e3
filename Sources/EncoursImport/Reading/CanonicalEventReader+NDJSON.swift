import Dispatch
import Synchronization

extension CanonicalEventReader {
    /// Reads NDJSON from bytes the caller keeps alive for the call (a mapped file, `Data`).
    /// Otherwise the same as the `[UInt8]` overload.
    ///
    /// A large file is cut at line feeds into pieces read on every core: lines are
    /// independent, and reading was a serial second and a half of a million-event import
    /// while the other core waited. Events and errors come back in file order either way.
    public func readNDJSON(_ bytes: UnsafeRawBufferPointer, file: String) -> EventReadResult {
        let start = Self.hasByteOrderMark(bytes) ? 3 : 0
        let pieces = Self.pieces(of: bytes, from: start)
        guard pieces.count > 1 else {
            let piece = readLines(bytes, in: start..<bytes.count, file: file)
            return EventReadResult(
                file: file,
                events: piece.events,
                errors: piece.errors.errors,
                omittedErrorCount: piece.errors.omittedCount
            )
        }
        let results = Mutex<[LinesRead?]>(Array(repeating: nil, count: pieces.count))
        let input = UncheckedBytes(bytes)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            let piece = readLines(input.bytes, in: pieces[index], file: file)
            results.withLock { $0[index] = piece }
        }
        // Taken out of the table, not copied: the events must have one owner to be renumbered in place.
        let read = results.withLock { pieces in pieces.indices.map { pieces[$0].take()! } }
        return Self.merge(read, file: file, errorLimit: errorLimit)
    }

    /// As ``readNDJSON(_:file:)``, handing the events to `deliver` in file order as they are
    /// read, a few thousand at a time, so that a consumer (the ledger inserting them) works
    /// while the rest of the file is parsed. From the first piece with an error on, events
    /// are no longer delivered (nothing will be appended). The result's
    /// ``EventReadResult/events`` is empty. Lines are read on the calling thread. `deliver`
    /// owns what it is given: it can move the events on rather than copy them.
    public func readNDJSON(
        _ bytes: UnsafeRawBufferPointer,
        file: String,
        delivering deliver: (consuming [ParsedEvent]) -> Void
    ) -> EventReadResult {
        let start = Self.hasByteOrderMark(bytes) ? 3 : 0
        var joined = PiecesJoined(errorLimit: errorLimit)
        for piece in Self.pieces(of: bytes, from: start, atLeast: Self.deliveredPieceByteCount, count: Int.max) {
            let read = readLines(bytes, in: piece, file: file)
            // Past an error nothing will be appended: the events are only counted.
            let clean = joined.isClean && read.errors.errors.isEmpty && read.errors.omittedCount == 0
            let events = joined.add(read)
            if clean { deliver(events) }
        }
        return joined.result(file: file, events: [])
    }

    /// Pieces handed over one at a time: about 15,000 events, small enough that the first
    /// rows reach the consumer within a few milliseconds.
    static let deliveredPieceByteCount = 2 << 20

    /// What one piece of a file gave, with line numbers counted from the piece's start.
    struct LinesRead: Sendable {
        var events: [ParsedEvent]
        var errors: ErrorCollector
        /// How many lines the piece holds: where the next piece's numbering starts.
        var lineCount: Int
    }

    /// Reads the lines of `bytes[range]`, numbering them from 1.
    func readLines(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>, file: String) -> LinesRead {
        var parser = JSONParser()
        var decoder = EventDecoder()
        var errors = ErrorCollector(limit: errorLimit)
        var events: [ParsedEvent] = []
        // Room for lines of a typical length (about 150 bytes), so that the events are not
        // moved as the array grows.
        events.reserveCapacity(range.count / 128)
        var lineStart = range.lowerBound
        var lineNumber = 0
        while lineStart < range.upperBound {
            lineNumber += 1
            let rawStart = lineStart
            let lineEnd = Self.newline(in: bytes, from: lineStart, before: range.upperBound)
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
        return LinesRead(events: events, errors: errors, lineCount: lineNumber)
    }

    /// Pieces are at least this big: below it, starting threads costs more than it saves.
    static let pieceByteCount = 4 << 20

    /// Ranges of whole lines covering `bytes[start...]`, each ending after a line feed but
    /// the last: eight of them (enough to keep a few cores even), none smaller than
    /// ``pieceByteCount``.
    static func pieces(of bytes: UnsafeRawBufferPointer, from start: Int) -> [Range<Int>] {
        pieces(of: bytes, from: start, atLeast: pieceByteCount, count: 8)
    }

    /// Ranges of whole lines covering `bytes[start...]`: about `count` of them, none smaller
    /// than `minimum` bytes.
    static func pieces(of bytes: UnsafeRawBufferPointer, from start: Int, atLeast minimum: Int, count: Int)
        -> [Range<Int>]
    {
        let target = max(minimum, (bytes.count - start) / count + 1)
        var pieces: [Range<Int>] = []
        var pieceStart = start
        while pieceStart < bytes.count {
            let cut = min(bytes.count, pieceStart + target)
            let lineFeed = cut == bytes.count ? cut : newline(in: bytes, from: cut, before: bytes.count)
            let end = min(bytes.count, lineFeed + 1)
            pieces.append(pieceStart..<end)
            pieceStart = end
        }
        return pieces
    }

    /// The pieces' events and errors in file order, renumbered from the file's first line,
    /// keeping the first `errorLimit` errors and counting the others.
    static func merge(_ pieces: consuming [LinesRead], file: String, errorLimit: Int) -> EventReadResult {
        var events: [ParsedEvent] = []
        events.reserveCapacity(pieces.reduce(0) { $0 + $1.events.count })
        var joined = PiecesJoined(errorLimit: errorLimit)
        var pieces = pieces
        pieces.reverse()
        while let piece = pieces.popLast() { events += joined.add(piece) }
        return joined.result(file: file, events: events)
    }

    static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The offset of the next line feed at or after `start`, or the end of the input.
    static func newline(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        newline(in: bytes, from: start, before: bytes.count)
    }

    /// The offset of the next line feed in `start..<limit`, or `limit`.
    ///
    /// Looks at eight bytes at a time: finding line ends is a pass over the whole file.
    static func newline(in bytes: UnsafeRawBufferPointer, from start: Int, before limit: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lineFeeds = ones &* UInt64(UInt8.lineFeed)
        var position = start
        while position + 8 <= limit {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) ^ lineFeeds
            let zeros = (word &- ones) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return position + zeros.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < limit, bytes[position] != .lineFeed { position += 1 }
        return position
    }
}

/// Pieces of a file put back together in file order: line numbers counted from the file's
/// first line, the first errors kept up to the limit and the others counted.
private struct PiecesJoined {
    private var errors: ErrorCollector
    private var omitted = 0
    private var linesBefore = 0

    init(errorLimit: Int) {
        errors = ErrorCollector(limit: errorLimit)
    }

    /// Whether no piece added so far had an error.
    var isClean: Bool { errors.errors.isEmpty && omitted == 0 && errors.omittedCount == 0 }

    /// Takes the next piece's errors; returns its events, renumbered.
    ///
    /// Consuming, and the events taken last: renumbering events still shared with the
    /// caller's piece would copy every one of them first.
    mutating func add(_ piece: consuming CanonicalEventReader.LinesRead) -> [ParsedEvent] {
        for var error in piece.errors.errors {
            error.line += linesBefore
            errors.add(error)
        }
        omitted += piece.errors.omittedCount
        let before = linesBefore
        linesBefore += piece.lineCount
        var events = piece.events
        for index in events.indices { events[index].line += before }
        return events
    }

    func result(file: String, events: [ParsedEvent]) -> EventReadResult {
        EventReadResult(
            file: file,
            events: events,
            errors: errors.errors,
            omittedErrorCount: errors.omittedCount + omitted
        )
    }
}

/// The caller's bytes, shared with the reading threads for the duration of the call.
private struct UncheckedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}
