import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// `encours-bench`: times what the foundation promises (cold replay, queries over a large
/// ledger) on a release build. `Scripts/bench` drives it; figures are measured, never
/// asserted in tests.
@main
struct EncoursBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encours-bench",
        abstract: "Measure cold replay and query times on a ledger database.",
        discussion: """
            Example:
              encours-bench --db /tmp/bench.db --as-of 2025-12-31 --repeat 7
            """
    )

    @Option(help: "The ledger database file.")
    var db: String

    @Option(name: .customLong("as-of"), help: "Business date of the queries, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "How many times each query runs; the median and best are reported.")
    var `repeat`: Int = 7

    @Flag(help: "Only replay, then exit (for measuring peak memory from outside).")
    var replayOnly = false

    @Option(help: "Only the queries whose name starts with this, like dunning.")
    var only: String?

    @Option(help: "Write a snapshot of the replayed ledger to this file, then time restoring from it.")
    var snapshot: String?

    @Option(
        name: .customLong("snapshot-tail"),
        help: "With --snapshot: also time a restore from a snapshot this many events old (the rows after it replayed)."
    )
    var snapshotTail: Int = 0

    func run() throws {
        guard let day = Day(iso: asOf) else { throw ValidationError("--as-of: not a date: \(asOf)") }
        let started = ContinuousClock.now
        let database = try LedgerDatabase(path: db)
        let replay = ContinuousClock.now - started
        let events = database.ledger.entryCount
        print(
            "replay: \(events) events, \(database.ledger.accounts.count) customers in \(Self.milliseconds(replay)) ms"
                + " = \(Int(Double(events) / Self.seconds(replay))) events/s"
        )
        print("peak resident memory after replay: \(Self.peakResidentMegabytes()) MB")
        if let snapshot { try measureSnapshot(of: database, at: snapshot) }
        guard !replayOnly else { return }

        let ledger = database.ledger
        measure("ageing") { ledger.ageing(asOf: day).customers.count }
        measure("exposure") { ledger.exposure(asOf: day).customers.count }
        measure("dso countback") { ledger.dso(asOf: day, method: .countback).customers.count }
        measure("dso simple") { ledger.dso(asOf: day, method: .simple).customers.count }
        if let first = ledger.accountsInOrder().first?.customer {
            measure("exposure of one customer") { ledger.exposure(asOf: day, customer: first).customers.count }
        }
        let plan = CommissionPlan(standard: CommissionRate(percent: "2.5")!)
        measure("scorecards, every rep, month to date") {
            ledger.scorecards(period: .monthToDate(day), plan: plan).salesReps.count
        }
        let monthEarlier = day.adding(days: -30)
        measure("ageing 30 days earlier (replays timelines)") { ledger.ageing(asOf: monthEarlier).customers.count }
        measure("dunning worklist, whole ledger") { ledger.dunningWorklist(on: day).actions.count }
        measure("dunning worklist, whole ledger, as JSON") {
            let worklist = ledger.dunningWorklist(on: day)
            return worklist.json.isEmpty ? 0 : worklist.actions.count
        }
        measure("dunning worklist 30 days earlier (replays timelines)") {
            ledger.dunningWorklist(on: monthEarlier).actions.count
        }
        measure("promises, whole ledger") { ledger.promises(asOf: day).customers.count }
        measure("risk files, whole ledger, as JSON") {
            let report = ledger.risk(asOf: day)
            return report.json.isEmpty ? 0 : report.customers.count
        }
        if let busiest = ledger.accounts.max(by: { $0.entryPositions.count < $1.entryPositions.count })?.customer {
            // The busiest customer: the statement reruns its timeline for the credits and the penalties.
            measure("statement of the busiest customer, as JSON") {
                (try? ledger.statement(of: busiest, asOf: day))?.json.utf8.count ?? 0
            }
        }
    }

    /// Times writing a snapshot of the replayed ledger, then opening the database from it
    /// (log opened, snapshot checked against the log's hash, decoded, tail replayed).
    private func measureSnapshot(of database: LedgerDatabase, at path: String) throws {
        var writes: [Duration] = []
        for _ in 0..<3 {
            let started = ContinuousClock.now
            try database.writeSnapshot(to: path)
            writes.append(ContinuousClock.now - started)
        }
        writes.sort()
        let megabytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
        print(
            "snapshot write (encode, checksum, fsync, rename): median \(Self.milliseconds(writes[1])) ms,"
                + " best \(Self.milliseconds(writes[0])) ms, \(String(format: "%.1f", megabytes)) MB"
        )
        try measureRestore(from: path)
        let restored = try LedgerDatabase(path: db, snapshotPath: path)
        print("restored ledger equals the replayed one: \(restored.ledger == database.ledger)")
        try restored.log.close()

        guard snapshotTail > 0 else { return }
        // The ledger as it was `snapshotTail` events ago: a restart after a crash, with the
        // rows since the last snapshot to replay.
        let older = try database.ledger.asKnown(through: database.ledger.lastSequence - Int64(snapshotTail))
        guard let hash = try database.log.hash(at: older.lastSequence) else { return }
        try LedgerSnapshot.write(older, logHash: hash, to: path)
        try measureRestore(from: path)
        let continued = try LedgerDatabase(path: db, snapshotPath: path)
        print("restored and continued ledger equals the replayed one: \(continued.ledger == database.ledger)")
    }

    /// Opens the database from the snapshot at `path` `repeat` times.
    private func measureRestore(from path: String) throws {
        var restores: [Duration] = []
        var processorTimes: [Double] = []
        var startup = ""
        for _ in 0..<max(1, `repeat`) {
            let processorBefore = Self.processorMilliseconds()
            let started = ContinuousClock.now
            let restored = try LedgerDatabase(path: db, snapshotPath: path)
            restores.append(ContinuousClock.now - started)
            processorTimes.append(Self.processorMilliseconds() - processorBefore)
            startup = restored.startup.description
            try restored.log.close()
        }
        restores.sort()
        processorTimes.sort()
        // CPU time as well as wall time: on a shared machine the wall time also measures the
        // other processes.
        print(
            "restore from snapshot (open log, check hash, decode, replay tail): median"
                + " \(Self.milliseconds(restores[restores.count / 2])) ms, best \(Self.milliseconds(restores[0])) ms,"
                + " CPU (user + system) median \(Int(processorTimes[processorTimes.count / 2])) ms (\(startup))"
        )
    }

    /// User and system time of this process so far.
    static func processorMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
    }

    private func measure(_ name: String, _ body: () -> Int) {
        if let only, !name.hasPrefix(only) { return }
        var durations: [Duration] = []
        var rows = 0
        for _ in 0..<max(1, `repeat`) {
            let started = ContinuousClock.now
            rows = body()
            durations.append(ContinuousClock.now - started)
        }
        durations.sort()
        print(
            "\(name): median \(Self.milliseconds(durations[durations.count / 2])) ms,"
                + " best \(Self.milliseconds(durations[0])) ms (\(rows) rows)"
        )
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", seconds(duration) * 1000)
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
