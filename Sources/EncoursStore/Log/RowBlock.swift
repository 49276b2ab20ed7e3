import EncoursCore

/// Rows of a large batch made ready for SQLite on another thread than the one inserting
/// them: columns laid out in one buffer, each row's chain hash already computed.
///
/// Inserting is the one stage of a big import that cannot be split across cores (one
/// connection, one transaction). Measured on a first import of a million events: hashing
/// each row and copying its columns cost the inserting thread about half a second, and
/// freeing each ``NewEvent``'s strings there cost as much again; a block is one buffer.
struct RowBlock: Sendable {
    /// The hash input of every row, back to back, each followed by its 32-byte hash; the
    /// columns are bound straight from here.
    var bytes: [UInt8] = []
    var rows: [Row] = []
    /// The words of the rows that have some, for the search index.
    var searchTexts: [PendingSearchText] = []

    struct Row: Sendable {
        var seq: Int64
        /// Where each column sits in ``RowBlock/bytes``.
        var columns: HashedColumnRanges
        var hash: Range<Int>
    }
}

/// Words of an appended row still to be added to the search index: a large batch indexes
/// them after its commit, so the index does not delay its durability.
struct PendingSearchText: Sendable {
    var seq: Int64
    var type: String
    var stream: String
    var occurredOn: Day
    var text: String
}

/// Continues the hash chain from the log's head, row after row, on the thread that
/// prepares a batch, and hands the rows over a block at a time.
///
/// It must start from the head read inside the appending transaction: the block inserter
/// checks that the first block continues from there.
///
/// Each row's columns are written from its event straight into the hash input, with the
/// same values as ``NewEvent/init(event:stream:payload:actor:)``: on a million-event import
/// a ``NewEvent`` per row (its record and key allocated, copied, then freed) cost the
/// preparing thread about a third of a second.
final class RowBlockBuilder {
    private(set) var sequence: Int64
    private(set) var hash: [UInt8]
    private let recordedAt: String
    private let actor: String
    private let hasher = RowHasher()
    private let dayText = UnsafeMutableRawBufferPointer.allocate(byteCount: DayText.byteCount, alignment: 1)
    private var record = ByteWriter(capacity: 256)
    private var block = RowBlock()
    private let rowsPerBlock: Int

    init(after head: LogHead, recordedAt: String, actor: String, rowsPerBlock: Int) {
        sequence = head.sequence
        hash = head.hash
        self.recordedAt = recordedAt
        self.actor = actor
        self.rowsPerBlock = rowsPerBlock
        reserveBlock()
    }

    deinit {
        dayText.deallocate()
    }

    /// How many rows the block in the making holds.
    var pendingRowCount: Int { block.rows.count }

    /// Adds the row of `event`, filed under `stream`, to the block in the making, and
    /// returns the fingerprint of its idempotency key (``KeyFingerprints``). Throws for a
    /// business date `YYYY-MM-DD` cannot spell; `index` (its place in the batch) names it.
    func append(
        _ event: borrowing Event,
        stream: CustomerID,
        payload: String,
        index: Int
    ) throws(EventLogError) -> UInt64 {
        guard DayText.write(event.on, into: dayText) else {
            throw .invalidArgument("event \(index) of the batch: occurred_on is outside years 1 to 9999")
        }
        record.removeAll()
        EventRecordCodec.encode(event, to: &record)
        let key = EventRecordCodec.contentKey(for: event, record: record.bytes)
        let seq = sequence + 1
        let columns = hash.withUnsafeBytes { previous in
            record.bytes.withUnsafeBytes { record in
                hasher.appendRow(
                    previous: previous,
                    seq: seq,
                    type: event.type.rawValue,
                    stream: stream.rawValue,
                    occurredOn: UnsafeRawBufferPointer(dayText),
                    recordedAt: recordedAt,
                    actor: actor,
                    key: key,
                    payload: payload,
                    record: record
                )
            }
        }
        hash.withUnsafeMutableBytes { hasher.finish(into: $0) }
        let base = block.bytes.count
        block.bytes.append(contentsOf: hasher.input)
        block.bytes.append(contentsOf: hash)
        block.rows.append(
            RowBlock.Row(
                seq: seq,
                columns: columns.shifted(by: base),
                hash: (block.bytes.count - hash.count)..<block.bytes.count
            )
        )
        if let text = event.searchableText {
            block.searchTexts.append(
                PendingSearchText(seq: seq, type: event.type.rawValue, stream: stream.rawValue, occurredOn: event.on, text: text)
            )
        }
        sequence = seq
        return KeyFingerprints.fingerprint(hasher.bytes(columns.key))
    }

    /// The rows added since the last call, as one block.
    func takeBlock() -> RowBlock {
        defer { reserveBlock() }
        return block
    }

    private func reserveBlock() {
        block = RowBlock()
        block.rows.reserveCapacity(rowsPerBlock)
        block.bytes.reserveCapacity(rowsPerBlock * 448)
    }
}

/// The newest row of the log: where the next batch's chain starts.
struct LogHead: Sendable {
    var sequence: Int64
    var hash: [UInt8]
}

extension HashedColumnRanges {
    func shifted(by offset: Int) -> HashedColumnRanges {
        func shift(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }
        return HashedColumnRanges(
            type: shift(type),
            stream: shift(stream),
            occurredOn: shift(occurredOn),
            recordedAt: shift(recordedAt),
            actor: shift(actor),
            key: shift(key),
            payload: shift(payload),
            record: shift(record)
        )
    }
}
