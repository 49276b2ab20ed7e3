import EncoursCore

/// A run of ledger entries in a snapshot: the sequence before the run (varint), then per
/// entry the gap from the previous sequence (varint, at least 1), the record's length
/// (varint) and the record as the log stores it (``EventRecordCodec``).
///
/// The log's own record format, so a snapshot needs no second encoding of the sixteen
/// events and decodes at the codec's speed; runs decode independently, one per core.
enum SnapshotEntries {
    static func encode(_ entries: ArraySlice<LedgerEntry>, after previousSequence: Int64) -> [UInt8] {
        var writer = ByteWriter(capacity: entries.count * 48 + 16)
        var record = ByteWriter(capacity: 256)
        writer.varint(UInt64(bitPattern: previousSequence))
        var previous = previousSequence
        for entry in entries {
            record.removeAll()
            EventRecordCodec.encode(entry.event, to: &record)
            writer.varint(UInt64(bitPattern: entry.sequence &- previous))
            writer.count(record.bytes.count)
            writer.raw(record.bytes)
            previous = entry.sequence
        }
        return writer.bytes
    }

    /// Decodes `count` entries into uninitialized memory at `destination`. On failure,
    /// whatever this call initialized is deinitialized again before it throws.
    static func decode(
        _ bytes: UnsafeRawBufferPointer,
        count: Int,
        into destination: UnsafeMutablePointer<LedgerEntry>
    ) throws(SnapshotRefusal) {
        var reader = RecordReader(bytes)
        var initialized = 0
        do throws(EventRecordError) {
            var sequence = Int64(bitPattern: try reader.varint())
            while initialized < count {
                let gap = try reader.varint()
                guard gap >= 1, gap <= UInt64(Int64.max - sequence) else {
                    throw EventRecordError(.invalidVarint, at: reader.offset, "sequence gap \(gap) is not positive")
                }
                sequence += Int64(gap)
                let length = try reader.count()
                let start = reader.offset
                let event = try EventRecordCodec.decode(
                    UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
                )
                try reader.skip(length)
                (destination + initialized).initialize(to: LedgerEntry(sequence: sequence, event: event))
                initialized += 1
            }
            try reader.finish()
        } catch {
            destination.deinitialize(count: initialized)
            throw SnapshotRefusal("undecodable: entry \(initialized + 1) of a run: \(error.message)")
        }
    }
}
