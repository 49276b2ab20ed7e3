import EncoursCore
import EncoursImport
import Testing

/// The layouts article A47 A-1 allows, and those exporters write, give the same events.
@Suite("FEC: separators, encodings, amount columns")
struct FECLayoutTests {
    /// A sale of 120.00 to ACME (VAT and revenue lines skipped) and its payment, lettered.
    static let sale = [
        FECFixture.line("VE", "00000001", "20230109", account: "70100000", credit: "0000000100,00"),
        FECFixture.line("VE", "00000001", "20230109", account: "44571200", credit: "0000000020,00"),
        FECFixture.line(
            "VE",
            "00000001",
            "20230109",
            account: "41100000",
            customer: "C001",
            name: "ACME SAS",
            debit: "0000000120,00",
            lettering: "AA"
        ),
        FECFixture.line("BQ", "00000002", "20230208", account: "51200000", debit: "0000000120,00"),
        FECFixture.line(
            "BQ",
            "00000002",
            "20230208",
            account: "41100000",
            customer: "C001",
            name: "ACME SAS",
            credit: "0000000120,00",
            lettering: "AA"
        ),
    ]

    static let expected = [
        #"4: {"type":"customer.registered","customer":"C001","legal_name":"ACME SAS","on":"2023-01-09"}"#,
        #"4: {"type":"invoice.issued","customer":"C001","invoice":"VE-20230109-00000001","amount":"120.00","on":"2023-01-09"}"#,
        #"6: {"type":"payment.received","customer":"C001","payment":"BQ-20230208-00000002","amount":"120.00","on":"2023-02-08","allocations":[{"invoice":"VE-20230109-00000001","amount":"120.00"}]}"#,
    ]

    static let expectedSkipped = [
        "FEC.txt:2: skipped: account 70100000 is not a customer account (411*)",
        "FEC.txt:3: skipped: account 44571200 is not a customer account (411*)",
        "FEC.txt:5: skipped: account 51200000 is not a customer account (411*)",
    ]

    @Test func pipeSeparatedPaddedWithATrailingSeparator() {
        let result = FECFixture.read(FECFixture.text(Self.sale))
        #expect(result.errorReport == [])
        #expect(result.payloads == Self.expected)
        #expect(result.skipped.map(\.description) == Self.expectedSkipped)
    }

    @Test(arguments: ["|", "\t"], [true, false])
    func eitherSeparatorWithOrWithoutTrailingOneAndCRLF(separator: String, trailing: Bool) {
        let text = FECFixture.text(Self.sale, separator: separator, trailingSeparator: trailing, lineEnd: "\r\n")
        let result = FECFixture.read(text)
        #expect(result.errorReport == [])
        #expect(result.payloads == Self.expected)
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        let result = FECFixture.read([0xEF, 0xBB, 0xBF] + Array(FECFixture.text(Self.sale, separator: "\t").utf8))
        #expect(result.errorReport == [])
        #expect(result.payloads == Self.expected)
    }

    @Test func columnsAreFoundByNameInAnyOrderAndCase() {
        // Reversed, and in lower case: the same file for the reader.
        let header = FECFixture.columns.map { $0.lowercased() }.reversed()
        let lines = Self.sale.map { Array($0.reversed()) }
        let result = FECFixture.read(FECFixture.text(lines, header: Array(header)))
        #expect(result.errorReport == [])
        #expect(result.payloads == Self.expected)
    }

    /// `Montant` and `Sens` instead of `Debit` and `Credit`, the direction as `D`/`C` or
    /// `+1`/`-1`, amounts unpadded, with a point from some exporters.
    @Test(arguments: [("D", "C", "120,00"), ("+1", "-1", "120.00"), ("1", "-1", "0000000120,00")])
    func amountAndDirection(debit: String, credit: String, amount: String) {
        let header = FECFixture.columns.filter { $0 != "Debit" && $0 != "Credit" } + ["Montant", "Sens"]
        let lines = Self.sale.map { line -> [String] in
            let isDebit = line[11] != "0000000000,00"
            let value = isDebit ? line[11] : line[12]
            let written = value == "0000000120,00" ? amount : value
            return Array(line[0..<11]) + Array(line[13...]) + [written, isDebit ? debit : credit]
        }
        let result = FECFixture.read(FECFixture.text(lines, header: header, separator: "\t"))
        #expect(result.errorReport == [])
        #expect(result.payloads == Self.expected)
    }

    /// ISO 8859-15, which the article allows: `SOCIÉTÉ DES ŒUVRES` written as Latin-9 bytes
    /// (É is 0xC9, Œ is 0xBC, which Latin-1 does not have).
    @Test func latin9Text() {
        let name: [UInt8] =
            Array("SOCI".utf8) + [0xC9] + Array("T".utf8) + [0xC9] + Array(" DES ".utf8) + [0xBC]
            + Array("UVRES".utf8)
        var line = FECFixture.line(
            "VE",
            "00000001",
            "20230109",
            account: "41100000",
            customer: "C002",
            name: "@NAME@",
            debit: "0000000050,00"
        )
        line[7] = "@NAME@"
        let text = FECFixture.text([line])
        let parts = text.split(separator: "@NAME@", omittingEmptySubsequences: false)
        let bytes = Array(parts[0].utf8) + name + Array(parts[1].utf8)
        let result = FECFixture.read(bytes)
        #expect(result.errorReport == [])
        #expect(
            result.payloads.first
                == #"2: {"type":"customer.registered","customer":"C002","legal_name":"SOCIÉTÉ DES ŒUVRES","on":"2023-01-09"}"#
        )
    }

    /// Windows-1252, which Windows exporters write although the article does not allow it:
    /// `L’ÉPICERIE` with the typographic apostrophe 0x92, a C1 control in ISO 8859-15.
    @Test func windows1252Text() {
        var line = FECFixture.line(
            "VE",
            "00000001",
            "20230109",
            account: "41100000",
            customer: "C003",
            debit: "0000000050,00"
        )
        line[7] = "@NAME@"
        let parts = FECFixture.text([line]).split(separator: "@NAME@", omittingEmptySubsequences: false)
        let name: [UInt8] = Array("L".utf8) + [0x92, 0xC9] + Array("PICERIE".utf8)
        let result = FECFixture.read(Array(parts[0].utf8) + name + Array(parts[1].utf8))
        #expect(result.errorReport == [])
        #expect(
            result.payloads.first
                == #"2: {"type":"customer.registered","customer":"C003","legal_name":"L’ÉPICERIE","on":"2023-01-09"}"#
        )
    }

    @Test func aHeaderAloneIsAValidFileWithNothingToImport() {
        let result = FECFixture.read(FECFixture.text([]))
        #expect(result.isValid)
        #expect(result.events.isEmpty)
        #expect(result.skipped.isEmpty)
    }
}
