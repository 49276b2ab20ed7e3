import EncoursImport
import Testing

/// Lines without quotes are split without the CSV library, the others by it: the records must
/// be the same whichever way a line goes, and the line numbers run on across both.
@Suite("Delimited text: plain lines and quoted ones")
struct DelimitedTextPlainLineTests {
    private let csv = DelimitedText(separator: ";", quoting: .rfc4180)

    @Test("plain lines between quoted ones keep their fields, empty ones included, and their line numbers")
    func mixed() throws {
        let text = [
            "a;b;;", "\"q;1\";x", "plain;line", "\"two", "lines\";y", "", " ", "z;\"\"\"\";w", "last;no;newline",
        ].joined(separator: "\r\n")
        #expect(
            try csv.records(Array(text.utf8)) == [
                .init(line: 1, fields: ["a", "b", "", ""]),
                .init(line: 2, fields: ["q;1", "x"]),
                .init(line: 3, fields: ["plain", "line"]),
                .init(line: 4, fields: ["two\r\nlines", "y"]),
                .init(line: 7, fields: [" "]),
                .init(line: 8, fields: ["z", "\"", "w"]),
                .init(line: 9, fields: ["last", "no", "newline"]),
            ]
        )
    }

    @Test("a carriage return inside a line is left to the library, which ends the record there")
    func strayCarriageReturn() throws {
        let split = try csv.records(Array("a;b\rc;d\ne;f\n".utf8))
        #expect(split.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(split.last?.line == 2)
    }

    @Test("the same records from a file quoted throughout and from the same file with no quotes")
    func quotedOrNot() throws {
        let rows = (1...2_000).map { ["FA-\($0)", "C\($0 % 7)", "\($0),50", "libellé \($0)"] }
        let plain = rows.map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
        let quoted = rows.map { $0.map { "\"\($0)\"" }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        let expected = rows.enumerated().map { DelimitedText.Record(line: $0.offset + 1, fields: $0.element) }
        #expect(try csv.records(Array(plain.utf8)) == expected)
        #expect(try csv.records(Array(quoted.utf8)) == expected)
    }
}
