import EncoursCore
import EncoursImport
import Foundation
import Testing

@Suite("CSV exports: lines become events")
struct CSVExportReaderTests {
    typealias T = CSVTests

    @Test("each kind of line becomes its event, amounts in cents, days as the pattern reads them")
    func everyKind() throws {
        let result = try T.read([
            T.journalHeader,
            #"BC;CMD-1;01/03/2026;;C1;Dupont SA;Dupont;552100554;45;rep-1;"2 000,00";;"#,
            "FA;FA-1;02/03/2026;01/04/2026;C1;Dupont SA;;;;;1 234,56;CMD-1;",
            "AV;AV-1;05/03/2026;;C1;;;;;;34,56;;FA-1",
            "RG;RG-1;10/03/2026;;C1;;;;;;1 200,00;;FA-1",
            "RC; RG-2 ;11/3/2026;;C1;;;;;;15;;",
        ])
        #expect(result.errors == [])
        #expect(result.skipped == [])
        let expected: [Event] = [
            .customerRegistered(
                CustomerRegistered(
                    customer: "C1",
                    profile: CustomerProfile(
                        legalName: "Dupont SA",
                        tradeName: "Dupont",
                        siren: "552100554",
                        salesRep: "rep-1",
                        termsDays: 45
                    ),
                    on: T.day(2026, 3, 1)
                )
            ),
            .orderPlaced(OrderPlaced(customer: "C1", order: "CMD-1", amount: T.money(200_000), on: T.day(2026, 3, 1))),
            .invoiceIssued(
                InvoiceIssued(
                    customer: "C1",
                    invoice: "FA-1",
                    amount: T.money(123_456),
                    on: T.day(2026, 3, 2),
                    dueOn: T.day(2026, 4, 1),
                    order: "CMD-1"
                )
            ),
            .creditNoteIssued(
                CreditNoteIssued(
                    customer: "C1",
                    creditNote: "AV-1",
                    amount: T.money(3_456),
                    invoice: "FA-1",
                    on: T.day(2026, 3, 5)
                )
            ),
            .paymentReceived(
                PaymentReceived(
                    customer: "C1",
                    payment: "RG-1",
                    amount: T.money(120_000),
                    on: T.day(2026, 3, 10),
                    allocations: [Allocation(invoice: "FA-1", amount: T.money(120_000))]
                )
            ),
            .paymentReceived(
                PaymentReceived(customer: "C1", payment: "RG-2", amount: T.money(1_500), on: T.day(2026, 3, 11))
            ),
        ]
        #expect(result.events.map(\.event) == expected)
        #expect(result.events.map(\.line) == [2, 2, 3, 4, 5, 6])
        #expect(
            result.events[0].payload
                == #"{"type":"customer.registered","customer":"C1","legal_name":"Dupont SA","trade_name":"Dupont","siren":"552100554","sales_rep":"rep-1","terms_days":45,"on":"2026-03-01"}"#
        )
        #expect(
            result.events[4].payload
                == #"{"type":"payment.received","customer":"C1","payment":"RG-1","amount":"1200.00","on":"2026-03-10","allocations":[{"invoice":"FA-1","amount":"1200.00"}]}"#
        )
    }

    @Test("a customer is registered once, before its first document, on its earliest day; known ones never")
    func registrations() throws {
        let result = try T.read(
            [
                T.journalHeader,
                "FA;FA-1;10/03/2026;;C2;Martin SARL;;;;;100,00;;",
                "FA;FA-2;03/03/2026;;C1;Dupont SA;;;;;200,00;;",
                "FA;FA-3;05/03/2026;;C2;Martin et fils;;;;;300,00;;",
            ],
            known: ["C1"]
        )
        #expect(result.errors == [])
        #expect(
            result.events.map(\.event) == [
                T.registered("C2", "Martin SARL", on: T.day(2026, 3, 5)),
                T.invoice("FA-1", "C2", 10_000, on: T.day(2026, 3, 10)),
                T.invoice("FA-2", "C1", 20_000, on: T.day(2026, 3, 3)),
                T.invoice("FA-3", "C2", 30_000, on: T.day(2026, 3, 5)),
            ]
        )
        #expect(result.events.map(\.line) == [2, 2, 3, 4])
    }

    @Test("without a [customer] table, no customer is registered")
    func noRegistrationWithoutCustomerTable() throws {
        let mapping = T.journalMapping.components(separatedBy: "[customer]")[0]
        let result = try T.read([T.journalHeader, "FA;FA-1;10/03/2026;;C2;Martin SARL;;;;;100,00;;"], mapping: mapping)
        #expect(result.errors == [])
        #expect(result.events.map(\.event) == [T.invoice("FA-1", "C2", 10_000, on: T.day(2026, 3, 10))])
    }

    @Test("registrations stay right across the chunks read on different cores")
    func registrationsAcrossChunks() throws {
        // About 3 MB: several chunks. A new customer every 7,000 lines, each also named once
        // much later on an earlier day; the first customer is known.
        var lines = [T.journalHeader]
        var firstLine: [String: Int] = [:]
        var earliest: [String: Int] = [:]
        for index in 0..<60_000 {
            let customer = "C\(index / 7_000)"
            let day = 10 + index % 15
            lines.append("FA;FA-\(index);\(day)/03/2026;;\(customer);Client \(customer);;;;;\(index % 900 + 1),50;;")
            firstLine[customer] = firstLine[customer] ?? lines.count
            earliest[customer] = min(earliest[customer] ?? 99, day)
        }
        for number in 0..<9 {
            lines.append("FA;LATE-\(number);0\(number + 1)/03/2026;;C\(number);Client C\(number);;;;;1,00;;")
            earliest["C\(number)"] = number + 1
        }
        let result = try T.read(lines, known: ["C0"])
        #expect(result.errors == [])
        #expect(result.events.count == 60_009 + 8)
        var seen: Set<CustomerID> = ["C0"]
        var registeredCount = 0
        for parsed in result.events {
            if case .customerRegistered(let registration) = parsed.event {
                let name = registration.customer.rawValue
                #expect(!seen.contains(registration.customer), "registered twice or known: \(name)")
                #expect(parsed.line == firstLine[name])
                #expect(registration.on == T.day(2026, 3, earliest[name]!))
                seen.insert(registration.customer)
                registeredCount += 1
            } else {
                #expect(
                    seen.contains(parsed.event.namedCustomer!),
                    "a document before its customer, line \(parsed.line)"
                )
            }
        }
        #expect(registeredCount == 8)
        #expect(result.events.last?.line == lines.count)
    }

    @Test("a negative invoice is a credit note when the mapping says so")
    func negativeInvoiceAsCreditNote() throws {
        let mapping = T.journalMapping.replacingOccurrences(
            of: "order = \"Commande\"",
            with: "order = \"Commande\"\nnegative_amount = \"credit_note\"\ncredited_invoice = \"Référence\""
        )
        let result = try T.read(
            [T.journalHeader, "FA;FA-9;02/03/2026;01/04/2026;C1;Dupont SA;;;;;-1 234,50;CMD-1;FA-1"],
            mapping: mapping,
            known: ["C1"]
        )
        #expect(result.errors == [])
        #expect(
            result.events.map(\.event) == [
                .creditNoteIssued(
                    CreditNoteIssued(
                        customer: "C1",
                        creditNote: "FA-9",
                        amount: T.money(123_450),
                        invoice: "FA-1",
                        on: T.day(2026, 3, 2)
                    )
                )
            ]
        )
    }

    @Test("lines of an ignored kind are skipped, each with its reason")
    func ignoredLines() throws {
        let result = try T.read(
            [T.journalHeader, "DE;DE-1;02/03/2026;;C1;;;;;;9 000,00;;", "FA;FA-1;02/03/2026;;C1;;;;;;10;;"],
            known: ["C1"]
        )
        #expect(result.errors == [])
        #expect(result.events.map(\.event) == [T.invoice("FA-1", "C1", 1_000, on: T.day(2026, 3, 2))])
        #expect(
            result.skipped.map(\.description) == [
                #"ventes.csv:2: skipped: column "Type" is "DE", which the mapping ignores (kind.ignore)"#
            ]
        )
    }

    @Test(
        "the four separators, tab and pipe included, read the same line",
        arguments: [(";", ";"), (",", ","), ("tab", "\t"), ("|", "|")]
    )
    func separators(key: String, separator: String) throws {
        let mapping = """
            [file]
            separator = "\(key)"
            date_format = "yyyyMMdd"
            [kind]
            fixed = "order"
            [order]
            order = "no"
            customer = "client"
            on = "date"
            amount = "total"
            """
        let lines = [["no", "client", "date", "total"], ["O-1", "C1", "20260302", "99.90"]]
        let result = try T.read(lines.map { $0.joined(separator: separator) }, mapping: mapping, known: ["C1"])
        #expect(result.errors == [])
        #expect(
            result.events.map(\.event) == [
                .orderPlaced(OrderPlaced(customer: "C1", order: "O-1", amount: T.money(9_990), on: T.day(2026, 3, 2)))
            ]
        )
    }

    @Test("a file without a header names its columns by number")
    func noHeader() throws {
        let mapping = """
            [file]
            header = false
            [kind]
            fixed = "payment"
            [payment]
            payment = 1
            customer = 2
            on = 3
            amount = 4
            invoice = 5
            """
        let result = try T.read(
            ["P-1,C1,2026-03-02,10.00,F-1", "P-2,C1,2026-03-03,5,"],
            mapping: mapping,
            known: ["C1"]
        )
        #expect(result.errors == [])
        #expect(
            result.events.map(\.event) == [
                .paymentReceived(
                    PaymentReceived(
                        customer: "C1",
                        payment: "P-1",
                        amount: T.money(1_000),
                        on: T.day(2026, 3, 2),
                        allocations: [Allocation(invoice: "F-1", amount: T.money(1_000))]
                    )
                ),
                .paymentReceived(
                    PaymentReceived(customer: "C1", payment: "P-2", amount: T.money(500), on: T.day(2026, 3, 3))
                ),
            ]
        )
        #expect(result.events.map(\.line) == [1, 2])
    }

    @Test("a header and no line gives no event and no error")
    func headerOnly() throws {
        let result = try T.read([T.journalHeader])
        #expect(result.isValid)
        #expect(result.events.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test("ExportReader reads CSV through its mapping, and asks for one when it has none")
    func exportReader() throws {
        let bytes = Array("\(T.journalHeader)\nFA;FA-1;02/03/2026;;C1;;;;;;10;;\n".utf8)
        let read = ExportReader(format: .csv, knownCustomers: KnownCustomers { _ in true }, csvMapping: try T.mapping())
            .read(bytes, file: "ventes.csv")
        #expect(read.events.map(\.event) == [T.invoice("FA-1", "C1", 1_000, on: T.day(2026, 3, 2))])
        let unread = ExportReader(format: .csv).read(bytes, file: "ventes.csv")
        #expect(unread.events.isEmpty)
        #expect(unread.errors.map(\.code) == [.missingMapping])
        #expect(unread.errors.first?.description.contains("--mapping") == true)
    }
}
