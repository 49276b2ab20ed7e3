extension ExportFormat {
    /// The format a file's name says it is in, or `nil` when it says none (`export.txt`, no
    /// extension): the daemon's inbox reads such a file in its configured format.
    ///
    /// An extension naming a format (`.ndjson`, `.csv`, `.fec`, in any case) says it; so does
    /// the name article A47 A-1 LPF gives an FEC, `<SIREN>FEC<YYYYMMDD>.txt`
    /// (`123456789FEC20251231.txt`), which accounting software keeps when it exports one:
    /// the file handed to the tax office is dropped as it is, under its `.txt`.
    public init?(fileName name: String) {
        if Self.isLegalFECName(name) {
            self = .fec
            return
        }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }

    /// Whether `name` is 9 digits, `FEC`, 8 digits and `.txt`, letters in any case. The
    /// digits are not checked further: a SIREN's key or a closing date that is not a day
    /// does not make the file less of an FEC, and its content is checked when it is read.
    static func isLegalFECName(_ name: String) -> Bool {
        let bytes = name.utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 0x20 : $0 }
        guard bytes.count == 24 else { return false }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        return bytes[0..<9].allSatisfy(isDigit)
            && bytes[9..<12].elementsEqual("FEC".utf8)
            && bytes[12..<20].allSatisfy(isDigit)
            && bytes[20..<24].elementsEqual(".TXT".utf8)
    }
}
