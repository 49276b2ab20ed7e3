/// A mapping file that cannot be used, found before any line of an export is read.
///
/// A wrong mapping would turn every line of an export into an error, or worse into wrong
/// events; naming the mapping file and the key (`file.separator`) sends the operator to the
/// one place to fix.
public struct CSVMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The mapping file's name.
    public var source: String
    /// The dotted key at fault (`invoice.amount`), or `nil` for the file as a whole.
    public var key: String?
    public var message: String

    public init(source: String, key: String?, message: String) {
        self.source = source
        self.key = key
        self.message = message
    }

    /// `sales.toml: key "file.separator": ";;" is not one of ";", ",", "tab", "|"`.
    public var description: String {
        if let key { "\(source): key \"\(key)\": \(message)" } else { "\(source): \(message)" }
    }
}
