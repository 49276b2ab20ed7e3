import EncoursTestSupport
import Foundation
import Testing

/// `encours import --format csv --mapping`, run as an operator runs it.
@Suite("encours import --format csv")
struct CSVImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    static let mapping = """
        [file]
        separator = ";"
        encoding = "ENCODING"
        decimal = ","
        date_format = "PATTERN"

        [kind]
        column = "Type"
        invoice = "FA"
        payment = "RG"
        ignore = "DE"

        [invoice]
        invoice = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant TTC"

        [payment]
        payment = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant TTC"
        invoice = "Facture"

        [customer]
        legal_name = "Raison sociale"
        terms_days = "Délai"
        """

    static let header = "Type;Pièce;Date;Client;Raison sociale;Délai;Montant TTC;Facture"

    /// Writes the mapping with its encoding and date pattern; returns its path.
    func writeMapping(encoding: String = "utf-8", pattern: String = "dd/MM/yyyy") throws -> String {
        let text = Self.mapping.replacingOccurrences(of: "ENCODING", with: encoding)
            .replacingOccurrences(of: "PATTERN", with: pattern)
        return try write("ventes.toml", Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let path = workspace.file(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `lines` in UTF-8, CRLF line ends as spreadsheets write them.
    func writeCSV(_ lines: [String], name: String = "ventes.csv") throws -> String {
        try write(name, Data(lines.map { $0 + "\r\n" }.joined().utf8))
    }

    func importCSV(_ files: [String], mapping: String, dryRun: Bool = false) throws -> EncoursRun {
        try workspace.encours(
            ["import", "--db", workspace.db, "--format", "csv", "--mapping", mapping] + (dryRun ? ["--dry-run"] : [])
                + files
        )
    }

    /// The events recorded, 0 when the import did not even create the database.
    func eventCount() throws -> Int {
        workspace.exists("ledger.db") ? try workspace.eventRowCount() : 0
    }

    func payloads() throws -> [String] {
        try SQLiteCommandLine.run(workspace.db, "SELECT payload FROM events ORDER BY seq;")
            .split(separator: "\n").map(String.init)
    }

    @Test func quotedFieldsWithSeparatorsAndLineBreaksAndGroupedAmounts() throws {
        let csv = try writeCSV([
            Self.header,
            #"FA;FA-1;02/03/2026;C1;"Dupont; Fils & ""Cie"""#,
            #"Atelier nord";45;"12 345,60";"#,
            "FA;FA-2;03/03/2026;C1;Dupont;45;1\u{00A0}000,00;",
            "RG;RG-1;20/03/2026;C1;Dupont;45;\"1 000,00\";FA-2",
        ])
        let run = try importCSV([csv], mapping: try writeMapping())
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 4 events, 0 duplicates skipped (") == true
        )
        #expect(
            try payloads() == [
                #"{"type":"customer.registered","customer":"C1","legal_name":"Dupont; Fils & \"Cie\"\r\nAtelier nord","terms_days":45,"on":"2026-03-02"}"#,
                #"{"type":"invoice.issued","customer":"C1","invoice":"FA-1","amount":"12345.60","on":"2026-03-02"}"#,
                #"{"type":"invoice.issued","customer":"C1","invoice":"FA-2","amount":"1000.00","on":"2026-03-03"}"#,
                #"{"type":"payment.received","customer":"C1","payment":"RG-1","amount":"1000.00","on":"2026-03-20","allocations":[{"invoice":"FA-2","amount":"1000.00"}]}"#,
            ]
        )
    }

    /// "Café € Dupré" in each encoding, with or without a byte order mark.
    static let encodings: [(name: String, bytes: [UInt8])] = [
        ("utf-8", Array("Café € Dupré".utf8)),
        ("iso-8859-15", Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0xA4] + Array(" Dupr".utf8) + [0xE9]),
        ("windows-1252", Array("Caf".utf8) + [0xE9] + Array(" ".utf8) + [0x80] + Array(" Dupr".utf8) + [0xE9]),
    ]

    @Test(arguments: [("utf-8", false), ("utf-8", true), ("iso-8859-15", false), ("windows-1252", false)])
    func encodings(encoding: String, byteOrderMark: Bool) throws {
        let name = try #require(Self.encodings.first { $0.name == encoding }).bytes
        // The header's accented names must be in the file's encoding too.
        let header = encoding == "utf-8" ? Array(Self.header.utf8) : Array(Self.header.utf8Latin1)
        var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        bytes += header + [0x0A]
        bytes += Array("FA;FA-1;02/03/2026;C1;".utf8) + name + Array(";30;10,00;\n".utf8)
        let csv = try write("ventes.csv", Data(bytes))
        let run = try importCSV([csv], mapping: try writeMapping(encoding: encoding))
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            try payloads().first
                == #"{"type":"customer.registered","customer":"C1","legal_name":"Café € Dupré","terms_days":30,"on":"2026-03-02"}"#
        )
    }

    @Test func aFileInAnotherEncodingThanDeclaredIsRefusedAtItsByte() throws {
        let name = try #require(Self.encodings.first { $0.name == "windows-1252" }).bytes
        var bytes = Array(Self.header.utf8) + [0x0A]
        bytes += Array("FA;FA-1;02/03/2026;C1;".utf8) + name + Array(";30;10,00;\n".utf8)
        let run = try importCSV([try write("ventes.csv", Data(bytes))], mapping: try writeMapping())
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                ventes.csv:2: column "Raison sociale": byte 0xE9 is not UTF-8 text: is the file in windows-1252 or iso-8859-15? Say so with the mapping's encoding
                nothing was imported

                """
        )
        #expect(try eventCount() == 0)
    }

    @Test(arguments: [("dd/MM/yyyy", "09/03/2026"), ("yyyyMMdd", "20260309"), ("yyyy-MM-dd", "2026-03-09")])
    func datePatterns(pattern: String, date: String) throws {
        let csv = try writeCSV([Self.header, "FA;FA-1;\(date);C1;Dupont;30;10,00;"])
        let run = try importCSV([csv], mapping: try writeMapping(pattern: pattern))
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            try payloads().last
                == #"{"type":"invoice.issued","customer":"C1","invoice":"FA-1","amount":"10.00","on":"2026-03-09"}"#
        )
    }

    @Test func aFileWithAnErrorAppendsNothing() throws {
        let mapping = try writeMapping()
        try importCSV(
            [try writeCSV([Self.header, "FA;FA-1;02/03/2026;C1;Dupont;30;10,00;"], name: "first.csv")],
            mapping: mapping
        )
        .expectSuccess()
        let before = try workspace.json("exposure", asOf: "2026-03-31").stdout
        let csv = try writeCSV([
            Self.header,
            "FA;FA-2;03/03/2026;C1;Dupont;30;20,00;",
            "FA;FA-3;04/03/2026;C2;Martin;30;12,5,0;",
        ])
        let run = try importCSV([csv], mapping: mapping)
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                ventes.csv:3: column "Montant TTC": invoice.issued: "12,5,0" is not an amount
                nothing was imported

                """
        )
        #expect(try workspace.eventRowCount() == 2)
        #expect(try workspace.json("exposure", asOf: "2026-03-31").stdout == before)
    }

    @Test func reimportingTheSameExportSkipsEveryEventAsDuplicate() throws {
        let mapping = try writeMapping()
        let csv = try writeCSV([
            Self.header,
            "FA;FA-1;02/03/2026;C1;Dupont;30;10,00;",
            "FA;FA-2;03/03/2026;C2;Martin;60;20,00;",
            "RG;RG-1;10/03/2026;C1;Dupont;30;10,00;FA-1",
        ])
        try importCSV([csv], mapping: mapping).expectSuccess()
        let again = try importCSV([csv], mapping: mapping)
        #expect(again.exitCode == 0, "\(again)")
        #expect(
            again.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 0 events, 3 duplicates skipped (") == true
        )
        #expect(try workspace.eventRowCount() == 5)
    }

    @Test func swappedColumnsAreErrorsNamingColumnAndValue() throws {
        let header = "Type;Pièce;Montant TTC;Client;Raison sociale;Délai;Date;Facture"
        let csv = try writeCSV([header, "FA;FA-1;02/03/2026;C1;Dupont;30;10,00;"])
        let run = try importCSV([csv], mapping: try writeMapping())
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                ventes.csv:2: column "Date": invoice.issued: "10,00" is not a date written dd/MM/yyyy
                ventes.csv:2: column "Montant TTC": invoice.issued: "02/03/2026" is not an amount
                nothing was imported

                """
        )
        #expect(try eventCount() == 0)
    }

    @Test func aHeaderAndNoLineImportsNothingAndSaysSo() throws {
        let run = try importCSV([try writeCSV([Self.header])], mapping: try writeMapping())
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.contains("ventes.csv: nothing to import in this file\n"))
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 0 events, 0 duplicates skipped (") == true
        )
    }

    @Test func anEmptyFileIsAnError() throws {
        let run = try importCSV([try write("ventes.csv", Data())], mapping: try writeMapping())
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                ventes.csv: the file is empty, without even its header line: was the export cut short? Nothing is imported from it
                nothing was imported

                """
        )
    }

    @Test func aFileCutInsideAQuotedFieldIsAnError() throws {
        let csv = try write(
            "ventes.csv",
            Data("\(Self.header)\nFA;FA-1;02/03/2026;C1;Dupont;30;10,00;\nFA;FA-2;03/03/2026;C1;\"Dupont SA\nFA;F".utf8)
        )
        let run = try importCSV([csv], mapping: try writeMapping())
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                ventes.csv:3: the quoted field opened on line 3 is never closed: the file is cut short, or a " is unbalanced
                nothing was imported

                """
        )
    }

    @Test func ignoredLinesAreListedAsSkipped() throws {
        let csv = try writeCSV([
            Self.header, "DE;DE-1;02/03/2026;C1;Dupont;30;900,00;", "FA;FA-1;02/03/2026;C1;Dupont;30;10,00;",
        ])
        let mapping = try writeMapping()
        let run = try workspace.encours(["import", "--db", workspace.db, "--format", "csv", "--mapping", mapping, "--dry-run", csv])
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stderr == """
                ventes.csv: 1 line skipped, by reason:
                  1  column "Type" is "DE", which the mapping ignores (kind.ignore)

                """,
            "\(run)"
        )
        let listed = try workspace.encours(
            ["import", "--db", workspace.db, "--format", "csv", "--mapping", mapping, "--show-skipped", csv]
        )
        #expect(listed.exitCode == 0, "\(listed)")
        #expect(
            listed.stderr.hasPrefix(
                #"ventes.csv:2: skipped: column "Type" is "DE", which the mapping ignores (kind.ignore)"# + "\n"
            ),
            "\(listed)"
        )
        #expect(try workspace.eventRowCount() == 2)
    }

    @Test func aCustomerNewInTwoFilesIsRegisteredOnce() throws {
        let mapping = try writeMapping()
        let monday = try writeCSV([Self.header, "FA;FA-1;02/03/2026;C1;Dupont;30;10,00;"], name: "monday.csv")
        let tuesday = try writeCSV([Self.header, "FA;FA-2;03/03/2026;C1;Dupont;30;20,00;"], name: "tuesday.csv")
        let run = try importCSV([monday, tuesday], mapping: mapping)
        #expect(run.exitCode == 0, "\(run)")
        #expect(
            run.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 3 events, 0 duplicates skipped (") == true
        )
    }

    @Test func csvNeedsAMapping() throws {
        let run = try workspace.encours(["import", "--db", workspace.db, "--format", "csv", "ventes.csv"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("--format csv needs --mapping FILE"))
    }

    @Test func aMappingErrorNamesTheFileAndKeyBeforeAnyLineIsRead() throws {
        let mapping = try write("bad.toml", Data("[file]\nseparator = \";;\"\n".utf8))
        let run = try importCSV([workspace.file("absent.csv")], mapping: mapping)
        #expect(run.exitCode == 1)
        #expect(
            run.stderr == """
                error: \(mapping): key "file.separator": ";;" is not one of ";", ",", "tab", "|"
                nothing was imported

                """
        )
        #expect(!workspace.exists("ledger.db"))
    }

    @Test func theExampleMappingsImportTheirSamples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/mappings").path
        let journal = try importCSV(["\(folder)/journal-des-ventes.csv"], mapping: "\(folder)/journal-des-ventes.toml")
        #expect(journal.exitCode == 0, "\(journal)")
        #expect(
            journal.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 7 events, 0 duplicates skipped (")
                == true
        )
        let invoices = try importCSV(["\(folder)/database-invoices.csv"], mapping: "\(folder)/database-invoices.toml")
        #expect(
            invoices.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 5 events, 0 duplicates skipped (")
                == true
        )
        let payments = try importCSV(["\(folder)/database-payments.csv"], mapping: "\(folder)/database-payments.toml")
        #expect(
            payments.stdoutLine(startingWith: "imported ")?.hasPrefix("imported 2 events, 0 duplicates skipped (")
                == true
        )
        #expect(try workspace.eventRowCount() == 14)
    }
}

extension String {
    /// The bytes of a text made of Latin-1 characters, one byte each (ISO 8859-15 and
    /// Windows-1252 agree with Latin-1 on accented letters).
    fileprivate var utf8Latin1: [UInt8] {
        unicodeScalars.map { UInt8($0.value) }
    }
}
