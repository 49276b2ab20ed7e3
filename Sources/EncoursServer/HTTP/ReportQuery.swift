import HummingbirdCore
import EncoursCore
import Hummingbird

/// The query-string parameters the report routes share, each checked with an error naming
/// the parameter: `as_of`, `customer`, `known_at`.
struct ReportQuery {
    var asOf: Day
    var customer: CustomerID?
    var knownAt: Int64?

    init(_ parameters: FlatDictionary<Substring, Substring>, today: Day) throws(APIError) {
        asOf = try Self.day(parameters, "as_of") ?? today
        customer = try Self.text(parameters, "customer").map { CustomerID($0) }
        if let text = try Self.text(parameters, "known_at") {
            guard let sequence = Int64(text), sequence >= 0 else {
                throw .badField("known_at", "\"\(text)\" is not a sequence number (a whole number ≥ 0)")
            }
            knownAt = sequence
        }
    }

    static func text(_ parameters: FlatDictionary<Substring, Substring>, _ name: String) throws(APIError) -> String? {
        let values = parameters[values: Substring(name)]
        guard let value = values.first else { return nil }
        guard values.count == 1 else { throw .badField(name, "given \(values.count) times; give it once") }
        guard !value.isEmpty else { throw .badField(name, "is empty") }
        return String(value)
    }

    static func day(_ parameters: FlatDictionary<Substring, Substring>, _ name: String) throws(APIError) -> Day? {
        guard let text = try text(parameters, name) else { return nil }
        guard let day = Day(iso: text) else { throw .badField(name, "\"\(text)\" is not a date YYYY-MM-DD") }
        return day
    }

    /// The customer asked for, refused with 404 when the ledger does not know it: an empty
    /// report would look like a customer who owes nothing.
    func checkedCustomer(in ledger: Ledger) throws(APIError) -> CustomerID? {
        guard let customer else { return nil }
        guard ledger.account(customer) != nil else { throw .unknownCustomer(customer) }
        return customer
    }
}

extension APIError {
    static func unknownCustomer(_ customer: CustomerID) -> APIError {
        APIError(status: .notFound, code: "unknown_customer", message: "customer \"\(customer)\" is not in the ledger")
    }
}
