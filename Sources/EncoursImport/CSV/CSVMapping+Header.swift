extension CSVMapping {
    /// The mapping's columns found in one file: by name in its header, or by number.
    ///
    /// Done once per file, before any line is read: a column the header lacks is an error
    /// about the whole file (naming the mapping keys that want it, and listing the header),
    /// not a million errors about its lines.
    func resolve(header: DelimitedText.Record?, file: String) -> Result<CSVColumns<CSVColumn>, CSVHeaderErrors> {
        let names = header?.fields.map { String(CSVText.trimmed($0)) }
        // Each column the header cannot give, with the keys that name it, in mapping order.
        var unresolved: [(column: CSVColumnReference, keys: [String])] = []
        func fail(_ reference: CSVColumnReference, _ key: String) {
            if let index = unresolved.firstIndex(where: { $0.column == reference }) {
                unresolved[index].keys.append(key)
            } else {
                unresolved.append((reference, [key]))
            }
        }
        let resolved = columns.map { reference, key -> CSVColumn in
            switch reference {
            case .number(let number):
                guard let names else { return CSVColumn(index: number - 1, label: String(number)) }
                guard number <= names.count else {
                    fail(reference, key)
                    return CSVColumn(index: number - 1, label: String(number))
                }
                let name = names[number - 1]
                return CSVColumn(index: number - 1, label: name.isEmpty ? String(number) : name)
            case .name(let name):
                let indices = names?.indices.filter { names?[$0] == name } ?? []
                guard indices.count == 1 else {
                    fail(reference, key)
                    return CSVColumn(index: 0, label: name)
                }
                return CSVColumn(index: indices[0], label: name)
            }
        }
        guard !unresolved.isEmpty else { return .success(resolved) }
        let errors = unresolved.map { reference, keys in
            headerError(reference, keys: keys, header: names ?? [], file: file, line: header?.line ?? 0)
        }
        return .failure(CSVHeaderErrors(errors: errors))
    }

    private func headerError(
        _ reference: CSVColumnReference,
        keys: [String],
        header: [String],
        file: String,
        line: Int
    ) -> ImportError {
        let wanted = "\(source) reads it for \(keys.joined(separator: ", "))"
        switch reference {
        case .number(let number):
            return ImportError(
                file: file,
                line: line,
                column: String(number),
                code: .missingColumn,
                message: "the header has only \(header.count) columns; \(wanted)"
            )
        case .name(let name):
            let numbers = header.indices.filter { header[$0] == name }.map { String($0 + 1) }
            if numbers.count > 1 {
                return ImportError(
                    file: file,
                    line: line,
                    column: name,
                    code: .missingColumn,
                    message: "the header has this name more than once (columns \(numbers.joined(separator: ", "))); "
                        + "\(wanted): give the column's number instead"
                )
            }
            var message =
                "not in the header; \(wanted). The header has: "
                + header.map { "\"\($0)\"" }.joined(separator: ", ")
            if let near = header.first(where: { $0.lowercased() == name.lowercased() }) {
                message += " (\"\(near)\" differs in case: names must match exactly)"
            }
            return ImportError(file: file, line: line, column: name, code: .missingColumn, message: message)
        }
    }
}

/// The errors that make a file's header unusable with a mapping.
struct CSVHeaderErrors: Error {
    var errors: [ImportError]
}
