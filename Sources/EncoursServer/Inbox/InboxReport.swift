import EncoursImport

/// What became of one file of the inbox, written beside it in `done/` or `rejected/` as
/// `NAME.report.txt`.
///
/// The person who dropped the file reads it to know whether the ledger has it and, if
/// not, what to fix: so it is plain text, every problem on a line of its own naming
/// `file:line`, the column or field, and the value, as `encours import` prints them. The
/// counts come first as `key: value` lines, so that a script can `grep '^appended:'`.
struct InboxReport: Sendable {
    /// The file's name as dropped.
    var file: String
    var format: ExportFormat
    var bytes: Int
    /// When the daemon took the file, and when it was done with it (UTC timestamps).
    var pickedUpAt: String
    var finishedAt = ""
    var outcome: InboxFolder.Outcome = .rejected
    /// Where the file is now, relative to the inbox (`done/invoices.2.ndjson`).
    var storedAs = ""
    var appended = 0
    var duplicates = 0
    /// The sequence numbers of the first and last event appended.
    var appendedSequences: ClosedRange<Int64>?
    var skipped: [SkippedLine] = []
    /// Payments the file sent again with other lettering: the recorded ones stood.
    var relettered: [String] = []
    /// Each problem, as a person reads it; `problemCount` counts those not listed too.
    var problems: [String] = []
    var problemCount = 0

    init(file: String, format: ExportFormat, bytes: Int, pickedUpAt: String) {
        self.file = file
        self.format = format
        self.bytes = bytes
        self.pickedUpAt = pickedUpAt
    }

    /// Refuses the file with `problems` (`total` counting those left out).
    mutating func reject(_ problems: [String], total: Int? = nil) {
        outcome = .rejected
        self.problems = problems
        problemCount = total ?? problems.count
    }

    var text: String {
        var lines = [
            "file: \(file)",
            "stored_as: \(storedAs)",
            "format: \(format.rawValue)",
            "bytes: \(bytes)",
            "picked_up_at: \(pickedUpAt)",
            "finished_at: \(finishedAt)",
            "result: \(outcome.rawValue)",
            "appended: \(appended)",
            "duplicates: \(duplicates)",
            "first_seq:" + (appendedSequences.map { " \($0.lowerBound)" } ?? ""),
            "last_seq:" + (appendedSequences.map { " \($0.upperBound)" } ?? ""),
            "skipped: \(skipped.count)",
            "errors: \(problemCount)",
            "",
            summary,
        ]
        if !skipped.isEmpty {
            lines += ["", "Skipped lines (no error: they hold nothing the ledger records):"]
            lines += skipped.map(\.description)
        }
        if !relettered.isEmpty {
            lines += ["", "Lettering not applied (the payments as recorded stand):"]
            lines += relettered
        }
        if !problems.isEmpty {
            lines += ["", "Errors:"]
            lines += problems
            if problemCount > problems.count {
                lines.append("\(problemCount - problems.count) more errors not shown")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One sentence saying what happened and what to do next.
    var summary: String {
        switch outcome {
        case .done where appended == 0 && duplicates > 0:
            "Every event of the file was already recorded with the same content: nothing was appended."
        case .done:
            "\(appended.counted("event")) appended, \(duplicates.counted("duplicate")) of recorded events skipped."
        case .rejected:
            "Nothing was appended. Fix the errors below and drop the whole file again: events already recorded "
                + "are skipped as duplicates."
        }
    }
}
