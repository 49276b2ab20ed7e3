import EncoursCore
import EncoursImport
import Foundation
import Testing

@Suite("CSV exports: every error names file, line, column and value")
struct CSVExportErrorTests {
    typealias T = CSVTests

    @Test("a value that is not what its column should hold")
    func badValues() throws {
        let result = try T.read(
            [
                T.journalHeader,
                "FA;FA-1;02/03/2026;;C1;;;;;;12,5,0;;",
                // Swapped columns: the date where the amount belongs, and the other way round.
                "FA;FA-2;1 234,56;;C1;;;;;;02/03/2026;;",
                "FA;FA-3;2026-03-02;;C1;;;;;;12.50;;",
                "FA;;02/03/2026;31/02/2026;;;;;;;1,005;;",
                "RG;RG-1;02/03/2026;;C1;;;;;;-5,00;;",
                "FA;FA-4;02/03/2026;;C1;;;;;;-5,00;;",
                "XX;FA-5;02/03/2026;;C1;;;;;;5,00;;",
            ],
            known: ["C1"]
        )
        #expect(result.events.isEmpty)
        #expect(
            result.errorReport == [
                #"ventes.csv:2: column "Montant": invoice.issued: "12,5,0" is not an amount"#,
                #"ventes.csv:3: column "Date": invoice.issued: "1 234,56" is not a date written dd/MM/yyyy"#,
                #"ventes.csv:3: column "Montant": invoice.issued: "02/03/2026" is not an amount"#,
                #"ventes.csv:4: column "Date": invoice.issued: "2026-03-02" is not a date written dd/MM/yyyy"#,
                #"ventes.csv:4: column "Montant": invoice.issued: "12.50" is not an amount"#,
                #"ventes.csv:5: column "Pièce": invoice.issued: the invoice number is empty"#,
                #"ventes.csv:5: column "Client": invoice.issued: the customer's id is empty"#,
                #"ventes.csv:5: column "Montant": invoice.issued: "1,005" is not an amount: has more than 2 decimals"#,
                #"ventes.csv:6: column "Montant": payment.received: "-5,00" is negative: amounts are positive in the ledger"#,
                #"ventes.csv:7: column "Montant": invoice.issued: "-5,00" is negative: if the export writes credit notes as negative invoices, say invoice.negative_amount = "credit_note" in the mapping"#,
                #"ventes.csv:8: column "Type": "XX" is not a value the mapping lists in [kind] ("FA", "AV", "RG", "RC", "BC", "DE")"#,
            ]
        )
        #expect(
            result.errors.map(\.code) == [
                .invalidAmount, .invalidDate, .invalidAmount, .invalidDate, .invalidAmount, .emptyValue, .emptyValue,
                .invalidAmount, .negativeAmount, .negativeAmount, .unknownKind,
            ]
        )
    }

    @Test("a due date that is not a day is named; the line's other errors too")
    func dueDate() throws {
        let result = try T.read([T.journalHeader, "FA;FA-1;02/03/2026;31/02/2026;C1;;;;;;1,00;;"], known: ["C1"])
        #expect(
            result.errorReport == [
                #"ventes.csv:2: column "Échéance": invoice.issued: "31/02/2026" is not a date written dd/MM/yyyy"#
            ]
        )
    }

    @Test("a line that ends before a column the mapping reads")
    func shortLine() throws {
        let result = try T.read([T.journalHeader, "FA;FA-1;02/03/2026;;C1"], known: ["C1"])
        #expect(
            result.errorReport == [
                #"ventes.csv:2: column "Montant": invoice.issued: the line ends before this column (column 11; it has 5 fields)"#
            ]
        )
        #expect(result.errors.map(\.code) == [.missingColumn])
    }

    @Test("columns the header lacks are errors about the file, before any line is read")
    func missingColumns() throws {
        let header = "Type;Pièce;Date;Échéance;Client;Nom;Enseigne;SIREN;Délai;Commercial;montant;Commande"
        let result = try T.read([header, "FA;FA-1;not a date;;C1;;;;;;x;;"])
        #expect(result.events.isEmpty)
        #expect(
            result.errorReport == [
                #"ventes.csv:1: column "Montant": not in the header; journal.toml reads it for invoice.amount, credit_note.amount, payment.amount, order.amount. The header has: "Type", "Pièce", "Date", "Échéance", "Client", "Nom", "Enseigne", "SIREN", "Délai", "Commercial", "montant", "Commande" ("montant" differs in case: names must match exactly)"#,
                #"ventes.csv:1: column "Référence": not in the header; journal.toml reads it for credit_note.invoice, payment.invoice. The header has: "Type", "Pièce", "Date", "Échéance", "Client", "Nom", "Enseigne", "SIREN", "Délai", "Commercial", "montant", "Commande""#,
            ]
        )
        #expect(result.errors.map(\.code) == [.missingColumn, .missingColumn])
    }

    @Test("a header naming a column twice must be read by number")
    func duplicateHeader() throws {
        let header =
            "Type;Pièce;Date;Échéance;Client;Nom;Enseigne;SIREN;Délai;Commercial;Montant;Commande;Montant;Référence"
        let result = try T.read([header])
        #expect(
            result.errorReport == [
                #"ventes.csv:1: column "Montant": the header has this name more than once (columns 11, 13); journal.toml reads it for invoice.amount, credit_note.amount, payment.amount, order.amount: give the column's number instead"#
            ]
        )
    }

    @Test("a new customer's registration needs its name; a known customer's line is not read for one")
    func registrationErrors() throws {
        let lines = [T.journalHeader, "FA;FA-1;02/03/2026;;C1;;;;45 jours;;10,00;;"]
        let new = try T.read(lines)
        #expect(
            new.errorReport == [
                #"ventes.csv:2: column "Nom": customer.registered: the legal name of a customer new to the ledger is empty"#,
                #"ventes.csv:2: column "Délai": customer.registered: "45 jours" is not a whole number of days from 0 to 3650"#,
            ]
        )
        let known = try T.read(lines, known: ["C1"])
        #expect(known.errors == [])
        #expect(known.events.map(\.event) == [T.invoice("FA-1", "C1", 1_000, on: T.day(2026, 3, 2))])
    }

    @Test("a byte that is not text in the declared encoding is named with its line and column")
    func wrongEncoding() throws {
        // "Dupré" in Windows-1252 in a file the mapping declares UTF-8.
        var bytes = Array("\(T.journalHeader)\nFA;FA-1;02/03/2026;;C1;Dupr".utf8)
        bytes += [0xE9] + Array(";;;;;10,00;;\n".utf8)
        let reader = CSVExportReader(mapping: try T.mapping())
        let result = reader.read(bytes, file: "ventes.csv")
        #expect(result.events.isEmpty)
        #expect(
            result.errorReport == [
                #"ventes.csv:2: column "Nom": byte 0xE9 is not UTF-8 text: is the file in windows-1252 or iso-8859-15? Say so with the mapping's encoding"#
            ]
        )
        #expect(result.errors.map(\.code) == [.invalidEncoding])
    }

    @Test("a UTF-8 byte order mark in a file the mapping reads as Windows-1252 says which encoding it is")
    func byteOrderMarkWithSingleByteEncoding() throws {
        let mapping = try T.mapping(
            T.journalMapping.replacingOccurrences(of: "[file]", with: "[file]\nencoding = \"cp1252\"")
        )
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\(T.journalHeader)\n".utf8)
        let result = CSVExportReader(mapping: mapping).read(bytes, file: "ventes.csv")
        #expect(
            result.errorReport == [
                #"ventes.csv:1: the file starts with a UTF-8 byte order mark, but journal.toml reads it as windows-1252: is file.encoding = "utf-8" meant?"#
            ]
        )
        #expect(result.errors.map(\.code) == [.invalidEncoding])
    }

    @Test("an empty file is an error; blank lines are empty too")
    func emptyFile() throws {
        let reader = CSVExportReader(mapping: try T.mapping())
        for bytes in [[], Array("\r\n\n".utf8), [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            let result = reader.read(bytes, file: "ventes.csv")
            #expect(
                result.errorReport == [
                    "ventes.csv: the file is empty, without even its header line: was the export cut short? Nothing is imported from it"
                ]
            )
            #expect(result.errors.map(\.code) == [.emptyFile])
        }
    }

    @Test("a file cut inside a quoted field names the line the field opened on")
    func truncated() throws {
        let result = try T.read([
            T.journalHeader, "FA;FA-1;02/03/2026;;C1;\"Dupont", "SA\";;;;;10,00;;", "FA;FA-2;\"02/03",
        ])
        #expect(result.events.isEmpty)
        #expect(result.errors.map(\.code) == [.unterminatedQuote])
        #expect(result.errors.map(\.line) == [4])
    }

    @Test("past the limit, errors are counted rather than listed")
    func errorLimit() throws {
        let lines = [T.journalHeader] + (1...150).map { "FA;FA-\($0);02/03/2026;;C1;;;;;;x;;" }
        let result = try T.read(lines, known: ["C1"], errorLimit: 100)
        #expect(result.errors.count == 100)
        #expect(result.omittedErrorCount == 50)
        #expect(result.errors.last?.line == 101)
        #expect(result.errorReport.last == "ventes.csv: 50 more errors not shown")
    }

    @Test(
        "with a decimal comma, a point is only a thousands separator before three digits",
        arguments: ["12.50", "1.2345,00", "1 23,00", "12 5"]
    )
    func groupingNeedsThreeDigits(text: String) {
        #expect(throws: MoneyParseError.self) { try AmountFormat.decimalComma.amount(text) }
    }
}
