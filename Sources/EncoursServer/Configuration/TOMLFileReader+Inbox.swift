import EncoursImport
import Foundation
import TOMLKit

/// `[inbox]`: the folder of dropped export files and how they are read. Without `folder`
/// (or with an empty one) the daemon has no inbox and the other keys are still checked, so
/// a misspelt value is found before the inbox is turned on.
extension TOMLFileReader {
    static let inboxKeys: Set<String> = [
        "folder", "format", "csv_mapping", "role", "poll_seconds", "settle_seconds",
        "fec_sales_journals", "fec_opening_journals", "fec_terms_days", "fec_lettering",
    ]

    func inbox(_ table: TOMLTable) throws(ConfigurationError) -> InboxSettings? {
        var settings = InboxSettings(folder: try string(table, "inbox", "folder") ?? "")
        if let name = try string(table, "inbox", "format") {
            guard let format = ExportFormat(rawValue: name) else {
                let names = ExportFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw error("inbox.format", "\"\(name)\" is not one of \(names)")
            }
            settings.format = format
        }
        if let path = try string(table, "inbox", "csv_mapping"), !path.isEmpty {
            settings.csvMapping = try csvMapping(path)
        }
        if let name = try string(table, "inbox", "role") {
            guard let role = Role(rawValue: name), role >= .sales else {
                throw error("inbox.role", "\"\(name)\" is not one of \"sales\", \"feeder\", \"finance\"")
            }
            settings.role = role
        }
        if let interval = try seconds(table, "poll_seconds", minimum: 0.05) { settings.pollInterval = interval }
        if let settle = try seconds(table, "settle_seconds", minimum: 0) { settings.settleTime = settle }
        settings.fec = try fecOptions(table)
        return settings.folder.isEmpty ? nil : settings
    }

    /// `fec_*`: the options of `encours import --format fec`, bounded as the CLI bounds them.
    private func fecOptions(_ table: TOMLTable) throws(ConfigurationError) -> FECOptions {
        var options = FECOptions()
        if let codes = try journalCodes(table, "fec_sales_journals") { options.salesJournals = codes }
        if let codes = try journalCodes(table, "fec_opening_journals") { options.openingJournals = codes }
        if let value = table["fec_terms_days"] {
            guard let days = value.int, (0...3650).contains(days) else {
                throw error("inbox.fec_terms_days", "must be a whole number of days from 0 to 3650")
            }
            options.termsDays = days
        }
        if let value = table["fec_lettering"] {
            guard let flag = value.bool else { throw error("inbox.fec_lettering", "must be true or false") }
            options.usesLettering = flag
        }
        return options
    }

    /// Journal codes as the FEC's `JournalCode` writes them (`["VT", "VT2"]`); an empty
    /// array leaves the journals found by code and label.
    private func journalCodes(_ table: TOMLTable, _ key: String) throws(ConfigurationError) -> [String]? {
        guard let value = table[key] else { return nil }
        let message = "must be an array of journal codes, like [\"VT\", \"VT2\"]"
        guard let array = value.array else { throw error("inbox.\(key)", message) }
        var codes: [String] = []
        for element in array {
            guard let code = element.string?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
                throw error("inbox.\(key)", message)
            }
            codes.append(code)
        }
        return codes
    }

    /// The CSV mapping file at `path`, read now: a mapping that does not load stops the
    /// start, rather than rejecting every CSV file dropped later.
    private func csvMapping(_ path: String) throws(ConfigurationError) -> CSVMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw error("inbox.csv_mapping", "cannot read \(path): no such file, or not readable")
        }
        do {
            return try CSVMapping(toml: String(decoding: data, as: UTF8.self), source: path)
        } catch {
            throw self.error("inbox.csv_mapping", error.description)
        }
    }

    /// A number of seconds, whole or not (`2`, `0.5`), from `minimum` to an hour, to the
    /// millisecond.
    private func seconds(_ table: TOMLTable, _ key: String, minimum: Double) throws(ConfigurationError) -> Duration? {
        guard let value = table[key] else { return nil }
        let seconds = value.int.map(Double.init) ?? value.double
        guard let seconds, seconds >= minimum, seconds <= 3600 else {
            throw error("inbox.\(key)", "must be a number of seconds from \(minimum.formatted) to 3600, like 2 or 0.5")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

extension Double {
    /// `0`, `0.05`: as a person writes the bound, without a trailing `.0`.
    fileprivate var formatted: String {
        rounded() == self ? String(Int(self)) : String(self)
    }
}
