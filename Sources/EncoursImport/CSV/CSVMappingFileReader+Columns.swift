import TOMLKit

// The tables that name columns: [kind], one per kind of line, [customer].
extension CSVMappingFileReader {
    func columns(_ root: TOMLTable, hasHeader: Bool) throws(CSVMappingError) -> CSVColumns<CSVColumnReference> {
        let kind = try kindRule(root["kind"]?.table, hasHeader: hasHeader)
        let produced: Set<CSVDocumentKind> =
            switch kind {
            case .fixed(let kind): [kind]
            case .column(_, let values): Set(values.compactMap(\.kind))
            }
        for kind in CSVDocumentKind.allCases {
            let table = kind.rawValue
            switch (produced.contains(kind), root[table] != nil) {
            case (true, false):
                throw error(
                    table,
                    "missing: some lines are \(kind.words)s (see [kind]), so the mapping needs a [\(table)] table"
                )
            case (false, true):
                throw error(
                    table,
                    "no line is a \(kind.words) (see [kind]): list its values in kind.\(kind.rawValue), or leave [\(table)] out"
                )
            default:
                continue
            }
        }
        var columns = CSVColumns<CSVColumnReference>(kind: kind)
        if let table = root["invoice"]?.table { columns.invoice = try invoice(table, hasHeader: hasHeader) }
        if let table = root["credit_note"]?.table { columns.creditNote = try creditNote(table, hasHeader: hasHeader) }
        if let table = root["payment"]?.table { columns.payment = try payment(table, hasHeader: hasHeader) }
        if let table = root["order"]?.table { columns.order = try order(table, hasHeader: hasHeader) }
        if let table = root["customer"]?.table { columns.customer = try customer(table, hasHeader: hasHeader) }
        return columns
    }

    /// A column as the mapping names it: a header (a string) or a number from 1 (an integer).
    func column(_ table: TOMLTable, _ key: String, hasHeader: Bool) throws(CSVMappingError) -> CSVColumnReference? {
        guard let value = table[Self.leaf(key)] else { return nil }
        if let number = value.int {
            guard number >= 1 else { throw error(key, "\(number) is not a column number: columns count from 1") }
            return .number(number)
        }
        guard let name = value.string else {
            throw error(
                key,
                "must be a column's header (a string) or its number from 1 (an integer), not \(value.type)"
            )
        }
        guard hasHeader else {
            throw error(key, "\"\(name)\" names a header, but file.header is false: give the column's number from 1")
        }
        let trimmed = CSVText.trimmed(name)
        guard !trimmed.isEmpty else { throw error(key, "is empty: give the column's header or its number from 1") }
        return .name(String(trimmed))
    }

    func requiredColumn(
        _ table: TOMLTable,
        _ key: String,
        hasHeader: Bool,
        what: String
    ) throws(CSVMappingError) -> CSVColumnReference {
        guard let column = try column(table, key, hasHeader: hasHeader) else {
            throw error(key, "missing: the column that gives \(what)")
        }
        return column
    }

    func kindRule(_ table: TOMLTable?, hasHeader: Bool) throws(CSVMappingError) -> CSVKindRule<CSVColumnReference> {
        guard let table else {
            throw error(
                "kind",
                "missing: say what each line is, with kind.column (the column whose values say it) "
                    + "or kind.fixed (one kind for every line)"
            )
        }
        let listKeys = CSVDocumentKind.allCases.map { "kind.\($0.rawValue)" } + ["kind.ignore"]
        if let fixed = try string(table, "kind.fixed") {
            if table["column"] != nil { throw error("kind.fixed", "give kind.fixed or kind.column, not both") }
            for key in listKeys where table[Self.leaf(key)] != nil {
                throw error(key, "lists values of kind.column, which is not given (kind.fixed is)")
            }
            guard let kind = CSVDocumentKind(rawValue: fixed) else {
                let kinds = CSVDocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("kind.fixed", "\"\(fixed)\" is not one of: \(kinds)")
            }
            return .fixed(kind)
        }
        guard let column = try column(table, "kind.column", hasHeader: hasHeader) else {
            throw error("kind", "give kind.column (the column whose values say what a line is) or kind.fixed")
        }
        var values: [CSVKindValue] = []
        let kinds: [CSVDocumentKind?] = CSVDocumentKind.allCases + [nil]
        for (key, kind) in zip(listKeys, kinds) {
            for value in try valueList(table, key) {
                if let earlier = values.first(where: { $0.value == value }) {
                    let meaning = earlier.kind.map { "kind.\($0.rawValue)" } ?? "kind.ignore"
                    throw error(key, "\"\(value)\" is listed in \(meaning) too")
                }
                values.append(CSVKindValue(value: value, kind: kind))
            }
        }
        guard values.contains(where: { $0.kind != nil }) else {
            throw error(
                "kind",
                "lists no value for any kind: give kind.invoice, kind.credit_note, kind.payment or kind.order"
            )
        }
        return .column(column, values: values)
    }

    /// A kind's values: `"FA"` or `["FA", "FAC"]`.
    func valueList(_ table: TOMLTable, _ key: String) throws(CSVMappingError) -> [String] {
        guard let value = table[Self.leaf(key)] else { return [] }
        let texts: [String?]
        if let text = value.string {
            texts = [text]
        } else if let array = value.array {
            texts = array.map { $0.string }
        } else {
            throw error(key, "must be a value of the kind column, or a list of them: \"FA\" or [\"FA\", \"FAC\"]")
        }
        var values: [String] = []
        for text in texts {
            guard let text else { throw error(key, "must list strings, like [\"FA\", \"FAC\"]") }
            let trimmed = String(CSVText.trimmed(text))
            guard !trimmed.isEmpty else { throw error(key, "lists an empty value") }
            values.append(trimmed)
        }
        return values
    }
}
