extension EventLog {
    /// Walks every row in order, recomputes the hash chain (``EventHashChain``) and calls
    /// the decoders on each payload and record; reports the first row that fails.
    ///
    /// This catches a row altered, inserted or removed behind the log's back (with the
    /// append-only triggers dropped), damaged record bytes, and payloads a newer parser no
    /// longer reads. Decoders signal failure by throwing; their error's description goes
    /// into the report. Storage failures (an unreadable file) throw instead.
    public func verify(
        decodePayload: (String) throws -> Void,
        decodeRecord: (UnsafeRawBufferPointer) throws -> Void
    ) throws(EventLogError) -> VerificationReport {
        var checked: Int64 = 0
        var previous = EventHashChain.genesis
        var failure: VerificationFailure?
        let computed = UnsafeMutableRawBufferPointer.allocate(byteCount: EventHashChain.hashByteCount, alignment: 1)
        defer { computed.deallocate() }

        try scanRows(from: 1, through: .max) { row in
            let seq = row.seq
            failure = check(row, seq: seq, expectedSeq: checked + 1, previous: previous, computed: computed)
            if failure == nil {
                do {
                    try decodePayload(row.payload)
                } catch {
                    failure = VerificationFailure(seq: seq, check: .payloadUndecodable, message: "\(error)")
                }
            }
            if failure == nil {
                do {
                    try decodeRecord(row.recordBytes)
                } catch {
                    failure = VerificationFailure(seq: seq, check: .recordUndecodable, message: "\(error)")
                }
            }
            guard failure == nil else { return false }
            checked = seq
            previous.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(computed)) }
            return true
        }
        if failure == nil, checked < lastSequence {
            failure = VerificationFailure(
                seq: checked + 1,
                check: .truncated,
                message: "the log ends at seq \(checked) but this process appended up to seq \(lastSequence)"
            )
        }
        return VerificationReport(
            rowsChecked: checked,
            lastGoodSequence: checked,
            lastGoodHash: previous,
            failure: failure
        )
    }

    /// The sequence and hash checks of one row; writes the recomputed hash to `computed`.
    private func check(
        _ row: EventRowView,
        seq: Int64,
        expectedSeq: Int64,
        previous: [UInt8],
        computed: UnsafeMutableRawBufferPointer
    ) -> VerificationFailure? {
        guard seq == expectedSeq else {
            return VerificationFailure(
                seq: seq,
                check: .sequenceGap,
                message: "expected seq \(expectedSeq) after \(expectedSeq - 1)"
            )
        }
        _ = previous.withUnsafeBytes { previous in
            hasher.appendRow(
                previous: previous,
                seq: seq,
                type: row.typeBytes,
                stream: row.streamBytes,
                occurredOn: row.occurredOnBytes,
                recordedAt: row.recordedAtBytes,
                actor: row.actorBytes,
                key: row.keyBytes,
                payload: row.payloadBytes,
                record: row.recordBytes
            )
        }
        hasher.finish(into: computed)
        let stored = row.hashBytes
        guard stored.count == EventHashChain.hashByteCount, stored.elementsEqual(computed) else {
            return VerificationFailure(
                seq: seq,
                check: .hashMismatch,
                message: "stored hash \(Hex.lowercase(stored)) differs from the recomputed \(Hex.lowercase(computed)): "
                    + "this row or the one before it was altered"
            )
        }
        return nil
    }
}
