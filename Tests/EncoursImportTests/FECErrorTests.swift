import EncoursCore
import EncoursImport
import Testing

/// A file that is not a readable FEC gives no events and every error, each naming the
/// file, the line, the column and the value.
@Suite("FEC: errors")
struct FECErrorTests {
    static let customerLine = FECFixture.line(
        "VE",
        "00000001",
        "20230109",
        account: "41100000",
        customer: "C001",
        name: "ACME SAS",
        debit: "0000000120,00"
    )

    @Test func everyMissingColumnIsNamed() {
        let header = FECFixture.columns.filter { $0 != "CompAuxNum" && $0 != "EcritureLet" }
        let result = FECFixture.read(FECFixture.text([], header: header))
        #expect(result.events.isEmpty)
        #expect(result.errors.map(\.code) == [.missingColumn, .missingColumn])
        #expect(
            result.errorReport == [
                #"FEC.txt:1: column "CompAuxNum": the header has no column CompAuxNum (FEC, article A47 A-1)"#,
                #"FEC.txt:1: column "EcritureLet": the header has no column EcritureLet (FEC, article A47 A-1)"#,
            ]
        )
    }

    @Test func aSignedAmountNeedsItsDirection() {
        let header = FECFixture.columns.filter { $0 != "Debit" && $0 != "Credit" } + ["Montant"]
        let result = FECFixture.read(FECFixture.text([], header: header))
        #expect(
            result.errorReport == [#"FEC.txt:1: column "Sens": the header has no column Sens (FEC, article A47 A-1)"#]
        )
    }

    @Test func aFileThatIsNoFEC() {
        let csv = FECFixture.read("date;client;montant\n2026-01-02;C1;12,50\n")
        #expect(csv.errors.map(\.code) == [.missingColumn])
        #expect(
            csv.errorReport == [
                "FEC.txt:1: the first line is not an FEC header: its column names are separated by neither a tab "
                    + "nor | (article A47 A-1)"
            ]
        )
        let empty = FECFixture.read("\n\r\n")
        #expect(empty.errors.map(\.code) == [.emptyFile])
        #expect(
            empty.errorReport == [
                "FEC.txt: the file is empty: an FEC starts with a header line naming its columns (article A47 A-1)"
            ]
        )
        let otherColumns = FECFixture.read("a|b|c\n1|2|3\n")
        #expect(otherColumns.errors.count == 12)  // ten columns, and Debit and Credit
        #expect(otherColumns.errorReport.first?.hasSuffix("is this an FEC?") == true)
    }

    @Test func aBadValueNamesLineColumnAndValue() {
        var badAmount = Self.customerLine
        badAmount[11] = "0000000120,5X"
        var badDate = Self.customerLine
        badDate[3] = "2023-01-09"
        var badPieceDate = Self.customerLine
        badPieceDate[9] = "20230230"
        var tooManyDecimals = Self.customerLine
        tooManyDecimals[12] = "12,345"
        var emptyAccount = Self.customerLine
        emptyAccount[4] = "        "
        let text = FECFixture.text([Self.customerLine, badAmount, badDate, badPieceDate, tooManyDecimals, emptyAccount])
        let result = FECFixture.read(text)
        #expect(result.events.isEmpty)
        #expect(result.errors.map(\.code) == [.invalidAmount, .invalidDate, .invalidDate, .invalidAmount, .emptyValue])
        #expect(
            result.errorReport == [
                #"FEC.txt:3: column "Debit": "0000000120,5X" is not a decimal number"#,
                #"FEC.txt:4: column "EcritureDate": "2023-01-09" is not a date written YYYYMMDD"#,
                #"FEC.txt:5: column "PieceDate": "20230230" is not a date written YYYYMMDD"#,
                #"FEC.txt:6: column "Credit": "12,345" has more than 2 decimals"#,
                #"FEC.txt:7: column "CompteNum": the account number is empty"#,
            ]
        )
    }

    @Test func linesOnOtherAccountsAreCheckedToo() {
        var revenue = FECFixture.line("VE", "00000001", "20230109", account: "70100000", credit: "100,00")
        revenue[12] = "cent euros"
        let result = FECFixture.read(FECFixture.text([revenue, Self.customerLine]))
        #expect(result.events.isEmpty)
        #expect(result.errorReport == [#"FEC.txt:2: column "Credit": "cent euros" is not a decimal number"#])
    }

    @Test func aBadDirection() {
        let header = FECFixture.columns.filter { $0 != "Debit" && $0 != "Credit" } + ["Montant", "Sens"]
        let line = Array(Self.customerLine[0..<11]) + Array(Self.customerLine[13...]) + ["120,00", "X"]
        let result = FECFixture.read(FECFixture.text([line], header: header))
        #expect(result.errors.map(\.code) == [.invalidChoice])
        #expect(result.errorReport == [#"FEC.txt:2: column "Sens": "X" is not a direction: D or C, +1 or -1"#])
    }

    /// A `|` inside a label shifts every column after it; a line cut short lacks some.
    /// (When the column pushed out is empty, the shift shows as a wrong value instead.)
    @Test func aLineWithMoreOrFewerFieldsThanTheHeader() {
        var shifted = Self.customerLine
        shifted[10] = "VENTE|REMISE"
        shifted[17] = "EUR"
        let cut = Array(Self.customerLine[0..<9])
        let result = FECFixture.read(FECFixture.text([shifted, cut], trailingSeparator: false))
        #expect(result.errors.map(\.code) == [.wrongFieldCount, .wrongFieldCount])
        #expect(
            result.errorReport == [
                "FEC.txt:2: the line has 19 fields where the header names 18 columns: a label holds the separator, "
                    + "or a separator is doubled",
                "FEC.txt:3: the line has 9 fields where the header names 18 columns: a separator is missing or the "
                    + "line is cut short",
            ]
        )
    }

    /// 0x81 is no UTF-8, a C1 control in ISO 8859-15 and a hole in Windows-1252: no text.
    @Test func bytesInNoEncoding() {
        let bytes = Array(FECFixture.text([Self.customerLine]).utf8) + [0x81] + Array("\n".utf8)
        let result = FECFixture.read(bytes)
        #expect(result.errors.map(\.code) == [.invalidEncoding])
        #expect(
            result.errorReport == [
                "FEC.txt:3: byte 0x81 at column 1 is neither UTF-8 nor ISO 8859-15 text, the encodings an FEC may "
                    + "use (article A47 A-1), nor Windows-1252"
            ]
        )
    }

    @Test func theErrorsPastTheLimitAreCounted() {
        var bad = Self.customerLine
        bad[11] = "x"
        let text = FECFixture.text(Array(repeating: bad, count: 5))
        let result = FECReader(errorLimit: 2).read(Array(text.utf8), file: "FEC.txt")
        #expect(result.errors.map(\.line) == [2, 3])
        #expect(result.omittedErrorCount == 3)
    }
}
