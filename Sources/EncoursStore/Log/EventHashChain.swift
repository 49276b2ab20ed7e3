import Crypto

/// The SHA-256 chain that makes any change to a logged row detectable (DESIGN §3).
///
/// Each row's `hash` column commits to the previous row's hash and to all of its own
/// columns, so altering, inserting or removing a row in the middle of the log breaks every
/// hash from there on, even when done with the `sqlite3` tool after dropping the
/// append-only triggers. `EventLog.verify` recomputes it.
///
/// Definition, for the row with sequence number `seq` (rows are numbered 1, 2, 3, ...):
///
///     hash(seq) = SHA-256( hash(seq - 1)
///                          ‖ F(seq) ‖ F(type) ‖ F(stream) ‖ F(occurred_on) ‖ F(recorded_at)
///                          ‖ F(actor) ‖ F(key) ‖ F(payload) ‖ F(record) )
///
/// - `hash(0)`, the predecessor of the first row, is 32 zero bytes.
/// - `‖` is byte concatenation.
/// - `F(x)` is the length of `x` in bytes as an 8-byte unsigned big-endian integer,
///   followed by the bytes of `x`. The length prefixes make the encoding injective: two
///   rows that differ in any column never feed the same bytes to SHA-256.
/// - `seq` is written as its 8-byte big-endian two's-complement value, so `F(seq)` is
///   `00 00 00 00 00 00 00 08` followed by those 8 bytes.
/// - Text columns (`type`, `stream`, `occurred_on`, `recorded_at`, `actor`, `key`,
///   `payload`) are their UTF-8 bytes exactly as stored, without terminator; `record` is
///   the BLOB's bytes.
/// - The result is stored as a 32-byte BLOB in `hash`.
///
/// A duplicate that the log skips gets no row and does not advance the chain. What the
/// chain cannot show is the removal of the newest rows: compare ``EventLog/lastHash`` with
/// a copy kept elsewhere (a backup, a report) to anchor the head.
public enum EventHashChain {
    public static let hashByteCount = 32

    /// The predecessor of the first row: 32 zero bytes.
    public static let genesis = [UInt8](repeating: 0, count: hashByteCount)

    /// The hash of `row` after a row whose hash is `previous`.
    public static func hash(of row: StoredEvent, previous: [UInt8]) -> [UInt8] {
        let hasher = RowHasher()
        _ = previous.withUnsafeBytes { previous in
            row.record.withUnsafeBytes { record in
                hasher.appendRow(
                    previous: previous,
                    seq: row.seq,
                    type: row.type,
                    stream: row.stream,
                    occurredOn: row.occurredOnText,
                    recordedAt: row.recordedAt,
                    actor: row.actor,
                    key: row.key,
                    payload: row.payload,
                    record: record
                )
            }
        }
        var output = [UInt8](repeating: 0, count: hashByteCount)
        output.withUnsafeMutableBytes { hasher.finish(into: $0) }
        return output
    }
}

/// Builds one row's hash input in one reused buffer, then hashes it in a single call.
///
/// The buffer is owned memory (not an array) so the append loop can also bind the
/// columns straight from it without SQLite copying them again: ``fields`` stay valid
/// until the next ``begin(previous:)``.
/// A column as the hash chain reads it: its bytes as stored.
protocol HashedColumn {
    func append(to hasher: RowHasher) -> Range<Int>
}

extension String: HashedColumn {
    func append(to hasher: RowHasher) -> Range<Int> { hasher.append(field: self) }
}

extension UnsafeRawBufferPointer: HashedColumn {
    func append(to hasher: RowHasher) -> Range<Int> { hasher.append(field: self) }
}

/// Where each column landed in the hasher's buffer, so the insert can bind them from there.
struct HashedColumnRanges {
    var type: Range<Int>
    var stream: Range<Int>
    var occurredOn: Range<Int>
    var recordedAt: Range<Int>
    var actor: Range<Int>
    var key: Range<Int>
    var payload: Range<Int>
    var record: Range<Int>
}

extension RowHasher {
    /// Starts a row's hash input: the one place that says which columns the chain covers
    /// and in which order (``EventHashChain``). Appending, verifying and tests all call it.
    @discardableResult
    func appendRow(
        previous: UnsafeRawBufferPointer,
        seq: Int64,
        type: some HashedColumn,
        stream: some HashedColumn,
        occurredOn: some HashedColumn,
        recordedAt: some HashedColumn,
        actor: some HashedColumn,
        key: some HashedColumn,
        payload: some HashedColumn,
        record: some HashedColumn
    ) -> HashedColumnRanges {
        begin(previous: previous)
        append(seq: seq)
        return HashedColumnRanges(
            type: type.append(to: self),
            stream: stream.append(to: self),
            occurredOn: occurredOn.append(to: self),
            recordedAt: recordedAt.append(to: self),
            actor: actor.append(to: self),
            key: key.append(to: self),
            payload: payload.append(to: self),
            record: record.append(to: self)
        )
    }
}

extension RowHasher {
    /// ``appendRow(previous:seq:type:stream:occurredOn:recordedAt:actor:key:payload:record:)``
    /// for a row on its way into the log: the appending loop and ``RowBlockBuilder`` both
    /// hash new rows this way.
    func appendRow(
        previous: [UInt8],
        seq: Int64,
        event: NewEvent,
        occurredOn: UnsafeRawBufferPointer,
        recordedAt: String
    ) -> HashedColumnRanges {
        previous.withUnsafeBytes { previous in
            event.record.withUnsafeBytes { record in
                appendRow(
                    previous: previous,
                    seq: seq,
                    type: event.type,
                    stream: event.stream,
                    occurredOn: occurredOn,
                    recordedAt: recordedAt,
                    actor: event.actor,
                    key: event.key,
                    payload: event.payload,
                    record: record
                )
            }
        }
    }
}

final class RowHasher {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        storage.deallocate()
    }

    func begin(previous: UnsafeRawBufferPointer) {
        precondition(previous.count == EventHashChain.hashByteCount, "a chain hash is 32 bytes")
        count = 0
        write(previous)
    }

    func append(seq: Int64) {
        appendLength(8)
        withUnsafeBytes(of: seq.bigEndian) { write($0) }
    }

    /// Appends `F(bytes)` and returns where the bytes themselves sit in the input.
    @discardableResult
    func append(field bytes: UnsafeRawBufferPointer) -> Range<Int> {
        appendLength(bytes.count)
        let start = count
        write(bytes)
        return start..<count
    }

    @discardableResult
    func append(field text: String) -> Range<Int> {
        // Read in place: a mutable copy for `withUTF8` retains and releases the text, eight
        // columns a row, a million rows an import.
        if let range = text.utf8.withContiguousStorageIfAvailable({ append(field: UnsafeRawBufferPointer($0)) }) {
            return range
        }
        var text = text
        return text.withUTF8 { append(field: UnsafeRawBufferPointer($0)) }
    }

    /// The whole input so far; valid until the next `begin` or `append`.
    var input: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage, count: count)
    }

    /// Bytes of the input; valid until the next `begin` or `append`.
    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + range.lowerBound, count: range.count)
    }

    /// Writes the 32-byte SHA-256 of the input to `output`.
    func finish(into output: UnsafeMutableRawBufferPointer) {
        var sha256 = SHA256()
        sha256.update(bufferPointer: UnsafeRawBufferPointer(start: storage, count: count))
        let digest = sha256.finalize()
        digest.withUnsafeBytes { output.copyMemory(from: $0) }
    }

    private func appendLength(_ length: Int) {
        withUnsafeBytes(of: UInt64(length).bigEndian) { write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (storage + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
