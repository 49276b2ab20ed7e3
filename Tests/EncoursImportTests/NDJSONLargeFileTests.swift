import EncoursCore
import Testing

@testable import EncoursImport

/// A file big enough to be read in pieces on several cores must read exactly as one read
/// in one piece: events, line numbers and errors in file order, the error limit over the file.
struct NDJSONLargeFileTests {
    /// About 15 MB: four pieces of at least ``CanonicalEventReader/pieceByteCount``.
    static let lineCount = 120_000
    static let badLines: Set<Int> = [7, 40_001, 80_002, 119_999]

    static func line(_ number: Int) -> String {
        if badLines.contains(number) {
            return #"{"type":"note.logged","customer":"C1","text":"x","on":"2026-02-30"}"#
        }
        let padding = String(repeating: "n", count: 40)
        return #"{"type":"note.logged","customer":"C1","text":"note \#(number) \#(padding)","on":"2026-03-02"}"#
    }

    static let file: [UInt8] = {
        var text = ""
        text.reserveCapacity(lineCount * 130)
        for number in 1...lineCount {
            text += line(number)
            // A blank line and a CRLF now and then: numbering must still count them.
            text += number % 1_000 == 0 ? "\r\n\n" : "\n"
        }
        return Array(text.utf8)
    }()

    /// The line number of the `number`th event line, counting the blank lines before it.
    static func fileLine(_ number: Int) -> Int { number + (number - 1) / 1_000 }

    @Test func theFileIsReallyCutInPieces() {
        let pieces = Self.file.withUnsafeBytes { CanonicalEventReader.pieces(of: $0, from: 0) }
        #expect(pieces.count >= 3)
        #expect(pieces.first?.lowerBound == 0)
        #expect(pieces.last?.upperBound == Self.file.count)
        for (earlier, later) in zip(pieces, pieces.dropFirst()) {
            #expect(earlier.upperBound == later.lowerBound)
            #expect(Self.file[earlier.upperBound - 1] == UInt8(ascii: "\n"))
        }
    }

    @Test func eventsAndErrorsComeInFileOrderWithTheirLines() {
        let result = CanonicalEventReader().readNDJSON(Self.file, file: "big.ndjson")
        #expect(result.events.count == Self.lineCount - Self.badLines.count)
        let good = (1...Self.lineCount).filter { !Self.badLines.contains($0) }
        #expect(result.events.map(\.line) == good.map(Self.fileLine))
        #expect(result.events[0].payload == Self.line(1))
        #expect(result.events.last?.payload == Self.line(Self.lineCount))
        #expect(result.errors.map(\.line) == Self.badLines.sorted().map(Self.fileLine))
        #expect(result.errors.allSatisfy { $0.field == "on" })
    }

    @Test func theErrorLimitCountsOverTheWholeFile() {
        let result = CanonicalEventReader(errorLimit: 2).readNDJSON(Self.file, file: "big.ndjson")
        #expect(result.errors.map(\.line) == Self.badLines.sorted().prefix(2).map(Self.fileLine))
        #expect(result.omittedErrorCount == 2)
    }
}
