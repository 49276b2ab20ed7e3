import Crypto
import Dispatch
import EncoursCore

/// Restores a ledger from a snapshot's bytes on all cores: the entry runs straight into
/// their place in one array, the accounts parts and the owners into their tables, and the
/// checksum alongside.
///
/// The parts are decoded while the checksum is still being computed: every decoder checks
/// every byte it reads, so a damaged part cannot crash it, and nothing decoded is used
/// unless the checksum matches.
enum SnapshotDecoder {
    private enum Job {
        case checksum
        case entries(SnapshotSection, firstIndex: Int)
        case accounts(SnapshotSection)
        case owners(SnapshotSection)
    }

    private enum Outcome {
        case pending
        case failed(String)
        case checksum(matches: Bool)
        case entries
        case accounts([CustomerAccount])
        case owners(DocumentOwners)
    }

    /// `extraCapacity`: entries the caller will append (the log's tail), so the array is
    /// allocated once.
    static func ledger(
        file: UnsafeRawBufferPointer,
        header: SnapshotHeader,
        extraCapacity: Int
    ) -> Result<Ledger, SnapshotRefusal> {
        let body = UnsafeRawBufferPointer(rebasing: file[SnapshotHeader.size...])
        let sections: [SnapshotSection]
        switch SnapshotSection.parse(body) {
        case .success(let parsed): sections = parsed
        case .failure(let refusal):
            // A table that does not parse is damage the checksum names better.
            return .failure(checksumMatches(file: file, header: header) ? refusal : checksumRefusal)
        }
        // Longest first, so that no long job starts last while the other core idles: the
        // owners (one table of every document), the checksum, then the runs.
        var jobs: [Job] = sections.filter { $0.kind == .owners }.map { .owners($0) } + [.checksum]
        var entryCount = 0
        for section in sections where section.kind == .entries {
            jobs.append(.entries(section, firstIndex: entryCount))
            entryCount += section.count
        }
        jobs += sections.filter { $0.kind == .accounts }.map { .accounts($0) }
        guard Int64(entryCount) == header.entryCount,
            sections.count(where: { $0.kind == .owners }) == 1
        else {
            let refusal = SnapshotRefusal(
                "undecodable: the sections do not add up to the header's \(header.entryCount) entries"
            )
            return .failure(checksumMatches(file: file, header: header) ? refusal : checksumRefusal)
        }

        let outcomes = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: jobs.count)
        outcomes.initialize(repeating: .pending)
        defer {
            _ = outcomes.deinitialize()
            outcomes.deallocate()
        }
        let entries = [LedgerEntry](unsafeUninitializedCapacity: max(1, entryCount + max(0, extraCapacity))) {
            buffer,
            initializedCount in
            let destination = buffer.baseAddress!
            // Each job writes its own outcome slot and its own range of `buffer`.
            let shared = UncheckedShare(value: (outcomes: outcomes, destination: destination, body: body, file: file))
            let jobs = jobs
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let value = shared.value
                value.outcomes[index] = run(
                    jobs[index],
                    body: value.body,
                    file: value.file,
                    header: header,
                    destination: value.destination
                )
            }
            let failed = outcomes.contains { if case .failed = $0 { true } else { false } }
            if failed {
                // Runs that failed cleaned up after themselves; take back the others.
                for (index, job) in jobs.enumerated() {
                    if case .entries(let section, let first) = job, case .entries = outcomes[index] {
                        (destination + first).deinitialize(count: section.count)
                    }
                }
                initializedCount = 0
            } else {
                initializedCount = entryCount
            }
        }

        var accounts: [CustomerAccount] = []
        var owners = DocumentOwners()
        var firstFailure: String?
        for outcome in outcomes {
            switch outcome {
            case .checksum(let matches): if !matches { return .failure(checksumRefusal) }
            case .failed(let reason): firstFailure = firstFailure ?? reason
            case .accounts(let part): accounts += part
            case .owners(let decoded): owners = decoded
            case .entries, .pending: break
            }
        }
        if let firstFailure { return .failure(SnapshotRefusal(firstFailure)) }
        do throws(LedgerImageError) {
            let ledger = try Ledger(restoringEntries: entries, accounts: accounts, owners: owners)
            guard ledger.lastSequence == header.lastSequence else {
                return .failure(
                    SnapshotRefusal(
                        "undecodable: the entries end at seq \(ledger.lastSequence), the header says \(header.lastSequence)"
                    )
                )
            }
            return .success(ledger)
        } catch {
            return .failure(SnapshotRefusal("undecodable: \(error)"))
        }
    }

    static let checksumRefusal = SnapshotRefusal("checksum mismatch: the file is damaged")

    /// SHA-256 of the header's first 72 bytes and the body, against the header's.
    static func checksumMatches(file: UnsafeRawBufferPointer, header: SnapshotHeader) -> Bool {
        var hash = SHA256()
        hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: file[..<SnapshotHeader.checksummedSize]))
        hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: file[SnapshotHeader.size...]))
        return Array(hash.finalize()) == header.checksum
    }

    private static func run(
        _ job: Job,
        body: UnsafeRawBufferPointer,
        file: UnsafeRawBufferPointer,
        header: SnapshotHeader,
        destination: UnsafeMutablePointer<LedgerEntry>
    ) -> Outcome {
        switch job {
        case .checksum:
            return .checksum(matches: checksumMatches(file: file, header: header))
        case .entries(let section, let first):
            do throws(SnapshotRefusal) {
                try SnapshotEntries.decode(
                    UnsafeRawBufferPointer(rebasing: body[section.range]),
                    count: section.count,
                    into: destination + first
                )
                return .entries
            } catch {
                return .failed(error.reason)
            }
        case .accounts(let section):
            do throws(LedgerImageError) {
                let accounts = try LedgerImage.decodeAccounts(UnsafeRawBufferPointer(rebasing: body[section.range]))
                guard accounts.count == section.count else {
                    return .failed(
                        "undecodable: an accounts part holds \(accounts.count) accounts, not \(section.count)"
                    )
                }
                return .accounts(accounts)
            } catch {
                return .failed("undecodable: \(error)")
            }
        case .owners(let section):
            do throws(LedgerImageError) {
                return .owners(try LedgerImage.decodeOwners(UnsafeRawBufferPointer(rebasing: body[section.range])))
            } catch {
                return .failed("undecodable: \(error)")
            }
        }
    }
}
