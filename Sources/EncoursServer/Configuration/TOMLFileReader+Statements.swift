import EncoursCore
import EncoursDocuments
import TOMLKit

/// `[company]` (the letterhead of a statement of account) and `[statements]` (the folder of
/// the operator's own statement templates).
extension TOMLFileReader {
    func letterhead(_ table: TOMLTable) throws(ConfigurationError) -> StatementLetterhead {
        let name = try string(table, "company", "name")
        var address: [String] = []
        if let value = table["address"] {
            guard let lines = value.array else {
                throw error("company.address", "must be an array of lines, like [\"1 rue de la Paix\", \"75002 Paris\"]")
            }
            for (index, line) in lines.enumerated() {
                guard let text = line.string else { throw error("company.address[\(index)]", "must be a string") }
                address.append(text)
            }
        }
        return StatementLetterhead(name: name.flatMap { $0.isEmpty ? nil : $0 }, address: address)
    }

    /// Reads and parses the templates now, so a missing folder or a template that does not
    /// parse stops the start (or leaves a reload undone) with the file named.
    func statementTemplates(_ table: TOMLTable) throws(ConfigurationError) -> StatementTemplates {
        guard let folder = try string(table, "statements", "templates"), !folder.isEmpty else { return .embedded }
        do {
            return try StatementTemplates(folder: folder)
        } catch {
            throw self.error("statements.templates", error.description)
        }
    }
}
