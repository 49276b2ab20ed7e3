import Logging
import Metrics
import ServiceLifecycle

/// The inbox's part in the daemon's lifecycle: watches the folder, imports each settled
/// file as one batch, then moves it to `done/` or `rejected/` with its report.
///
/// The move comes after the append is durable. Should the daemon stop in between (a
/// crash, a power cut), the file is still in the inbox at the next start and is imported
/// again: every event is then a duplicate of the one recorded, so it goes to `done/` with
/// a report of 0 appended. A graceful shutdown lets the file being imported finish (its
/// batch is one transaction anyway), then stops before the next one: it is listed after
/// the ledger in the service group, so it stops first and the writer is still there.
struct InboxService: Service {
    let settings: InboxSettings
    let importer: InboxImporter
    let status: DaemonStatus
    let logger: Logger

    /// A file left where it is, and until when: `nil`, until it changes.
    private struct Held {
        var state: InboxFolder.FileState
        var until: ContinuousClock.Instant?
    }

    /// `encours_inbox_files_total{result}`, both made at start so that a scraper sees 0
    /// rather than no series before the first file.
    private let filesMoved: [InboxFolder.Outcome: Counter]

    init(settings: InboxSettings, importer: InboxImporter, status: DaemonStatus, logger: Logger) {
        self.settings = settings
        self.importer = importer
        self.status = status
        self.logger = logger
        filesMoved = Dictionary(
            uniqueKeysWithValues: [InboxFolder.Outcome.done, .rejected].map { outcome in
                (outcome, Counter(label: "encours_inbox_files_total", dimensions: [("result", outcome.rawValue)]))
            }
        )
    }

    private var folder: InboxFolder { importer.folder }

    func run() async throws {
        let watcher = FolderWatcher(folder: settings.folder, logger: logger)
        logger.notice(
            "inbox: watching \(settings.folder)",
            metadata: [
                "inotify": "\(watcher.usesInotify)", "settle_seconds": "\(settings.settleTime / .seconds(1))",
                "poll_seconds": "\(settings.pollInterval / .seconds(1))",
            ]
        )
        await withGracefulShutdownHandler {
            await watch(with: watcher)
        } onGracefulShutdown: {
            watcher.interrupt()
        }
    }

    private func watch(with watcher: FolderWatcher) async {
        var settling = FileSettling(settleTime: settings.settleTime)
        var held: [String: Held] = [:]
        var listingFailed = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let files: [String: InboxFolder.FileState]
            do {
                files = try folder.waitingFiles()
                if listingFailed { logger.notice("inbox: \(settings.folder) can be listed again") }
                listingFailed = false
            } catch {
                if !listingFailed { logger.error("inbox: \(settings.folder) cannot be listed: \(error)") }
                listingFailed = true
                files = [:]
            }
            let now = ContinuousClock.now
            held = held.filter { name, entry in
                files[name] == entry.state && (entry.until.map { now < $0 } ?? true)
            }
            let (settled, nextDue) = settling.observe(files.filter { held[$0.key] == nil }, at: now)
            for name in settled {
                if Task.isShuttingDownGracefully || Task.isCancelled { return }
                if case .left(let until) = await take(name), let state = files[name] {
                    held[name] = Held(state: state, until: until)
                }
            }
            if !settled.isEmpty { continue }  // more may have come in meanwhile
            let wakeUp = min(nextDue ?? now + settings.pollInterval, now + settings.pollInterval)
            await watcher.wait(upTo: wakeUp - ContinuousClock.now)
        }
    }

    /// What became of a file taken.
    private enum Disposal {
        /// Moved out of the inbox.
        case moved
        /// Left in the inbox, taken again at that instant, or, when `nil`, once it changes.
        case left(until: ContinuousClock.Instant?)
    }

    /// Imports `name`, then moves it with its report.
    private func take(_ name: String) async -> Disposal {
        logger.info("inbox: importing \(name)")
        var report: InboxReport
        switch await importer.importFile(name) {
        case .leave(let reason):
            logger.warning("inbox: \(name) left in the inbox, taken again later: \(reason)")
            return .left(until: ContinuousClock.now + settings.pollInterval)
        case .finished(let finished):
            report = finished
        }
        let stored: String
        do {
            stored = try folder.move(name, to: report.outcome)
        } catch {
            let what = report.outcome == .done ? "imported" : "rejected"
            logger.error(
                "inbox: \(name) was \(what) but \(error): it stays in the inbox until it changes; let the daemon's user rename files there"
            )
            return .left(until: nil)
        }
        report.storedAs = "\(report.outcome.rawValue)/\(stored)"
        report.finishedAt = importer.clock()
        do {
            try folder.writeReport(report.text, for: stored, in: report.outcome)
        } catch {
            logger.error("inbox: \(name) moved to \(report.storedAs), but \(error)")
        }
        log(report)
        status.inboxFinished(report.outcome, at: report.finishedAt)
        filesMoved[report.outcome]?.increment()
        return .moved
    }

    /// One line per file; no amounts or customers (they may be in the errors), which the
    /// report beside the file holds.
    private func log(_ report: InboxReport) {
        switch report.outcome {
        case .done:
            logger.notice(
                "inbox: \(report.file) imported to \(report.storedAs): \(report.appended) appended, \(report.duplicates) duplicates, \(report.skipped.count) lines skipped"
            )
        case .rejected:
            let errors = report.problemCount.counted("error")
            logger.warning(
                "inbox: \(report.file) rejected to \(report.storedAs): \(errors), nothing appended; see \(report.storedAs)\(InboxFolder.reportSuffix)"
            )
        }
    }
}
