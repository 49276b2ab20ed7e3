import Foundation
import ArgumentParser
import EncoursCore

/// `encours exposure`: each customer's exposure against its credit limit.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Exposure (\"encours\"): open order book plus receivables, against each credit limit.",
        discussion: """
            Lists every customer registered by the date, with its status (blocked, no_limit, over_limit, \
            warning, ok).

            Examples:
              encours exposure --customer C000042
              encours exposure --as-of 2025-12-31 --format json | jq '.customers[] | select(.status == "over_limit")'
            """
    )

    @OptionGroup var query: QueryOptions

    func run() throws {
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/exposure")
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report = ledger.exposure(asOf: query.day, customer: customer)
        query.print(json: report.json, table: report.table)
    }
}

/// `encours ageing`: the ageing balance ("balance âgée").
struct AgeingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ageing",
        abstract: "Ageing balance: open amounts by days past due, with disputed and unapplied credit.",
        discussion: """
            Buckets: not_due, 1_30, 31_60, 61_90, over_90 days past due. Customers whose every figure is zero \
            are left out; the total line is always there.

            Examples:
              encours ageing
              encours ageing --as-of 2025-12-31 --format csv > ageing-2025.csv
              encours ageing --buckets 15,30,45,60,90
            """
    )

    @OptionGroup var query: QueryOptions

    @Option(help: "Upper bounds of the late buckets in days, increasing, like 30,60,90.")
    var buckets: AgeingBuckets = .standard

    func run() throws {
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/ageing", ["buckets": buckets.defaultValueDescription])
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report = ledger.ageing(asOf: query.day, customer: customer, buckets: buckets)
        query.print(json: report.json, table: report.table)
    }
}

extension DSOMethod: ExpressibleByArgument {}

extension AgeingBuckets: ExpressibleByArgument {
    /// `30,60,90`: increasing positive day counts, separated by commas.
    public init?(argument: String) {
        let bounds = argument.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !bounds.contains(nil) else { return nil }
        self.init(boundaries: bounds.compactMap { $0 })
    }

    public var defaultValueDescription: String {
        boundaries.map(String.init).joined(separator: ",")
    }
}

/// `encours dso`: days sales outstanding.
struct DSOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dso",
        abstract: "Days sales outstanding, for the whole ledger and per customer.",
        discussion: """
            countback (default): walks back month by month through the sales until the receivables are used up. \
            simple: receivables over the last 90 days' sales × 90. Empty where there were no sales in the \
            window.

            Examples:
              encours dso
              encours dso --method simple --as-of 2025-12-31 --format json
            """
    )

    @OptionGroup var query: QueryOptions

    @Option(help: "countback or simple.")
    var method: DSOMethod = .countback

    func run() throws {
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/dso", ["method": method.rawValue])
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report = ledger.dso(asOf: query.day, method: method, customer: customer)
        query.print(json: report.json, table: report.table)
    }
}

extension QueryOptions {
    /// The customer asked for, refused when the ledger does not know it: an empty report
    /// would look like a customer who owes nothing.
    func checkedCustomer(in ledger: Ledger, path: String) throws -> CustomerID? {
        guard let customer else { return nil }
        let id = CustomerID(customer)
        guard ledger.account(id) != nil else {
            throw CommandFailure("error: customer \"\(customer)\" is not in the ledger \(path)")
        }
        return id
    }
}
