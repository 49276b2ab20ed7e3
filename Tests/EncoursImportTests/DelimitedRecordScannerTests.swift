import EncoursCore
import Testing

@testable import EncoursImport

@Suite("Delimited records lent as bytes")
struct DelimitedRecordScannerTests {
    /// Every record of `text` as `scanner` lends it, copied, with where it came from.
    private func walk(
        _ text: String,
        _ selection: DelimitedRecordScanner.Selection = .all
    ) -> [(record: DelimitedText.Record, source: DelimitedRecordSource)] {
        var scanner = DelimitedRecordScanner(separator: ";", selection: selection)
        var records: [(DelimitedText.Record, DelimitedRecordSource)] = []
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            scanner.forEachRecord(in: bytes, firstLine: 1) { record, source in
                records.append((record.materialized(), source))
            }
        }
        return records
    }

    @Test("plain and well-formed quoted lines are cut here, each found again alone in its span")
    func wellFormedLines() {
        let text = "a;b;\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n\r\n\"\";z\n\"\"\nlast;\"\"\n"
        let records = walk(text)
        #expect(records.map(\.record.line) == [1, 2, 5, 7])
        #expect(records[0].record.fields == ["a", "b", ""])
        #expect(records[1].record.fields == ["x;y", "say \"hi\"", "two\nlines"])
        #expect(records[2].record.fields == ["", "z"])
        // Line 6, one empty quoted field, is a blank line to the library, and skipped.
        #expect(records[3].record.fields == ["last", ""])
        let utf8 = Array(text.utf8)
        for (record, source) in records {
            guard case .span(let range) = source else {
                Issue.record("line \(record.line) was not cut here")
                continue
            }
            let again = walk(String(decoding: utf8[range], as: UTF8.self)).map(\.record.fields)
            #expect(again == [record.fields])
        }
    }

    @Test("a quote inside an unquoted field sends its lines to the library, which reads the quote as text")
    func malformedQuotes() {
        let records = walk("a;b\"c;d\ne;f\"g\nh;i\n")
        #expect(
            records.map(\.record) == [
                .init(line: 1, fields: ["a", "b\"c", "d"]),
                .init(line: 2, fields: ["e", "f\"g"]),
                .init(line: 3, fields: ["h", "i"]),
            ]
        )
        #expect(records.map { if case .library = $0.source { true } else { false } } == [true, true, false])
    }

    @Test("a lone carriage return outside quotes is the library's to read")
    func looseCarriageReturn() {
        let records = walk("a;b\rc;d\ne;f\n")
        #expect(records.first.map { if case .library = $0.source { true } else { false } } == true)
        #expect(records.last?.record == .init(line: 2, fields: ["e", "f"]))
    }

    @Test("only the selected columns' quoted fields are unquoted")
    func selection() {
        let records = walk("\"a\"\"b\";\"c\"\"d\";e\n", DelimitedRecordScanner.Selection([1]))
        #expect(records.map(\.record.fields) == [["a\"\"b", "c\"d", "e"]])
    }
}

@Suite("Export text read from bytes")
struct ExportBytesTests {
    @Test("a chunk keeps a byte order mark as text; a file's is left out")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61]
        #expect(try TextEncoding.utf8.utf8(bytes) == [0x61])
        #expect(try bytes.withUnsafeBytes { try TextEncoding.utf8.transcoded($0) } == bytes)
    }

    @Test("windows-1252 is transcoded across runs of ASCII longer and shorter than eight bytes")
    func windows1252() throws {
        let written: [UInt8] =
            Array("Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9, 0x20, 0x80] + Array(" 12345678;".utf8)
        let expected = Array("Société € 12345678;".utf8)
        #expect(try TextEncoding.windows1252.utf8(written) == expected)
        #expect(throws: TextDecodingError.self) { try TextEncoding.windows1252.utf8(Array("12345678".utf8) + [0x81]) }
    }

    @Test(
        "amounts read straight from bytes are those of the general reading, or refused alike",
        arguments: [
            "30 069,10", "0,05", "-0,00", "+5", "0000000074,70", "000000000000000001,00", "999999999999,99",
            "1 234,5", "1.234,56", "1'234,56", " 12 ", "12.50", "1,234", "12,", ",50", "1 23,00", "-", "1  234,00",
            "9999999999999,00", "1 234,5 6", "12 €", "1\u{00A0}234,56", "- 5", "", "1.234.567,89", "12,345",
        ]
    )
    func amountBytes(text: String) {
        let format = AmountFormat.decimalComma
        let fromText = Result { () throws(MoneyParseError) in try format.generalAmount(text) }
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(MoneyParseError) in try format.amount(utf8: bytes) }
        }
        #expect(fromBytes == fromText)
    }

    @Test("amounts read from bytes, hand-checked")
    func amountValues() throws {
        func amount(_ text: String) throws -> Money {
            try Array(text.utf8).withUnsafeBufferPointer { try AmountFormat.decimalComma.amount(utf8: $0) }
        }
        #expect(try amount("30 069,10") == Money(minorUnits: 3_006_910))
        #expect(try amount("-0,00") == Money(minorUnits: 0))
        #expect(try amount("+1,5") == Money(minorUnits: 150))
        #expect(try amount("000000000000000001,00") == Money(minorUnits: 100))
        #expect(throws: MoneyParseError.outOfRange) { try amount("1234567890123,00") }
        #expect(throws: MoneyParseError.tooManyDecimals) { try amount("1,234") }
        #expect(throws: MoneyParseError.notADecimalNumber) { try amount("12.50") }
    }

    @Test("days read from a cell's bytes")
    func dayBytes() {
        func day(_ text: String, _ format: DayFormat = .dayMonthYear) -> Day? {
            Array(text.utf8).withUnsafeBufferPointer { format.day(utf8: $0) }
        }
        #expect(day("09/03/2026") == Day(year: 2026, month: 3, day: 9))
        #expect(day(" 9/3/2026\t") == Day(year: 2026, month: 3, day: 9))
        #expect(day("\u{00A0}09/03/2026") == Day(year: 2026, month: 3, day: 9))
        #expect(day("31/02/2026") == nil)
        #expect(day("01/01/25") == nil)
        #expect(day("２０２６-03-01", .iso) == nil)
    }
}
