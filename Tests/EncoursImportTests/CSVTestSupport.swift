import EncoursCore
import EncoursImport

/// Mappings and files shared by the CSV export tests.
enum CSVTests {
    /// A French journal: one column says the kind of every line, all four kinds and a customer.
    static let journalMapping = """
        [file]
        separator = ";"
        decimal = ","
        date_format = "dd/MM/yyyy"

        [kind]
        column = "Type"
        invoice = "FA"
        credit_note = "AV"
        payment = ["RG", "RC"]
        order = "BC"
        ignore = "DE"

        [invoice]
        invoice = "Pièce"
        customer = "Client"
        on = "Date"
        due_on = "Échéance"
        amount = "Montant"
        order = "Commande"

        [credit_note]
        credit_note = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant"
        invoice = "Référence"

        [payment]
        payment = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant"
        invoice = "Référence"

        [order]
        order = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant"

        [customer]
        legal_name = "Nom"
        trade_name = "Enseigne"
        siren = "SIREN"
        terms_days = "Délai"
        sales_rep = "Commercial"
        """

    static let journalHeader =
        "Type;Pièce;Date;Échéance;Client;Nom;Enseigne;SIREN;Délai;Commercial;Montant;Commande;Référence"

    static func mapping(_ toml: String = journalMapping, source: String = "journal.toml") throws -> CSVMapping {
        try CSVMapping(toml: toml, source: source)
    }

    /// Reads `lines` (joined with line feeds, one at the end) as `ventes.csv`.
    static func read(
        _ lines: [String],
        mapping: String = journalMapping,
        known: Set<CustomerID> = [],
        errorLimit: Int = 100
    ) throws -> EventReadResult {
        let reader = CSVExportReader(
            mapping: try self.mapping(mapping),
            knownCustomers: KnownCustomers { known.contains($0) },
            errorLimit: errorLimit
        )
        return reader.read(Array(lines.map { $0 + "\n" }.joined().utf8), file: "ventes.csv")
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(year: year, month: month, day: day)!
    }

    static func money(_ minorUnits: Int64) -> Money {
        Money(minorUnits: minorUnits)
    }

    static func registered(_ customer: CustomerID, _ name: String, on: Day, terms: Int? = nil) -> Event {
        .customerRegistered(
            CustomerRegistered(customer: customer, profile: CustomerProfile(legalName: name, termsDays: terms), on: on)
        )
    }

    static func invoice(_ invoice: InvoiceID, _ customer: CustomerID, _ minorUnits: Int64, on: Day) -> Event {
        .invoiceIssued(InvoiceIssued(customer: customer, invoice: invoice, amount: money(minorUnits), on: on))
    }
}
