import Dispatch
import EncoursCore

/// Cuts a ledger into the parts of a snapshot body and encodes them on all cores.
///
/// Runs are sized so that a large ledger gives several parts of each kind: the reader
/// decodes parts in parallel, and more, smaller parts keep both cores busy to the end.
enum SnapshotEncoder {
    /// Entries per run: 1M entries make 8 runs.
    static let entriesPerRun = 131_072
    /// Weight of an accounts part (entry positions, plus 4 per document, whose id is hashed
    /// on reading).
    static let accountWeightPerRun = 400_000

    /// The body: the section table first, then the parts, as separate buffers.
    static func body(of ledger: Ledger) -> [[UInt8]] {
        var jobs: [(kind: SnapshotSection.Kind, count: Int, encode: @Sendable () -> [UInt8])] = []
        let entries = ledger.entries
        var start = 0
        while start < entries.count {
            let end = min(start + entriesPerRun, entries.count)
            let previous = start == 0 ? 0 : entries[start - 1].sequence
            let range = start..<end
            jobs.append((.entries, range.count, { SnapshotEntries.encode(entries[range], after: previous) }))
            start = end
        }
        for range in accountRuns(of: ledger) {
            jobs.append((.accounts, range.count, { LedgerImage.encodeAccounts(of: ledger, in: range) }))
        }
        let documents = ledger.owners.invoices.count + ledger.owners.orders.count + ledger.owners.disputes.count
        jobs.append((.owners, documents, { LedgerImage.encodeOwners(of: ledger) }))

        let parts = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: jobs.count)
        parts.initialize(repeating: [])
        defer { parts.deallocate() }
        // Each job writes only its own slot.
        let shared = UncheckedShare(value: parts)
        let encoders = jobs.map(\.encode)
        DispatchQueue.concurrentPerform(iterations: encoders.count) { index in
            shared.value[index] = encoders[index]()
        }
        let table = SnapshotSection.table(jobs.indices.map { (jobs[$0].kind, jobs[$0].count, parts[$0].count) })
        let body = [table] + Array(parts)
        _ = parts.deinitialize()
        return body
    }

    /// Consecutive ranges of accounts of about equal weight; at least one, even when empty.
    static func accountRuns(of ledger: Ledger) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        var weight = 0
        for (index, account) in ledger.accounts.enumerated() {
            let state = account.state
            weight +=
                account.entryPositions.count + 4
                * (state.invoices.count + state.orders.count + state.disputes.count + state.promises.count)
            if weight >= accountWeightPerRun {
                runs.append(start..<(index + 1))
                start = index + 1
                weight = 0
            }
        }
        if start < ledger.accounts.count || runs.isEmpty { runs.append(start..<ledger.accounts.count) }
        return runs
    }
}
