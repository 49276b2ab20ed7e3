import Dispatch
import Synchronization

extension CanonicalEventReader {
    /// Reads NDJSON on `parts` cores at once: the input is cut at line ends into parts of
    /// about equal size, each read on its own, and the results joined in input order.
    ///
    /// The result is the same as ``readNDJSON(_:file:)-(UnsafeRawBufferPointer,_)``'s, line
    /// numbers and error bound included; only the time differs. Small inputs are read on
    /// one core.
    public func readNDJSON(_ bytes: UnsafeRawBufferPointer, file: String, parts: Int) -> EventReadResult {
        let start = Self.hasByteOrderMark(bytes) ? 3 : 0
        guard parts > 1, bytes.count - start >= 1 << 20 else { return readNDJSON(bytes, file: file) }
        var cuts = [start]
        var lineNumbers = [1]
        var lines = 1
        var counted = start
        for part in 1..<parts {
            let target = start + (bytes.count - start) * part / parts
            guard target > cuts[cuts.count - 1] else { continue }
            let cut = Self.newline(in: bytes, from: target) + 1
            guard cut < bytes.count else { break }
            lines += Self.lineFeeds(in: bytes, from: counted, to: cut)
            counted = cut
            cuts.append(cut)
            lineNumbers.append(lines)
        }
        cuts.append(bytes.count)
        let bounds = cuts
        let firstLines = lineNumbers
        let pieces = PartResults(count: cuts.count - 1)
        let input = SendableBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { part in
            let piece = UnsafeRawBufferPointer(rebasing: input.bytes[..<bounds[part + 1]])
            pieces.store(readLines(piece, from: bounds[part], firstLineNumber: firstLines[part], file: file), at: part)
        }
        return joined(pieces.results, file: file)
    }

    private func joined(_ results: [EventReadResult], file: String) -> EventReadResult {
        var events: [ParsedEvent] = []
        events.reserveCapacity(results.reduce(0) { $0 + $1.events.count })
        var errors: [ImportError] = []
        var omitted = 0
        for result in results {
            events.append(contentsOf: result.events)
            let room = max(0, errorLimit - errors.count)
            errors.append(contentsOf: result.errors.prefix(room))
            omitted += max(0, result.errors.count - room) + result.omittedErrorCount
        }
        return EventReadResult(file: file, events: events, errors: errors, omittedErrorCount: omitted)
    }

    static func lineFeeds(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var count = 0
        var position = start
        while position < end {
            position = newline(in: UnsafeRawBufferPointer(rebasing: bytes[..<end]), from: position)
            if position < end { count += 1 }
            position += 1
        }
        return count
    }
}

/// The caller's bytes, shared read-only with the reading threads for the call's duration.
private struct SendableBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// One result per part, each written once by its thread and read after all joined.
private final class PartResults: Sendable {
    private let slots: Mutex<[EventReadResult?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ result: EventReadResult, at index: Int) {
        slots.withLock { $0[index] = result }
    }

    var results: [EventReadResult] {
        slots.withLock { $0.map { $0! } }
    }
}
