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
        guard !replayOnly else { return }

        let ledger = database.ledger
        measure("ageing") { ledger.ageing(asOf: day).customers.count }
        measure("exposure") { ledger.exposure(asOf: day).customers.count }
        measure("dso countback") { ledger.dso(asOf: day, method: .countback).customers.count }
        measure("dso simple") { ledger.dso(asOf: day, method: .simple).customers.count }
        if let first = ledger.accountsInOrder().first?.customer {
            measure("exposure of one customer") { ledger.exposure(asOf: day, customer: first).customers.count }
        }
        let monthEarlier = day.adding(days: -30)
        measure("ageing 30 days earlier (replays timelines)") { ledger.ageing(asOf: monthEarlier).customers.count }
    }

    private func measure(_ name: String, _ body: () -> Int) {
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
