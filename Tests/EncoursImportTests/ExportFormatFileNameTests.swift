import EncoursImport
import Testing

/// What a file's name says of its format: the inbox reads the files it says nothing of in
/// `inbox.format`, so a name read wrongly is a file read in the wrong format.
@Suite("Export format from a file's name")
struct ExportFormatFileNameTests {
    @Test(arguments: [
        ("export.ndjson", ExportFormat.ndjson),
        ("ventes.CSV", .csv),
        ("books.fec", .fec),
        ("2026-05-01.journal.csv", .csv),
        ("123456789FEC20251231.txt", .fec),
        ("111111111FEC20221231.TXT", .fec),
        ("111111111fec20221231.Txt", .fec),
    ])
    func aNameThatSaysItsFormat(name: String, format: ExportFormat) {
        #expect(ExportFormat(fileName: name) == format)
    }

    /// Near misses of the legal name are ordinary `.txt` files: read in `inbox.format`.
    @Test(arguments: [
        "export.txt",
        "export",
        ".ndjson",
        "export.xml",
        "12345678FEC20251231.txt",
        "1234567890FEC20251231.txt",
        "123456789FEC2025123.txt",
        "123456789FEC202512310.txt",
        "123456789FEE20251231.txt",
        "123456789FEC20251231.csv.txt",
        "123456789FEC20251231_v2.txt",
        "12345678AFEC20251231.txt",
        "123456789FEC2025123A.txt",
        "123456789FEC20251231.tx",
        "123456789FEC20251231.text",
        "١٢٣٤٥٦٧٨٩FEC20251231.txt",
    ])
    func aNameThatSaysNoFormat(name: String) {
        #expect(ExportFormat(fileName: name) == nil)
    }
}
