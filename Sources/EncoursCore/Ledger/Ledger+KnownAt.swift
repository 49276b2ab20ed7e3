extension Ledger {
    /// The ledger as it stood once the log held events up to `sequence`: "what did we know
    /// then" (`known_at`). Events recorded later are left out even when dated earlier.
    ///
    /// Rebuilt from the entries in memory, in log order, exactly as a replay of the log up
    /// to `sequence` would build it.
    public func asKnown(through sequence: Int64) throws(LedgerReplayError) -> Ledger {
        guard sequence < lastSequence else { return self }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].sequence <= sequence { low = middle + 1 } else { high = middle }
        }
        let count = low
        // Each entry's stream is the account that holds it.
        var accountOfEntry = [Int32](repeating: 0, count: count)
        for (index, account) in accounts.enumerated() {
            for position in account.entryPositions where Int(position) < count {
                accountOfEntry[Int(position)] = Int32(index)
            }
        }
        var replay = LedgerReplay(expectedCount: count)
        for position in 0..<count {
            let entry = entries[position]
            replay.add(
                sequence: entry.sequence,
                stream: accounts[Int(accountOfEntry[position])].customer,
                event: entry.event
            )
        }
        return try replay.finish()
    }
}
