import EncoursCore

/// The answer to a search (docs/api.md, "Search"): the customers the matches are on, and
/// the incidents that matched. A match on a customer's name lists the customer only.
public struct SearchResults: Sendable, Hashable {
    /// A customer with at least one match, in the order of its best match.
    public struct Customer: Sendable, Hashable {
        public var customer: String
        public var legalName: String?
        public var matches: Int
    }

    public var query: String
    public var customers: [Customer]
    /// Matches on what people wrote (notes, reasons, reminder notes), best first.
    public var incidents: [SearchHit]

    static let nameTypes: Set<String> = ["customer.registered", "customer.updated"]

    /// Groups `hits` by customer; `legalName` gives a customer's current legal name.
    public init(query: String, hits: [SearchHit], legalName: (String) -> String?) {
        self.query = query
        var customers: [Customer] = []
        var position: [String: Int] = [:]
        for hit in hits {
            if let index = position[hit.customer] {
                customers[index].matches += 1
            } else {
                position[hit.customer] = customers.count
                customers.append(Customer(customer: hit.customer, legalName: legalName(hit.customer), matches: 1))
            }
        }
        self.customers = customers
        self.incidents = hits.filter { !SearchResults.nameTypes.contains($0.type) }
    }

    /// `{"query", "customers": [{"customer", "legal_name", "matches"}], "incidents": [{"seq",
    /// "customer", "on", "type", "snippet"}]}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("query", query)
        writer.key("customers")
        writer.beginArray()
        for customer in customers {
            writer.beginObject()
            writer.member("customer", customer.customer)
            writer.key("legal_name")
            if let name = customer.legalName { writer.string(name) } else { writer.null() }
            writer.key("matches")
            writer.raw(String(customer.matches))
            writer.endObject()
        }
        writer.endArray()
        writer.key("incidents")
        writer.beginArray()
        for hit in incidents {
            writer.beginObject()
            writer.key("seq")
            writer.raw(String(hit.sequence))
            writer.member("customer", hit.customer)
            writer.member("on", hit.on)
            writer.member("type", hit.type)
            writer.member("snippet", hit.snippet)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// One row per match, names first: what a person scans.
    public var table: ReportTable {
        let nameRows = customers.map { [$0.customer, "", "customer", $0.legalName ?? "", String($0.matches)] }
        let incidentRows = incidents.map { [$0.customer, $0.on, $0.type, $0.snippet, String($0.sequence)] }
        return ReportTable(
            headers: ["customer", "on", "type", "match", "seq/matches"],
            alignments: [.left, .left, .left, .left, .right],
            rows: nameRows + incidentRows
        )
    }
}
