import EncoursImport
import Testing

@Suite("Delimited text")
struct DelimitedTextTests {
    private let csv = DelimitedText(separator: ";", quoting: .rfc4180)

    @Test("quoted fields keep separators, doubled quotes and line breaks; lines are counted through them")
    func quotedFields() throws {
        let text = "id;name;amount\r\nF1;\"Dupont; fils\";\"1 234,56\"\r\n\r\nF2;\"Ligne 1\nLigne 2\";\"dit \"\"le grand\"\"\"\nF3;x;1\n"
        let records = try csv.records(Array(text.utf8))
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields == ["F1", "Dupont; fils", "1 234,56"])
        #expect(records[2].fields == ["F2", "Ligne 1\nLigne 2", "dit \"le grand\""])
        #expect(records[3].fields == ["F3", "x", "1"])
    }

    @Test("a file cut inside a quoted field is refused, naming the line the field opened on")
    func truncated() {
        let text = "id;name\nF1;ok\nF2;\"Dupont\nfils"
        #expect(throws: DelimitedTextError.unterminatedQuote(line: 3)) { try csv.records(Array(text.utf8)) }
    }

    @Test("without quoting, a quote is an ordinary character and a trailing separator an empty field")
    func plain() throws {
        let fec = DelimitedText(separator: "|", quoting: .none)
        let records = try fec.records(Array("A|B|\r\nVE|\"x|\n".utf8))
        #expect(records == [.init(line: 1, fields: ["A", "B", ""]), .init(line: 2, fields: ["VE", "\"x", ""])])
    }

    @Test("large inputs are cut into chunks whose records and lines stay in file order")
    func chunks() throws {
        var text = "n;text\n"
        for number in 1...60_000 {
            text += number % 1000 == 0 ? "\(number);\"two\nlines\"\n" : "\(number);plain text of the line\n"
        }
        let counts = try csv.mapChunks(Array(text.utf8)) { $0.count }
        #expect(counts.count > 1)
        let records = try csv.records(Array(text.utf8))
        #expect(records.count == 60_001)
        #expect(records.last?.fields.first == "60000")
        // 60 records before the last each took two lines.
        #expect(records.last?.line == 1 + 60_000 + 59)
        #expect(zip(records.dropFirst(), records.dropFirst().dropFirst()).allSatisfy { $0.line < $1.line })
    }
}
