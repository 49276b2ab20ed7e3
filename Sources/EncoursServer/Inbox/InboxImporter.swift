import EncoursCore
import EncoursImport
import EncoursStore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Imports one file of the inbox: reads it whole, checks it, and appends its events as one
/// batch through the ledger's one writer, so the file is in the ledger entirely or not at
/// all, exactly as `encours import` would have put it there.
///
/// It only decides; the ``InboxService`` moves the file where the report says.
struct InboxImporter: Sendable {
    /// What to do with the file.
    enum Verdict: Sendable {
        /// Move the file to `report.outcome`'s folder with its report.
        case finished(InboxReport)
        /// The file is not at fault (the daemon is stopping, the log failed, the file
        /// vanished): leave it where it is, to be taken again later.
        case leave(reason: String)
    }

    /// The `actor` recorded on the events appended from the inbox.
    static let actor = "inbox"

    let folder: InboxFolder
    let settings: InboxSettings
    let database: LedgerDatabase
    let writer: LedgerWriter
    let clock: @Sendable () -> String

    func importFile(_ name: String) async -> Verdict {
        let format = settings.format(ofFile: name)
        let pickedUpAt = clock()
        let csvMapping = settings.csvMapping
        if format == .csv && csvMapping == nil {
            var report = InboxReport(file: name, format: format, bytes: 0, pickedUpAt: pickedUpAt)
            report.reject([
                "\(name): a CSV export is read through a mapping file naming its columns, and the inbox has none: "
                    + "set inbox.csv_mapping (docs/configuration.md)"
            ])
            return .finished(report)
        }
        let (folder, database, fec) = (folder, database, settings.fec)
        let read: Result<(bytes: Int, result: EventReadResult), InboxFileError>
        do {
            // Reading and parsing a large export takes seconds of CPU: not on the
            // concurrency pool, whose few threads serve the API.
            read = try await NIOThreadPool.singleton.runIfActive {
                // The customers known now (an export registers only the others), held only
                // while reading: a ledger value kept longer would make the writer copy it.
                let reader = ExportReader(
                    format: format,
                    knownCustomers: database.read { KnownCustomers($0) },
                    fec: fec,
                    csvMapping: csvMapping
                )
                do throws(InboxFileError) {
                    let bytes = try folder.contents(of: name)
                    return .success((bytes.count, reader.read(bytes, file: name)))
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            return .leave(reason: "the daemon is stopping")
        }
        switch read {
        case .failure(.system(_, ENOENT)):
            return .leave(reason: "it was removed or renamed before it could be read")
        case .failure(let error):
            var report = InboxReport(file: name, format: format, bytes: 0, pickedUpAt: pickedUpAt)
            report.reject(["\(name): \(error)"])
            return .finished(report)
        case .success(let (bytes, result)):
            var report = InboxReport(file: name, format: format, bytes: bytes, pickedUpAt: pickedUpAt)
            return await append(result, reporting: &report)
        }
    }

    private func append(_ result: EventReadResult, reporting report: inout InboxReport) async -> Verdict {
        report.skipped = result.skipped
        guard result.isValid else {
            report.reject(result.errors.map(\.description), total: result.errors.count + result.omittedErrorCount)
            return .finished(report)
        }
        let aboveRole = result.events.filter { Role.needed(toAppend: $0.event) > settings.role }
        guard aboveRole.isEmpty else {
            report.reject(
                aboveRole.map { parsed in
                    "\(result.file):\(parsed.line): \(Role.describe(parsed.event)) needs the role "
                        + "\(Role.needed(toAppend: parsed.event).rawValue); the inbox appends as "
                        + "\(settings.role.rawValue) (inbox.role): send it through the API instead"
                }
            )
            return .finished(report)
        }
        guard !result.events.isEmpty else {
            if result.skipped.isEmpty {
                report.reject(["\(result.file): the file holds no events"])
            } else {
                report.outcome = .done
            }
            return .finished(report)
        }
        let submissions = result.events.map { LedgerDatabase.Submission(event: $0.event, payload: $0.payload) }
        do {
            // An export re-sends payments once lettered; canonical events mean what they say.
            let appended = try await writer.append(
                submissions,
                actor: Self.actor,
                keepingRecordedLettering: report.format != .ndjson
            )
            report.relettered = appended.relettered.map { payment in
                let parsed = result.events[payment.index]
                return EventDifference.report(
                    "\(result.file):\(parsed.line): \(parsed.event.type.rawValue): \(payment.notice)",
                    recorded: payment.recorded,
                    new: payment.sent
                )
            }
            report.outcome = .done
            report.appended = appended.appendedCount
            report.duplicates = appended.duplicateCount
            let sequences = appended.outcomes.compactMap { if case .appended(let seq) = $0 { seq } else { nil } }
            if let first = sequences.min(), let last = sequences.max() { report.appendedSequences = first...last }
            return .finished(report)
        } catch let error as LedgerDatabaseError {
            guard let problems = Self.problems(error, events: result.events, file: result.file) else {
                return .leave(reason: "the ledger could not append it: \(error)")
            }
            report.reject(Array(problems.prefix(CanonicalEventReader.defaultErrorLimit)), total: problems.count)
            return .finished(report)
        } catch {
            return .leave(reason: "\(error)")
        }
    }

    /// The file's faults in `error`, one line each naming the line of the file; `nil` when
    /// the error is the log's, not the file's.
    static func problems(_ error: LedgerDatabaseError, events: [ParsedEvent], file: String) -> [String]? {
        func place(_ index: Int) -> String {
            "\(file):\(events[index].line): \(events[index].event.type.rawValue)"
        }
        switch error {
        case .conflicts(let conflicts):
            return conflicts.map { conflict in
                EventDifference.report(
                    "\(place(conflict.index)): \(conflict)",
                    recorded: conflict.holderEvent,
                    new: events[conflict.index].event
                )
            }
        case .rejected(let items):
            return items.map { item in item.index.map { "\(place($0)): \(item.violation)" } ?? "\(item.violation)" }
        case .ordersRefused(let orders):
            return orders.map { order in
                let causes = order.decision.causes.map(\.kind.rawValue).joined(separator: ", ")
                return "\(place(order.index)): the credit check refuses order \"\(order.order)\" of customer "
                    + "\"\(order.decision.customer)\" (\(causes)); finance may let it pass with \"override\""
            }
        default:
            return nil
        }
    }
}
