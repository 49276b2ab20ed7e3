/// An FEC's text as UTF-8, and the separator its header line uses.
///
/// Article A47 A-1 allows UTF-8 or ISO 8859-15 and a tab or `|` between fields, and says
/// nothing in the file which one was chosen: the encoding is told from the bytes (valid
/// UTF-8, else Latin-9) and the separator from the header line, which holds seventeen of
/// them at least.
///
/// Exporters on Windows often write Windows-1252 all the same (a typographic apostrophe in
/// a label, 0x92). Bytes 0x80–0x9F are control characters in Latin-9, never text, so a file
/// holding them is read as Windows-1252 rather than refused for a label's punctuation.
struct FECText: Sendable {
    var utf8: [UInt8]
    var separator: Unicode.Scalar

    /// Decodes `bytes`; throws when they are no text in either encoding, or when the first
    /// line has neither separator (or the file is empty).
    static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> FECText {
        let decoded = bytes.withUnsafeBytes { raw -> Result<[UInt8], TextDecodingError> in
            let encoding = TextEncoding.utf8OrLatin9(raw)
            // Valid UTF-8 without a byte order mark is already what the reader needs: no
            // second pass over a file of hundreds of megabytes, and no copy of it.
            if encoding == .utf8, !(raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
                return .success(bytes)
            }
            do throws(TextDecodingError) {
                return .success(try encoding.utf8(raw))
            } catch {
                guard encoding == .iso8859_15, let windows = try? TextEncoding.windows1252.utf8(raw) else {
                    return .failure(error)
                }
                return .success(windows)
            }
        }
        let utf8: [UInt8]
        switch decoded {
        case .success(let text):
            utf8 = text
        case .failure(let error):
            throw ImportError(
                file: file,
                line: error.line,
                code: .invalidEncoding,
                message: "byte 0x\(String(error.byte, radix: 16, uppercase: true)) at column \(error.column) is "
                    + "neither UTF-8 nor ISO 8859-15 text, the encodings an FEC may use (article A47 A-1), "
                    + "nor Windows-1252"
            )
        }
        var start = 0
        var line = 1
        // Blank lines before the header are tolerated, as DelimitedText drops them.
        while start < utf8.count, utf8[start] == 0x0A || utf8[start] == 0x0D {
            if utf8[start] == 0x0A { line += 1 }
            start += 1
        }
        guard start < utf8.count else {
            throw ImportError(
                file: file,
                line: 0,
                code: .emptyFile,
                message: "the file is empty: an FEC starts with a header line naming its columns (article A47 A-1)"
            )
        }
        var tabs = 0
        var pipes = 0
        var index = start
        while index < utf8.count, utf8[index] != 0x0A {
            if utf8[index] == UInt8(ascii: "\t") { tabs += 1 }
            if utf8[index] == UInt8(ascii: "|") { pipes += 1 }
            index += 1
        }
        guard tabs > 0 || pipes > 0 else {
            throw ImportError(
                file: file,
                line: line,
                code: .missingColumn,
                message: "the first line is not an FEC header: its column names are separated by neither a tab "
                    + "nor | (article A47 A-1)"
            )
        }
        return FECText(utf8: utf8, separator: tabs >= pipes ? "\t" : "|")
    }
}
