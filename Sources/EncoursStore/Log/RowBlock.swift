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

/// Continues the hash chain from the log's head, block after block, on the thread that
/// prepares a batch.
///
/// It must start from the head read inside the appending transaction: the block inserter
/// checks that the first block continues from there.
final class RowBlockBuilder {
    private(set) var sequence: Int64
    private(set) var hash: [UInt8]
    private let recordedAt: String
    private let hasher = RowHasher()
    private let dayText = UnsafeMutableRawBufferPointer.allocate(byteCount: DayText.byteCount, alignment: 1)

    init(after head: LogHead, recordedAt: String) {
        sequence = head.sequence
        hash = head.hash
        self.recordedAt = recordedAt
    }

    deinit {
        dayText.deallocate()
    }

    /// The next rows of the batch as one block; throws for a business date `YYYY-MM-DD`
    /// cannot spell.
    func block(for events: [NewEvent], firstIndex: Int) throws(EventLogError) -> RowBlock {
        var block = RowBlock()
        block.rows.reserveCapacity(events.count)
        block.bytes.reserveCapacity(events.count * 448)
        // By index: an enumerated sequence hands out copies, each retaining the row's strings.
        for offset in events.indices {
            let event = events[offset]
            guard DayText.write(event.occurredOn, into: dayText) else {
                throw .invalidArgument(
                    "event \(firstIndex + offset) of the batch: occurred_on is outside years 1 to 9999"
                )
            }
            let seq = sequence + 1
            let columns = hasher.appendRow(
                previous: hash,
                seq: seq,
                event: event,
                occurredOn: UnsafeRawBufferPointer(dayText),
                recordedAt: recordedAt
            )
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
            if let text = event.searchText {
                block.searchTexts.append(
                    PendingSearchText(
                        seq: seq,
                        type: event.type,
                        stream: event.stream,
                        occurredOn: event.occurredOn,
                        text: text
                    )
                )
            }
            sequence = seq
        }
        return block
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
