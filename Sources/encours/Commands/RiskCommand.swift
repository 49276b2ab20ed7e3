import ArgumentParser
import EncoursCore

/// `encours risk`: the customer risk file, of one customer or of all (or only the flagged).
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Customer risk file: legal identity, age, limit against the credit insurer's cover, and flags.",
        discussion: """
            Flags: young_company (incorporated less than 3 years before the date), missing_legal_identity \
            (no legal name, SIREN or incorporation date), invalid_siren (not 9 digits with a valid check \
            digit), limit_above_cover (effective limit above the insurer's cover). See docs/definitions.md.

            Examples:
              encours risk C000042
              encours risk --flagged --as-of 2026-06-30
              encours risk --flagged --format csv > risk.csv
            """
    )

    @Argument(help: "One customer's risk file; without it, every customer registered by the date.")
    var customerID: String?

    @Flag(help: "Only the customers with at least one flag.")
    var flagged = false

    @OptionGroup var query: QueryOptions

    func validate() throws {
        if customerID != nil && (flagged || query.customer != nil) {
            throw ValidationError("give a customer either as the argument (its risk file) or with --customer and --flagged (a list), not both")
        }
    }

    func run() throws {
        if let customerID {
            guard case .database(let path) = query.source else {
                return try query.fetch("/v1/customers/\(customerID)/risk")
            }
            let ledger = try LedgerOpener.open(path)
            let id = CustomerID(customerID)
            guard ledger.account(id) != nil else {
                throw CommandFailure("error: customer \"\(customerID)\" is not in the ledger \(path)")
            }
            guard let file = ledger.riskFile(id, asOf: query.day) else {
                throw CommandFailure("error: customer \"\(customerID)\" is not registered on \(query.day)")
            }
            return query.print(json: file.json, table: file.table)
        }
        guard case .database(let path) = query.source else {
            return try query.fetch("/v1/risk", flagged ? ["flagged": "true"] : [:])
        }
        let ledger = try LedgerOpener.open(path)
        let customer = try query.checkedCustomer(in: ledger, path: path)
        let report = ledger.risk(asOf: query.day, customer: customer, flaggedOnly: flagged)
        query.print(json: report.json, table: report.table)
    }
}
