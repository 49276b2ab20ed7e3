import TOMLKit

extension CSVMapping {
    /// The tables of a mapping file and the keys each may hold. Anything else is refused: a
    /// misspelt `due_date` must not silently leave due dates to the customer's terms.
    static let knownKeys: [(table: String, keys: [String])] = [
        ("file", ["separator", "encoding", "decimal", "date_format", "header"]),
        ("kind", ["column", "fixed", "invoice", "credit_note", "payment", "order", "ignore"]),
        ("invoice", ["invoice", "customer", "on", "due_on", "amount", "order", "negative_amount", "credited_invoice"]),
        ("credit_note", ["credit_note", "customer", "on", "amount", "invoice"]),
        ("payment", ["payment", "customer", "on", "amount", "invoice"]),
        ("order", ["order", "customer", "on", "amount"]),
        ("customer", ["legal_name", "trade_name", "siren", "sales_rep", "terms_days"]),
    ]

    /// Reads a mapping file's text; `source` (the file's name) is what errors name.
    ///
    /// Checks everything that can be checked without the export: known tables and keys,
    /// values of the right type, a kind rule that every kind table serves. Whether the named
    /// columns exist is checked against each export's header as it is read.
    public init(toml text: String, source: String) throws(CSVMappingError) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let place = "\(source):\(error.source.begin.line):\(error.source.begin.column)"
            throw CSVMappingError(source: place, key: nil, message: "not a TOML file: \(error.description)")
        } catch {
            throw CSVMappingError(source: source, key: nil, message: "not a TOML file: \(error)")
        }
        let reader = CSVMappingFileReader(source: source)
        try reader.checkKeys(root)
        let file = root["file"]?.table
        self.init(source: source, columns: CSVColumns(kind: .fixed(.invoice)))
        if let separator = try reader.separator(file) { self.separator = separator }
        if let encoding = try reader.encoding(file) { self.encoding = encoding }
        if let format = try reader.amountFormat(file) { self.amountFormat = format }
        if let format = try reader.dayFormat(file) { self.dayFormat = format }
        if let header = try reader.bool(file, "file.header") { self.hasHeader = header }
        self.columns = try reader.columns(root, hasHeader: hasHeader)
    }
}

/// Typed access to a mapping file's values, each error naming the file and the dotted key.
struct CSVMappingFileReader {
    let source: String

    func error(_ key: String?, _ message: String) -> CSVMappingError {
        CSVMappingError(source: source, key: key, message: message)
    }

    func checkKeys(_ root: TOMLTable) throws(CSVMappingError) {
        let tables = CSVMapping.knownKeys.map(\.table)
        for name in root.keys {
            guard let keys = CSVMapping.knownKeys.first(where: { $0.table == name })?.keys else {
                throw error(name, "unknown table (known: \(tables.map { "[\($0)]" }.joined(separator: ", ")))")
            }
            guard let table = root[name]?.table else { throw error(name, "must be a table: [\(name)]") }
            for key in table.keys where !keys.contains(key) {
                throw error("\(name).\(key)", "unknown key (known in [\(name)]: \(keys.joined(separator: ", ")))")
            }
        }
    }

    func string(_ table: TOMLTable?, _ key: String) throws(CSVMappingError) -> String? {
        guard let value = table?[Self.leaf(key)] else { return nil }
        guard let text = value.string else { throw error(key, "must be a string, not \(value.type)") }
        return text
    }

    func bool(_ table: TOMLTable?, _ key: String) throws(CSVMappingError) -> Bool? {
        guard let value = table?[Self.leaf(key)] else { return nil }
        guard let flag = value.bool else { throw error(key, "must be true or false, not \(value.type)") }
        return flag
    }

    static func leaf(_ key: String) -> String {
        String(key.split(separator: ".").last ?? "")
    }

    func separator(_ file: TOMLTable?) throws(CSVMappingError) -> Unicode.Scalar? {
        guard let text = try string(file, "file.separator") else { return nil }
        switch text {
        case ";", ",", "|": return text.unicodeScalars.first
        case "tab", "\t": return "\t"
        default: throw error("file.separator", "\"\(text)\" is not one of \";\", \",\", \"tab\", \"|\"")
        }
    }

    func encoding(_ file: TOMLTable?) throws(CSVMappingError) -> TextEncoding? {
        guard let text = try string(file, "file.encoding") else { return nil }
        guard let encoding = TextEncoding(name: text) else {
            throw error(
                "file.encoding",
                "\"\(text)\" is not an encoding this reader knows (\(TextEncoding.acceptedNames))"
            )
        }
        return encoding
    }

    func amountFormat(_ file: TOMLTable?) throws(CSVMappingError) -> AmountFormat? {
        switch try string(file, "file.decimal") {
        case nil: return nil
        case ",": return .decimalComma
        case ".": return .decimalPoint
        case let text?: throw error("file.decimal", "\"\(text)\" is not \",\" (1 234,56) or \".\" (1234.56)")
        }
    }

    func dayFormat(_ file: TOMLTable?) throws(CSVMappingError) -> DayFormat? {
        guard let text = try string(file, "file.date_format") else { return nil }
        guard let format = DayFormat(pattern: text) else {
            throw error(
                "file.date_format",
                "\"\(text)\" is not a date pattern: write dd, MM and yyyy (or yy) with separators, "
                    + "like dd/MM/yyyy, yyyy-MM-dd or yyyyMMdd"
            )
        }
        return format
    }
}
