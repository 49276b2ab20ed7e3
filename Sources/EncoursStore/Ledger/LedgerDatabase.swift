import EncoursCore

/// The ledger together with its log: opens and replays the log, and appends batches the
/// one safe way: keys sorted into new, duplicate and conflicting; the new events checked
/// against the ledger; appended durably in one transaction; only then applied.
///
/// The CLI and the daemon's single writer both go through it, so a file imported offline
/// and a body posted to the socket meet exactly the same rules.
///
/// One thread at a time appends (the owner: the CLI, or the daemon's writer); any thread
/// may read the ledger through ``read(_:)`` meanwhile. That is why it is `@unchecked
/// Sendable`: every change to ``ledger`` after opening happens under ``ledgerLock``.
public final class LedgerDatabase: @unchecked Sendable {
    public let log: EventLog
    /// For the appending thread; other threads go through ``read(_:)``.
    public private(set) var ledger: Ledger
    let ledgerLock = ReadWriteLock()
    /// Built on the first append: queries never pay for it.
    var fingerprints: KeyFingerprints?
    /// How the ledger was built at open: the daemon logs it, and warns when a snapshot was
    /// ignored.
    public let startup: Startup

    /// Opens (creating when missing) the database at `path`, migrates it and replays it.
    public init(path: String) throws(LedgerDatabaseError) {
        do {
            log = try EventLog(path: path)
        } catch {
            throw .log(error)
        }
        ledger = try Ledger.replay(log)
        startup = Startup(snapshot: .notRequested, replayedEvents: ledger.entryCount)
    }

    /// A database whose ledger the caller built from `log` (restored from a snapshot).
    init(log: EventLog, ledger: Ledger, startup: Startup) {
        self.log = log
        self.ledger = ledger
        self.startup = startup
    }

    /// One event to append, with the JSON text it came as (kept as the payload).
    public struct Submission: Sendable {
        public var event: Event
        public var payload: String

        public init(event: Event, payload: String) {
            self.event = event
            self.payload = payload
        }
    }

    /// What became of each submitted event, in submission order.
    public struct AppendReport: Sendable {
        public var outcomes: [AppendOutcome]
        /// The orders decided on their way in (with a screening), `index` in submission
        /// order: none refused, or overridden.
        public var screenedOrders: [ScreenedOrder]

        /// Payments sent again with other lettering, for which the recorded payment stood
        /// (only when appending with `keepingRecordedLettering`).
        public var relettered: [ReletteredPayment]

        public init(
            outcomes: [AppendOutcome],
            screenedOrders: [ScreenedOrder] = [],
            relettered: [ReletteredPayment] = []
        ) {
            self.outcomes = outcomes
            self.screenedOrders = screenedOrders
            self.relettered = relettered
        }

        public var appendedCount: Int { outcomes.count(where: { if case .appended = $0 { true } else { false } }) }
        public var duplicateCount: Int { outcomes.count - appendedCount }
    }

    /// Appends `submissions` as one all-or-nothing batch, acknowledged once durable.
    ///
    /// Throws ``LedgerDatabaseError/conflicts(_:)`` or ``LedgerDatabaseError/rejected(_:)``
    /// listing every event at fault; then nothing was appended and the ledger is unchanged.
    ///
    /// `screening`: the new orders it concerns are decided against the ledger with the
    /// batch's earlier events (``Ledger/screenOrders(_:today:rules:)``), after the keys and
    /// the ledger's rules are checked, and a refusal nobody overrode throws
    /// ``LedgerDatabaseError/ordersRefused(_:)``. Deciding and appending happen under the
    /// one writer, so two orders cannot both pass on room only one of them has.
    ///
    /// `keepingRecordedLettering`: for exports, a payment that differs from the recorded
    /// one only in its allocations is the recorded payment (``keepingRecordedLettering(_:)``),
    /// listed in ``AppendReport/relettered``.
    public func append(
        _ submissions: [Submission],
        actor: String,
        recordedAt: String,
        screening: OrderScreening? = nil,
        keepingRecordedLettering: Bool = false
    ) throws(LedgerDatabaseError) -> AppendReport {
        try append(
            submissions,
            actor: actor,
            recordedAt: recordedAt,
            screening: screening,
            keepingRecordedLettering: keepingRecordedLettering,
            mayStream: true
        )
    }

    /// The public `append`, with `mayStream` false when the batch is already known to need
    /// the ordinary path (a feed's streamed attempt met a recorded key).
    func append(
        _ submissions: [Submission],
        actor: String,
        recordedAt: String,
        screening: OrderScreening?,
        keepingRecordedLettering: Bool,
        mayStream: Bool
    ) throws(LedgerDatabaseError) -> AppendReport {
        guard keepingRecordedLettering else {
            return try append(
                submissions,
                actor: actor,
                recordedAt: recordedAt,
                screening: screening,
                mayStream: mayStream
            )
        }
        let lettering = try self.keepingRecordedLettering(submissions)
        var report = try append(
            lettering.submissions,
            actor: actor,
            recordedAt: recordedAt,
            screening: screening,
            mayStream: mayStream
        )
        report.relettered = lettering.relettered
        return report
    }

    private func append(
        _ submissions: [Submission],
        actor: String,
        recordedAt: String,
        screening: OrderScreening?,
        mayStream: Bool
    ) throws(LedgerDatabaseError) -> AppendReport {
        // Orders to decide take the ordinary path, where duplicates are known before deciding.
        let screens = screening.map { $0.concerns(submissions.lazy.map(\.event)) } ?? false
        if mayStream, submissions.count >= Self.streamingThreshold, !screens {
            let fingerprints = try loadedFingerprints()
            self.fingerprints = fingerprints
            if !Self.startsWithRecordedEvents(submissions, fingerprints: fingerprints),
                case .appended(let report) = try appendStreaming(
                    SubmissionFeed(submissions),
                    actor: actor,
                    recordedAt: recordedAt,
                    fingerprints: fingerprints
                )
            {
                self.fingerprints = nil  // reloaded from the log when next needed
                return report
            }
        }
        let sorting = try sortKeys(submissions, actor: actor)
        var (fresh, outcomes) = Self.sorted(sorting.status)

        let events = fresh.map { submissions[$0].event }
        let resolution = ledger.resolveStreams(events)
        let streams = resolution.streams
        var newRows: [NewEvent] = []
        newRows.reserveCapacity(fresh.count)
        for (position, index) in fresh.enumerated() {
            var row = sorting.rows[index]
            // An unresolved stream is rejected by the check before anything is committed.
            row.stream = streams[position]?.rawValue ?? ""
            newRows.append(row)
        }

        let check = BatchCheck(
            ledger: ledger,
            events: events,
            resolution: resolution,
            concurrently: events.count >= Self.concurrentCheckThreshold
        )
        let appended: [AppendOutcome]
        var screened: [ScreenedOrder] = []
        do {
            if !check.isRunningConcurrently, let rejection = check.rejection {
                throw LedgerDatabaseError.rejected(Self.rejections(rejection, fresh: fresh))
            }
            if screens, let screening {
                screened = ledger.screenOrders(events, today: screening.today, rules: screening.rules).map {
                    var order = $0
                    order.index = fresh[order.index]
                    return order
                }
                if screened.contains(where: \.isRefused) {
                    // The ledger's rules come first: a batch that breaks them is refused for that.
                    if let rejection = check.rejection {
                        throw LedgerDatabaseError.rejected(Self.rejections(rejection, fresh: fresh))
                    }
                    throw LedgerDatabaseError.ordersRefused(screened.filter(\.isRefused))
                }
            }
            appended = try log.append(newRows, recordedAt: recordedAt) { () throws(EventLogError) in
                if check.rejection != nil { throw .vetoed("the batch breaks the ledger's rules") }
            }
        } catch let error as LedgerDatabaseError {
            throw error
        } catch let error as EventLogError {
            if case .vetoed = error, let rejection = check.rejection {
                throw .rejected(Self.rejections(rejection, fresh: fresh))
            }
            check.wait()
            throw .log(error)
        } catch {
            throw .log(.misuse("\(error)"))
        }
        guard let prepared = check.prepared else {
            throw .log(.misuse("a batch was appended without its check"))
        }
        try install(prepared, appended: appended)
        for (position, index) in fresh.enumerated() {
            outcomes[index] = appended[position]
            fingerprints?.insert(KeyFingerprints.fingerprint(newRows[position].key.utf8))
        }
        return AppendReport(outcomes: Self.completed(outcomes, sorting.status), screenedOrders: screened)
    }

    /// Whether a batch starts with events already recorded, as a re-imported export does:
    /// then it goes straight to the path that looks keys up.
    static func startsWithRecordedEvents(_ submissions: [Submission], fingerprints: KeyFingerprints) -> Bool {
        submissions.prefix(1000).contains { submission in
            submission.event.naturalKey.map { fingerprints.mayContain(KeyFingerprints.fingerprint($0.utf8)) } ?? false
        }
    }

    /// What ``append(_:actor:recordedAt:screening:)`` would do with `submissions`, without
    /// appending anything: the same conflicts and rejections thrown, the events that would
    /// be appended reported with the sequence numbers they would take (`encours import
    /// --dry-run`). Orders are not decided: that is the daemon's, at the moment they arrive.
    public func dryRun(
        _ submissions: [Submission],
        actor: String,
        keepingRecordedLettering: Bool = false
    ) throws(LedgerDatabaseError) -> AppendReport {
        var relettered: [ReletteredPayment] = []
        var submissions = submissions
        if keepingRecordedLettering { (submissions, relettered) = try self.keepingRecordedLettering(submissions) }
        let sorting = try sortKeys(submissions, actor: actor)
        var (fresh, outcomes) = Self.sorted(sorting.status)
        let events = fresh.map { submissions[$0].event }
        let resolution = ledger.resolveStreams(events)
        let check = BatchCheck(ledger: ledger, events: events, resolution: resolution, concurrently: false)
        if let rejection = check.rejection { throw .rejected(Self.rejections(rejection, fresh: fresh)) }
        for (position, index) in fresh.enumerated() {
            outcomes[index] = .appended(seq: log.lastSequence + 1 + Int64(position))
        }
        return AppendReport(outcomes: Self.completed(outcomes, sorting.status), relettered: relettered)
    }

    /// The indices of the new events, and the outcomes known from the keys alone (the
    /// duplicates of recorded events).
    private static func sorted(_ status: [KeyStatus]) -> (fresh: [Int], outcomes: [AppendOutcome?]) {
        var outcomes: [AppendOutcome?] = Array(repeating: nil, count: status.count)
        var fresh: [Int] = []
        fresh.reserveCapacity(status.count)
        for index in status.indices {
            switch status[index] {
            case .new: fresh.append(index)
            case .duplicateOfLogged(let seq): outcomes[index] = .duplicate(seq: seq)
            case .duplicateInBatch: break
            }
        }
        return (fresh, outcomes)
    }

    /// Every outcome, once the new events have theirs: an event repeated in the batch is a
    /// duplicate of its first occurrence, which alone is stored.
    private static func completed(_ outcomes: [AppendOutcome?], _ status: [KeyStatus]) -> [AppendOutcome] {
        var outcomes = outcomes
        for index in status.indices {
            if case .duplicateInBatch(let first) = status[index] {
                outcomes[index] = .duplicate(seq: outcomes[first]!.seq)
            }
        }
        return outcomes.map { $0! }
    }

    /// Applies a checked batch once the log holds it, after making sure the log assigned
    /// the sequence numbers the check assumed.
    func install(_ prepared: PreparedBatch, appended: [AppendOutcome]) throws(LedgerDatabaseError) {
        // Compared row by row: arrays of a million numbers made for `==` cost time on the
        // one core still working.
        let asChecked: Bool
        if let expected = prepared.sequences {
            asChecked =
                appended.count == expected.count
                && zip(appended, expected).allSatisfy { outcome, seq in
                    if case .appended(let appendedSeq) = outcome { appendedSeq == seq } else { false }
                }
        } else {
            asChecked = appended.isEmpty
        }
        guard asChecked else {
            // Another writer appended to this file since it was opened, so the batch was
            // checked against a stale ledger. It is in the log (the store continued the
            // chain); rebuild from the log rather than apply a stale plan, and say so.
            let rebuilt = try Ledger.replay(log)
            ledgerLock.withWriteLock { ledger = rebuilt }
            fingerprints = nil
            throw .log(
                .misuse(
                    "the batch was appended, but another process had appended to the same log since this one "
                        + "opened it (one writer at a time): the ledger was reloaded from the log; "
                        + "check it with encours verify"
                )
            )
        }
        ledgerLock.withWriteLock { ledger.commit(prepared) }
    }

    /// From this many events on, the ledger check runs on another core while SQLite inserts
    /// the rows, and vetoes the commit if it fails; smaller batches are checked first.
    static let concurrentCheckThreshold = 4096

    private static func rejections(_ rejection: BatchRejection, fresh: [Int]) -> [LedgerDatabaseError.Rejection] {
        rejection.items.map { .init(index: $0.index.map { fresh[$0] }, violation: $0.violation) }
    }

    private enum KeyStatus {
        case new
        case duplicateOfLogged(seq: Int64)
        case duplicateInBatch(first: Int)
    }

    /// Encodes each submission and sorts its key: new, a duplicate of a recorded event or of
    /// an earlier one in the batch, or (thrown) a conflict.
    private func sortKeys(
        _ submissions: [Submission],
        actor: String
    ) throws(LedgerDatabaseError) -> (rows: [NewEvent], status: [KeyStatus]) {
        let fingerprints = try loadedFingerprints()
        defer { self.fingerprints = fingerprints }
        let rows = RowEncoding.rows(for: submissions, actor: actor)
        // Keyed by fingerprint: hashing a 64-bit number is much cheaper than a key string;
        // the rare fingerprint shared by two different keys is told apart below.
        var firstIndexOfFingerprint: [UInt64: Int] = [:]
        firstIndexOfFingerprint.reserveCapacity(submissions.count)
        var firstIndexOfCollidingKey: [String: Int] = [:]
        var status: [KeyStatus] = []
        status.reserveCapacity(submissions.count)
        var conflicts: [LedgerDatabaseError.KeyConflict] = []
        var possiblyRecorded: [Int] = []
        for (index, row) in rows.enumerated() {
            let fingerprint = KeyFingerprints.fingerprint(row.key.utf8)
            var earlier = firstIndexOfFingerprint[fingerprint]
            if let candidate = earlier, rows[candidate].key != row.key {
                earlier = firstIndexOfCollidingKey[row.key]
                if earlier == nil { firstIndexOfCollidingKey[row.key] = index }
            } else if earlier == nil {
                firstIndexOfFingerprint[fingerprint] = index
            }
            if let first = earlier {
                if rows[first].record == row.record {
                    status.append(.duplicateInBatch(first: first))
                } else {
                    conflicts.append(
                        .init(
                            index: index,
                            key: row.key,
                            holder: .batch(index: first),
                            holderEvent: submissions[first].event
                        )
                    )
                    status.append(.new)
                }
                continue
            }
            status.append(.new)
            if fingerprints.mayContain(fingerprint) { possiblyRecorded.append(index) }
        }
        if !possiblyRecorded.isEmpty {
            let existing: [String: ExistingRecord]
            do {
                existing = try log.existingRecords(forKeys: possiblyRecorded.map { rows[$0].key })
            } catch {
                throw .log(error)
            }
            for index in possiblyRecorded {
                guard let recorded = existing[rows[index].key] else { continue }
                if recorded.record == rows[index].record {
                    status[index] = .duplicateOfLogged(seq: recorded.seq)
                } else {
                    let recordedEvent = recorded.record.withUnsafeBytes { try? EventRecordCodec.decode($0) }
                    conflicts.append(
                        .init(
                            index: index,
                            key: rows[index].key,
                            holder: .logged(seq: recorded.seq),
                            holderEvent: recordedEvent
                        )
                    )
                }
            }
            // A later duplicate of a recorded event within the batch is that event's duplicate.
            for index in status.indices {
                if case .duplicateInBatch(let first) = status[index], case .duplicateOfLogged(let seq) = status[first] {
                    status[index] = .duplicateOfLogged(seq: seq)
                }
            }
        }
        guard conflicts.isEmpty else { throw .conflicts(conflicts.sorted { $0.index < $1.index }) }
        return (rows, status)
    }

    func loadedFingerprints() throws(LedgerDatabaseError) -> KeyFingerprints {
        if let fingerprints { return fingerprints }
        var loaded = KeyFingerprints()
        loaded.reserveCapacity(Int(log.lastSequence))
        do {
            try log.forEachKey { loaded.insert(bytes: $0) }
        } catch {
            throw .log(error)
        }
        return loaded
    }
}
