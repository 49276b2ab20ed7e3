import EncoursCore
import EncoursGenerator
import EncoursStore
import EncoursTestSupport
import Foundation
import Testing

/// Snapshots: a restored ledger is the replayed one, the log's rows after a snapshot are
/// applied on top, and a snapshot that cannot be used is ignored with its reason while the
/// database still opens by replaying the log.
@Suite("Ledger snapshots")
struct LedgerSnapshotTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "encours-snapshot-tests")
    }

    /// A generated ledger, and the part of it held back to be appended later: the payments
    /// of customers that never apply credit (nothing else depends on them), which are then
    /// dated before their accounts' latest events.
    static let generated: (configuration: GeneratorConfiguration, first: [Event], backdated: [Event]) = {
        let configuration = GeneratorConfiguration(customers: 30, invoices: 1500, seed: 7)
        let events = try! LedgerGenerator(configuration).generate()
        var applyingCredit: Set<CustomerID> = []
        for case .creditApplied(let applied) in events { applyingCredit.insert(applied.customer) }
        var first: [Event] = []
        var backdated: [Event] = []
        for (index, event) in events.enumerated() {
            if case .paymentReceived(let payment) = event, !applyingCredit.contains(payment.customer), index % 3 == 0 {
                backdated.append(event)
            } else {
                first.append(event)
            }
        }
        return (configuration, first, backdated)
    }()

    /// Month ends over the generated period and beyond: past `as_of` dates rerun timelines.
    static var days: [Day] {
        stride(from: 0, through: 14, by: 1).map { generated.configuration.start.adding(days: 30 * $0) }
    }

    /// Every report on every day, for the whole ledger and for a few customers one by one.
    static func allFigures(_ ledger: Ledger) -> [String] {
        var figures = ledger.figures(on: days)
        let customers = ledger.accountsInOrder().map(\.customer)
        for customer in [customers.first, customers.dropFirst(7).first, customers.last].compactMap({ $0 }) {
            for day in days {
                figures.append(ledger.exposure(asOf: day, customer: customer).json)
                figures.append(ledger.ageing(asOf: day, customer: customer).json)
                figures.append(ledger.dso(asOf: day, customer: customer).json)
            }
        }
        return figures
    }

    /// A database holding the generated ledger, the held-back payments appended last.
    func generatedDatabase(_ name: String) throws -> LedgerDatabase {
        let database = try LedgerDatabase(path: directory.file(name))
        try database.append(Self.generated.first)
        try database.append(Self.generated.backdated)
        return database
    }

    func flipByte(at offset: Int, of path: String) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Equal ledgers, reported in one line when they are not (their description is
    /// megabytes long).
    func expectSame(_ actual: Ledger, _ expected: Ledger, sourceLocation: SourceLocation = #_sourceLocation) {
        let same = actual == expected
        #expect(same, "the ledgers differ", sourceLocation: sourceLocation)
    }

    func ignoredReason(_ result: SnapshotReadResult) -> String? {
        if case .ignored(let reason) = result { reason } else { nil }
    }

    @Test func aGeneratedLedgerRestoresToItsReplay() throws {
        #expect(Self.generated.first.count > 3000)
        #expect(Self.generated.backdated.count > 100)
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        try database.log.close()

        let replayed = try LedgerDatabase(path: directory.file("ledger.db"))
        let restored = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        let last = replayed.ledger.lastSequence
        #expect(restored.startup == .init(snapshot: .restored(sequence: last), replayedEvents: 0))
        expectSame(restored.ledger, replayed.ledger)
        #expect(Self.allFigures(restored.ledger) == Self.allFigures(replayed.ledger))
        #expect(!FileManager.default.fileExists(atPath: snapshot + ".tmp"))
    }

    @Test func rowsAppendedAfterTheSnapshotAreReplayedOnTopOfIt() throws {
        let path = directory.file("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        do {
            let database = try LedgerDatabase(path: path)
            try database.append(Self.generated.first)
            try database.writeSnapshot(to: snapshot)
            // Backdated for their accounts: their timelines run again after the restore.
            try database.append(Self.generated.backdated)
            try database.log.close()
        }
        let replayed = try LedgerDatabase(path: path)
        let restored = try LedgerDatabase(path: path, snapshotPath: snapshot)
        let expectedStart = LedgerDatabase.Startup(
            snapshot: .restored(sequence: Int64(Self.generated.first.count)),
            replayedEvents: Self.generated.backdated.count
        )
        #expect(restored.startup == expectedStart)
        expectSame(restored.ledger, replayed.ledger)
        #expect(Self.allFigures(restored.ledger) == Self.allFigures(replayed.ledger))

        // The restored ledger goes on as the log says: a new customer, and a payment dated
        // before what its account has applied.
        let account = restored.ledger.accountsInOrder()[3]
        let early = try #require(account.state.registeredOn).adding(days: 1)
        #expect(early < account.state.lastDay!)
        let more = [
            register("NEW-1", on: "2025-03-01", terms: 30, limit: "5000"),
            invoice("FA-NEW-1", "NEW-1", "1200.00", on: "2025-03-02"),
            payment("PAY-NEW-1", account.customer, "10.00", on: early.description),
        ]
        try restored.append(more)
        #expect(restored.ledger.lastSequence == replayed.ledger.lastSequence + 3)
        expectSame(restored.ledger, try LedgerDatabase(path: path).ledger)
    }

    @Test func aFlippedByteInTheBodyIsIgnoredForItsChecksum() throws {
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        let size = try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as! Int
        try flipByte(at: size / 2, of: snapshot)

        let reason = ignoredReason(LedgerSnapshot.read(from: snapshot))
        #expect(reason?.contains("checksum") == true)
        let reopened = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(reopened.startup.snapshot == .ignored(reason: reason ?? ""))
        #expect(reopened.startup.replayedEvents == database.ledger.entryCount)
        expectSame(reopened.ledger, database.ledger)
    }

    @Test(arguments: [16, 40, 72])
    func aFlippedByteInTheHeaderIsIgnoredForItsChecksum(offset: Int) throws {
        // The last sequence, the log's hash, the checksum itself: each is covered.
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        try flipByte(at: offset, of: snapshot)
        #expect(ignoredReason(LedgerSnapshot.read(from: snapshot))?.contains("checksum") == true)
        #expect(ignoredReason(LedgerSnapshot.read(from: snapshot, for: database.log))?.contains("checksum") == true)
    }

    @Test func anUnknownVersionIsIgnored() throws {
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: snapshot)))
        bytes[8] = 99
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))

        let reason = ignoredReason(LedgerSnapshot.read(from: snapshot))
        #expect(reason?.contains("unknown format version 99") == true)
        let reopened = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(reopened.startup.snapshot == .ignored(reason: reason ?? ""))
        expectSame(reopened.ledger, database.ledger)
    }

    @Test(arguments: [0, 5, 60, 104, 5000])
    func aTruncatedFileIsIgnored(keeping count: Int) throws {
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        try bytes.prefix(count).write(to: URL(fileURLWithPath: snapshot))

        let reason = ignoredReason(LedgerSnapshot.read(from: snapshot))
        #expect(reason?.contains("truncated") == true)
        let reopened = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(reopened.startup.snapshot == .ignored(reason: reason ?? ""))
        expectSame(reopened.ledger, database.ledger)
    }

    @Test func aFileThatIsNoSnapshotIsIgnored() throws {
        let snapshot = directory.file("notes.txt")
        try Data(String(repeating: "not a snapshot\n", count: 20).utf8).write(to: URL(fileURLWithPath: snapshot))
        #expect(ignoredReason(LedgerSnapshot.read(from: snapshot))?.contains("bad magic") == true)
        // The database itself, named by mistake.
        let database = try generatedDatabase("ledger.db")
        #expect(ignoredReason(LedgerSnapshot.read(from: database.log.path))?.contains("bad magic") == true)
        #expect(ignoredReason(LedgerSnapshot.read(from: directory.path))?.contains("not a regular file") == true)
    }

    @Test func aSnapshotOfAnotherDatabaseIsIgnored() throws {
        let other = try LedgerDatabase(path: directory.file("other.db"))
        try other.append(HandLedgerEvents.all)
        let snapshot = directory.file("other.snapshot")
        try other.writeSnapshot(to: snapshot)

        // Longer than the other log, so its row at the snapshot's sequence exists, with
        // another hash.
        let database = try generatedDatabase("ledger.db")
        let result = LedgerSnapshot.read(from: snapshot, for: database.log)
        #expect(ignoredReason(result)?.contains("another log") == true)
        let reopened = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(reopened.startup.snapshot == .ignored(reason: ignoredReason(result) ?? ""))
        expectSame(reopened.ledger, database.ledger)

        // Read without a log, the snapshot is whole, and says which log it is of.
        guard case .restored(let ledger, let sequence, let logHash) = LedgerSnapshot.read(from: snapshot) else {
            Issue.record("the snapshot does not restore on its own")
            return
        }
        expectSame(ledger, other.ledger)
        #expect(sequence == Int64(HandLedgerEvents.all.count))
        #expect(logHash == other.log.lastHash)
    }

    @Test func aSnapshotAheadOfTheLogIsIgnored() throws {
        let database = try generatedDatabase("ledger.db")
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        // The same beginning, but shorter: the log was restored from an older backup.
        let older = try LedgerDatabase(path: directory.file("older.db"))
        try older.append(Array(Self.generated.first.prefix(100)))
        let reason = ignoredReason(LedgerSnapshot.read(from: snapshot, for: older.log))
        #expect(reason?.contains("beyond the log's last seq 100") == true)
    }

    @Test func aMissingFileIsMissing() throws {
        let snapshot = directory.file("none.snapshot")
        guard case .missing = LedgerSnapshot.read(from: snapshot) else {
            Issue.record("a missing file is not reported missing")
            return
        }
        let database = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(database.startup == .init(snapshot: .missing, replayedEvents: 0))
        #expect(try LedgerDatabase(path: directory.file("ledger.db")).startup.snapshot == .notRequested)
    }

    @Test func anEmptyLedgerRoundTrips() throws {
        let database = try LedgerDatabase(path: directory.file("ledger.db"))
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        let reopened = try LedgerDatabase(path: directory.file("ledger.db"), snapshotPath: snapshot)
        #expect(reopened.startup.snapshot == .restored(sequence: 0))
        expectSame(reopened.ledger, Ledger())
        try reopened.append(HandLedgerEvents.all)
        #expect(reopened.ledger.figures(on: handLedgerDays)[16] == HandLedgerFigures.exposure)
    }

    @Test func aFailedWriteLeavesThePreviousSnapshotInPlace() throws {
        let database = try LedgerDatabase(path: directory.file("ledger.db"))
        try database.append(HandLedgerEvents.withoutPayments)
        let snapshot = directory.file("ledger.snapshot")
        try database.writeSnapshot(to: snapshot)
        try database.append(HandLedgerEvents.payments)
        // The temporary file cannot be created: the write fails before touching the snapshot.
        try FileManager.default.createDirectory(atPath: snapshot + ".tmp", withIntermediateDirectories: false)
        #expect(throws: LedgerSnapshotError.self) { try database.writeSnapshot(to: snapshot) }

        guard case .restored(_, let sequence, _) = LedgerSnapshot.read(from: snapshot) else {
            Issue.record("the previous snapshot was damaged")
            return
        }
        #expect(sequence == Int64(HandLedgerEvents.withoutPayments.count))
    }
}
