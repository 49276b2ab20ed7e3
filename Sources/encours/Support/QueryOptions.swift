import ArgumentParser
import EncoursCore
import EncoursStore
import Foundation

/// How a report is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns with a totals line, for people.
    case table
    /// Exactly what the API returns (DESIGN §6).
    case json
    /// A header row and one row per customer, for spreadsheets.
    case csv
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

/// Options every report takes.
struct QueryOptions: ParsableArguments {
    @OptionGroup var location: LedgerSourceOptions

    @Option(name: .customLong("as-of"), help: "Business date of the figures, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(help: "Only this customer.")
    var customer: String?

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    var day: Day { asOf ?? .today }

    var source: LedgerSource { location.source }

    func print(json: String, table: ReportTable) {
        switch format {
        case .json: Terminal.write(json + "\n")
        case .table: Terminal.write(table.text)
        case .csv: Terminal.write(table.csv)
        }
    }
}

/// Where the ledger database is.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The ledger database file.")
    var db: String = "./var/encours.db"
}
