import EncoursCore
import EncoursImport
import Foundation
import Testing

/// The example mappings shipped in docs/mappings/, each read with the sample export beside
/// it, so that what the documentation shows keeps working.
@Suite("CSV example mappings in docs/mappings")
struct CSVExampleMappingTests {
    typealias T = CSVTests

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/mappings")

    static func read(_ name: String, known: Set<CustomerID> = []) throws -> EventReadResult {
        let toml = try String(contentsOf: folder.appendingPathComponent("\(name).toml"), encoding: .utf8)
        let mapping = try CSVMapping(toml: toml, source: "\(name).toml")
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(name).csv")))
        return CSVExportReader(mapping: mapping, knownCustomers: KnownCustomers { known.contains($0) })
            .read(bytes, file: "\(name).csv")
    }

    @Test("journal des ventes: semicolons, Windows-1252, decimal comma, FA/AV/RG, quotes skipped")
    func journalDesVentes() throws {
        let result = try Self.read("journal-des-ventes")
        #expect(result.errors == [])
        #expect(
            result.skipped.map(\.description) == [
                #"journal-des-ventes.csv:5: skipped: column "Type" is "DE", which the mapping ignores (kind.ignore)"#
            ]
        )
        let dupre = CustomerProfile(legalName: "Boulangerie Dupré SARL", siren: "552100554", termsDays: 30)
        let lefevre = CustomerProfile(legalName: "Menuiserie Lefèvre & Fils", siren: "732829320", termsDays: 45)
        #expect(
            result.events.map(\.event) == [
                .customerRegistered(CustomerRegistered(customer: "C001", profile: dupre, on: T.day(2026, 3, 2))),
                .invoiceIssued(
                    InvoiceIssued(
                        customer: "C001",
                        invoice: "FA-2026-0101",
                        amount: T.money(120_000),
                        on: T.day(2026, 3, 2),
                        dueOn: T.day(2026, 4, 1)
                    )
                ),
                .customerRegistered(CustomerRegistered(customer: "C002", profile: lefevre, on: T.day(2026, 3, 5))),
                T.invoice("FA-2026-0102", "C002", 348_050, on: T.day(2026, 3, 5)),
                .creditNoteIssued(
                    CreditNoteIssued(
                        customer: "C001",
                        creditNote: "AV-2026-0007",
                        amount: T.money(12_000),
                        invoice: "FA-2026-0101",
                        on: T.day(2026, 3, 10)
                    )
                ),
                .paymentReceived(
                    PaymentReceived(
                        customer: "C001",
                        payment: "RG-2026-0033",
                        amount: T.money(108_000),
                        on: T.day(2026, 3, 20),
                        allocations: [Allocation(invoice: "FA-2026-0101", amount: T.money(108_000))]
                    )
                ),
                .creditNoteIssued(
                    CreditNoteIssued(
                        customer: "C002",
                        creditNote: "FA-2026-0103",
                        amount: T.money(5_000),
                        invoice: "FA-2026-0102",
                        on: T.day(2026, 3, 25)
                    )
                ),
            ]
        )
        #expect(result.events.map(\.line) == [2, 2, 3, 3, 6, 7, 8])
    }

    @Test("database export: invoices, then payments, one file each, comma and decimal point")
    func databaseExport() throws {
        let invoices = try Self.read("database-invoices")
        #expect(invoices.errors == [])
        #expect(
            invoices.events.map(\.event) == [
                .customerRegistered(
                    CustomerRegistered(
                        customer: "ACME",
                        profile: CustomerProfile(legalName: "Acme Industries Ltd", termsDays: 30),
                        on: T.day(2026, 3, 2)
                    )
                ),
                .invoiceIssued(
                    InvoiceIssued(
                        customer: "ACME",
                        invoice: "INV-1001",
                        amount: T.money(150_000),
                        on: T.day(2026, 3, 2),
                        dueOn: T.day(2026, 4, 1)
                    )
                ),
                .customerRegistered(
                    CustomerRegistered(
                        customer: "GLOBEX",
                        profile: CustomerProfile(legalName: "Globex, Inc.", siren: "404833048", termsDays: 60),
                        on: T.day(2026, 3, 4)
                    )
                ),
                T.invoice("INV-1002", "GLOBEX", 240_000, on: T.day(2026, 3, 4)),
                .invoiceIssued(
                    InvoiceIssued(
                        customer: "ACME",
                        invoice: "INV-1003",
                        amount: T.money(31_025),
                        on: T.day(2026, 3, 9),
                        dueOn: T.day(2026, 4, 8)
                    )
                ),
            ]
        )
        let payments = try Self.read("database-payments", known: ["ACME", "GLOBEX"])
        #expect(payments.errors == [])
        #expect(
            payments.events.map(\.event) == [
                .paymentReceived(
                    PaymentReceived(
                        customer: "ACME",
                        payment: "PAY-501",
                        amount: T.money(150_000),
                        on: T.day(2026, 3, 20),
                        allocations: [Allocation(invoice: "INV-1001", amount: T.money(150_000))]
                    )
                ),
                .paymentReceived(
                    PaymentReceived(
                        customer: "GLOBEX",
                        payment: "PAY-502",
                        amount: T.money(100_000),
                        on: T.day(2026, 3, 25)
                    )
                ),
            ]
        )
    }
}
