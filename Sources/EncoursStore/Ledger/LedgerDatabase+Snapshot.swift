import EncoursCore

extension LedgerDatabase {
    /// How a ledger database built its ledger when it opened.
    public struct Startup: Sendable, Hashable, CustomStringConvertible {
        public enum Snapshot: Sendable, Hashable {
            /// Opened with ``LedgerDatabase/init(path:)``: the log was replayed.
            case notRequested
            /// No snapshot file: the log was replayed.
            case missing
            /// Restored from the snapshot at `sequence`, then the log's rows after it.
            case restored(sequence: Int64)
            /// The snapshot could not be used (the reason says why): the log was replayed.
            case ignored(reason: String)
        }

        public var snapshot: Snapshot
        /// The log rows applied at open: those after the snapshot, or all of them.
        public var replayedEvents: Int

        public init(snapshot: Snapshot, replayedEvents: Int) {
            self.snapshot = snapshot
            self.replayedEvents = replayedEvents
        }

        public var description: String {
            switch snapshot {
            case .notRequested: "full replay of \(replayedEvents) events"
            case .missing: "no snapshot; full replay of \(replayedEvents) events"
            case .restored(let sequence): "snapshot at seq \(sequence), then \(replayedEvents) events replayed"
            case .ignored(let reason): "snapshot ignored (\(reason)); full replay of \(replayedEvents) events"
            }
        }
    }

    /// Opens the database at `path` as ``init(path:)`` does, but starts from the snapshot at
    /// `snapshotPath` when it is sound and of this log, then applies the log rows after it.
    ///
    /// A snapshot that is missing, of an unknown version, damaged, ahead of the log or of
    /// another log is not used: the whole log is replayed and ``startup`` says why. The
    /// ledger is the same either way. Only the log's own failures throw.
    public convenience init(path: String, snapshotPath: String) throws(LedgerDatabaseError) {
        let log: EventLog
        do {
            log = try EventLog(path: path)
        } catch {
            throw .log(error)
        }
        let ledger: Ledger
        let startup: Startup
        switch LedgerSnapshot.read(from: snapshotPath, for: log) {
        case .restored(let restored, let sequence, _):
            do throws(LedgerDatabaseError) {
                ledger = try Ledger.replay(log, continuing: restored)
                startup = Startup(
                    snapshot: .restored(sequence: sequence),
                    replayedEvents: Int(ledger.lastSequence - sequence)
                )
            } catch {
                // The rows after the snapshot do not follow from it: trust the log alone.
                ledger = try Ledger.replay(log)
                let reason = "the log's rows after seq \(sequence) do not apply to it: \(error)"
                startup = Startup(snapshot: .ignored(reason: reason), replayedEvents: ledger.entryCount)
            }
        case .missing:
            ledger = try Ledger.replay(log)
            startup = Startup(snapshot: .missing, replayedEvents: ledger.entryCount)
        case .ignored(let reason):
            ledger = try Ledger.replay(log)
            startup = Startup(snapshot: .ignored(reason: reason), replayedEvents: ledger.entryCount)
        }
        self.init(log: log, ledger: ledger, startup: startup)
    }

    /// The ledger and the log's chain hash of its last row, taken together: what a snapshot
    /// records. Call it on the appending thread; give both to
    /// ``LedgerSnapshot/write(_:logHash:to:)`` on any thread, so appends need not wait.
    public func snapshotContents() throws(LedgerSnapshotError) -> (ledger: Ledger, logHash: [UInt8]) {
        let ledger = self.ledger
        if ledger.lastSequence == log.lastSequence { return (ledger, log.lastHash) }
        let hash: [UInt8]?
        do throws(EventLogError) {
            hash = try log.hash(at: ledger.lastSequence)
        } catch {
            throw LedgerSnapshotError("cannot read the log's hash of seq \(ledger.lastSequence): \(error.message)")
        }
        guard let hash else { throw LedgerSnapshotError("the log has no row \(ledger.lastSequence)") }
        return (ledger, hash)
    }

    /// Writes a snapshot of the ledger as it stands to `path`, on this thread (the
    /// appending one): at shutdown, or from the CLI.
    public func writeSnapshot(to path: String) throws(LedgerSnapshotError) {
        let contents = try snapshotContents()
        try LedgerSnapshot.write(contents.ledger, logHash: contents.logHash, to: path)
    }
}
