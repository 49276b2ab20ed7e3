import ArgumentParser
import EncoursCore
import EncoursImport
import EncoursStore
import Foundation

/// `encours import`: appends files of canonical events to the ledger, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append events from files (canonical NDJSON, or an export) to the ledger database, checked whole first.",
        discussion: """
            Every file is read and every event checked against the ledger (references, amounts, dates; see \
            docs/events.md) before anything is appended. With any error nothing is appended, every error is \
            listed with file, line and field, and the exit code is 1. Events already recorded with the same \
            content are skipped as duplicates, so re-importing a full export adds only what is new. The files \
            are appended in one transaction.

            --dry-run checks the files the same way and says what would be appended, and appends nothing.

            Examples:
              encours import --db ./var/encours.db events.ndjson
              encours import --db ./var/encours.db monday.ndjson tuesday.ndjson
              encours import --db ./var/encours.db --dry-run full-export.ndjson
              encours import --db ./var/encours.db --format csv --mapping docs/mappings/journal-des-ventes.toml ventes.csv

            Without --format, a file named *.csv is a CSV export, *.fec or an FEC's legal name \
            (123456789FEC20251231.txt) an FEC, anything else canonical NDJSON.

            --format csv reads an invoicing tool's CSV export through a mapping file (TOML) that names its \
            columns and says how it writes amounts, dates and text; docs/imports.md lists every key, and \
            docs/mappings/ holds examples. Customers the ledger does not know are registered from the \
            mapping's [customer] columns. Lines the mapping ignores are skipped: a count per reason is \
            printed on standard error, every line with --show-skipped.

            --format fec reads a Fichier des Écritures Comptables (tab or |, UTF-8 or ISO 8859-15): lines on \
            customer accounts (411…) become customers, invoices (debits in a sales journal), credit notes \
            (credits there) and payments (credits elsewhere); opening balances (journal AN) carry open \
            invoices forward; lettering (EcritureLet) allocates payments. Sales journals are VE, VT, VEN, VTE or \
            any whose label holds "vente", unless --sales-journal names them. Every other line is skipped: a \
            count per reason is printed on standard error, every line with --show-skipped. See docs/imports.md.
              encours import --db ./var/encours.db --format fec 123456789FEC20251231.txt
              encours import --db ./var/encours.db --format fec --sales-journal VT1 --terms-days 45 FEC.txt
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Files to import, all in the same format.")
    var files: [String]

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "What the files are: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) "
                + "(default: what their names say, .csv, .fec or an FEC's legal name, else ndjson)."
        )
    )
    var givenFormat: ExportFormat?

    /// The files' format: `--format`, else what their names say, else canonical NDJSON.
    var format: ExportFormat {
        get throws(ValidationError) {
            if let givenFormat { return givenFormat }
            let named = files.compactMap { file in
                ExportFormat(fileName: (file as NSString).lastPathComponent).map { (file: file, format: $0) }
            }
            guard let first = named.first else { return .ndjson }
            if let other = named.first(where: { $0.format != first.format }) {
                throw ValidationError(
                    "\(first.file) is named as \(first.format.rawValue) and \(other.file) as \(other.format.rawValue): "
                        + "import them separately, or give --format"
                )
            }
            if named.count < files.count, first.format != .ndjson {
                let unnamed = files.first { ExportFormat(fileName: ($0 as NSString).lastPathComponent) == nil }!
                throw ValidationError(
                    "\(first.file) is named as \(first.format.rawValue) but \(unnamed) says no format: give --format"
                )
            }
            return first.format
        }
    }

    @Flag(help: "Check the files and say what would be appended; append nothing.")
    var dryRun = false

    @Option(help: "With --format csv: the mapping file (TOML) naming the export's columns (docs/imports.md).")
    var mapping: String?

    @Option(
        name: .customLong("sales-journal"),
        help: ArgumentHelp(
            "With --format fec: a journal code holding sales; repeat for several "
                + "(default: VE, VT, VEN, VTE, or a label with \"vente\")."
        )
    )
    var salesJournals: [String] = []

    @Option(
        name: .customLong("opening-journal"),
        help: ArgumentHelp(
            "With --format fec: the journal code of opening balances; repeat for several "
                + "(default: AN, RAN, or a label with \"nouveau\")."
        )
    )
    var openingJournals: [String] = []

    @Option(
        help: "With --format fec: payment terms, in days, of the customers it registers (default: the ledger's 30)."
    )
    var termsDays: Int?

    @Flag(
        help: "With --format fec: leave lettering (EcritureLet) out; every payment settles the oldest invoices first."
    )
    var ignoreLettering = false

    @Flag(help: "With --format csv or fec: list every skipped line on standard error, not only the count per reason.")
    var showSkipped = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
        let format = try format
        if format == .csv && mapping == nil {
            throw ValidationError(
                "--format csv needs --mapping FILE: a TOML file naming the export's columns "
                    + "(keys in docs/imports.md, examples in docs/mappings/)"
            )
        }
        if format != .csv && mapping != nil {
            throw ValidationError("--mapping is read only with --format csv")
        }
        let fecOptionGiven = !salesJournals.isEmpty || !openingJournals.isEmpty || termsDays != nil || ignoreLettering
        if format != .fec && fecOptionGiven {
            throw ValidationError(
                "--sales-journal, --opening-journal, --terms-days and --ignore-lettering are read only with --format fec"
            )
        }
        if format == .ndjson && showSkipped {
            throw ValidationError("--show-skipped is read only with --format csv or fec: canonical events skip no line")
        }
        if let termsDays, !(0...3650).contains(termsDays) {
            throw ValidationError("--terms-days must be between 0 and 3650, not \(termsDays)")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        let format = try format
        let csvMapping = try mapping.map(Self.loadMapping)
        // Every file is found before the database is opened: a mistyped name creates nothing.
        let contents = try files.map { file in
            (name: (file as NSString).lastPathComponent, path: file, bytes: try InputFile.bytes(at: file))
        }
        // A dry run against a database not created yet checks against an empty ledger in a
        // scratch folder, so that it leaves no file behind.
        let scratch =
            dryRun && !FileManager.default.fileExists(atPath: database.db)
            ? FileManager.default.temporaryDirectory.appendingPathComponent("encours-dry-run-\(UUID().uuidString)")
            : nil
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let path = scratch?.appendingPathComponent("ledger.db").path ?? database.db
        let ledger = try LedgerOpener.database(at: path, create: true)
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock(databasePath: path)
        } catch {
            throw CommandFailure(
                "error: \(database.db): \(error): if encoursd serves it, send the files with encours append; "
                    + "nothing was imported"
            )
        }
        defer { withExtendedLifetime(lock) {} }

        var reader = ExportReader(format: format, knownCustomers: KnownCustomers(ledger.ledger), csvMapping: csvMapping)
        reader.fec = FECOptions(
            salesJournals: salesJournals,
            openingJournals: openingJournals,
            termsDays: termsDays,
            usesLettering: !ignoreLettering
        )
        let showSkipped = showSkipped
        let reading = ImportReading(files: contents, reader: reader) { result, count in
            Self.reportSkipped(result, eventCount: count, showingEach: showSkipped)
        }
        // An export re-sends payments once lettered; canonical events mean what they say.
        let keepsLettering = format != .ndjson
        var outcome: LedgerDatabase.AppendReport?
        var failure: LedgerDatabaseError?
        do {
            if dryRun {
                if let submissions = reading.feed.wholeBatch() {
                    Terminal.progress("checking \(submissions.count) events")
                    outcome = try ledger.dryRun(submissions, actor: Self.actor, keepingRecordedLettering: keepsLettering)
                }
            } else {
                outcome = try ledger.append(
                    feed: reading.feed,
                    actor: Self.actor,
                    recordedAt: RecordedAt.now,
                    keepingRecordedLettering: keepsLettering
                )
            }
        } catch {
            failure = error
        }
        let read = reading.wait()
        let places = read.places
        Terminal.endProgress()
        guard read.errors.isEmpty else {
            throw CommandFailure((read.errors + ["nothing was imported"]).joined(separator: "\n"))
        }
        if let failure {
            let events = reading.feed.wholeBatch()?.map(\.event) ?? []
            throw CommandFailure(Self.describe(failure, places: places, events: events) + "\nnothing was imported")
        }
        guard let report = outcome else {
            throw CommandFailure("error: the files were read, but the ledger appended nothing\nnothing was imported")
        }
        Self.report(report.relettered, places: places)
        if dryRun {
            Terminal.write(
                "dry run: would import \(report.appendedCount) events, \(report.duplicateCount) duplicates skipped"
                    + " into \(database.db); nothing was imported\n"
            )
            return
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Terminal.write(
            "imported \(report.appendedCount) events, \(report.duplicateCount) duplicates skipped"
                + " (durable in \(String(format: "%.2f", seconds)) s) into \(database.db)\n"
        )
        // The events are durable already; their words for search and folding the WAL into
        // the database file come after, before exiting, so the next reader finds both done.
        Terminal.progress("indexing \(database.db) for search")
        do {
            try ledger.log.indexPendingSearchText()
        } catch {
            Terminal.endProgress()
            Terminal.warn(
                "warning: \(database.db): \(error): the events are recorded; the next command that opens "
                    + "the ledger indexes them for search"
            )
        }
        Terminal.progress("checkpointing \(database.db)")
        try? ledger.log.checkpoint()
        Terminal.endProgress()
    }

    /// Payments an export sent again with other lettering: the recorded payment stands, and
    /// the operator sees which lettering was not applied (docs/imports.md, "Re-importing").
    static func report(_ relettered: [LedgerDatabase.ReletteredPayment], places: [EventPlace]) {
        for payment in relettered {
            let place = places[payment.index]
            let headline = "\(place.file):\(place.line): \(place.type.rawValue): \(payment.notice)"
            Terminal.write(EventDifference.report(headline, recorded: payment.recorded, new: payment.sent) + "\n")
        }
    }

    /// Reads a CSV mapping file; any error in it stops the command before an export is read.
    static func loadMapping(_ path: String) throws -> CSVMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("error: cannot read the mapping \(path): no such file, or not readable")
        }
        do {
            return try CSVMapping(toml: String(decoding: data, as: UTF8.self), source: path)
        } catch {
            throw CommandFailure("error: \(error)\nnothing was imported")
        }
    }

    /// An export's skipped lines, on standard error: most of an FEC's lines are not
    /// receivables, and a sales journal may hold thousands of quotes, so a count per reason,
    /// and every line only when asked (`--show-skipped`).
    static func reportSkipped(_ result: EventReadResult, eventCount: Int, showingEach showSkipped: Bool) {
        guard result.isValid else { return }
        if eventCount == 0 && result.skipped.isEmpty {
            Terminal.write("\(result.file): nothing to import in this file\n")
        }
        if showSkipped {
            // In blocks: a write per line would make a million-line FEC wait on the terminal.
            var block = ""
            for (index, line) in result.skipped.enumerated() {
                block += line.description + "\n"
                if index % 4096 == 4095 || index == result.skipped.count - 1 {
                    FileHandle.standardError.write(Data(block.utf8))
                    block = ""
                }
            }
        }
        for line in SkippedLinesSummary(file: result.file, skipped: result.skipped).lines { Terminal.warn(line) }
    }

    /// The Unix user running the command: the `actor` of what it appends.
    static var actor: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid:\(geteuid())"
    }

    /// Where an event came from, to name it in errors.
    struct EventPlace: Sendable {
        var file: String
        var line: Int
        var type: EventType
    }

    static func describe(_ error: LedgerDatabaseError, places: [EventPlace], events: [Event]) -> String {
        func place(_ index: Int) -> String {
            "\(places[index].file):\(places[index].line): \(places[index].type.rawValue)"
        }
        switch error {
        case .conflicts(let conflicts):
            return conflicts.map { conflict in
                let line =
                    switch conflict.holder {
                    case .logged(let seq):
                        "\(place(conflict.index)): conflict: key \"\(conflict.key)\" is already recorded (seq \(seq)) with different content"
                    case .batch(let first):
                        "\(place(conflict.index)): conflict: key \"\(conflict.key)\" is already used at \(place(first)) with different content"
                    }
                return EventDifference.report(line, recorded: conflict.holderEvent, new: events[conflict.index])
            }.joined(separator: "\n")
        case .rejected(let items):
            let limit = CanonicalEventReader.defaultErrorLimit
            var lines = items.prefix(limit).map { item in
                item.index.map { "\(place($0)): \(item.violation)" } ?? "\(item.violation)"
            }
            if items.count > limit { lines.append("\(items.count - limit) more errors not shown") }
            return lines.joined(separator: "\n")
        default:
            return "error: \(error)"
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
