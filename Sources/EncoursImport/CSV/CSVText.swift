/// The small text operations on cells, kept cheap: they run on every field of every line.
enum CSVText {
    /// `text` without the spaces and tabs around it, which fixed-width and spreadsheet
    /// exports pad cells with; no copy when there are none.
    static func trimmed(_ text: String) -> Substring {
        trimmed(text[...])
    }

    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !isPadding(first) && !isPadding(last) { return text }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isPadding(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isPadding(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// ``trimmed(_:)-(Substring)`` of a cell's bytes.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isPadding(bytes[start]) { start += 1 }
        while end > start, isPadding(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func isPadding(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    /// `bytes` as UTF-8 in `encoding`, without a byte order mark.
    static func utf8(_ bytes: [UInt8], _ encoding: TextEncoding) -> Result<[UInt8], TextDecodingError> {
        bytes.withUnsafeBytes { raw in
            Result { () throws(TextDecodingError) in try encoding.utf8(raw) }
        }
    }
}
