import EncoursCore
import Logging

/// Parsing of the values a setting may take, shared by the file, the environment and the
/// flags so that each accepts exactly the same spellings.
extension DaemonConfiguration {
    static func parseMode(_ text: String, source: String) throws(ConfigurationError) -> UInt16 {
        guard let mode = UInt16(text, radix: 8), mode <= 0o777 else {
            throw ConfigurationError(source: source, message: "\"\(text)\" is not an octal file mode like 0660")
        }
        return mode
    }

    static func parseLogLevel(_ text: String, source: String) throws(ConfigurationError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(source: source, message: "\"\(text)\" is not a log level (\(names))")
        }
        return level
    }

    static func parseCount(_ text: String, source: String) throws(ConfigurationError) -> Int {
        guard let count = Int(text), count >= 0 else {
            throw ConfigurationError(source: source, message: "\"\(text)\" is not a whole number ≥ 0")
        }
        return count
    }

    static func parseBuckets(_ bounds: [Int], source: String) throws(ConfigurationError) -> AgeingBuckets {
        guard let buckets = AgeingBuckets(boundaries: bounds) else {
            throw ConfigurationError(
                source: source,
                message: "\(bounds) are not increasing positive day counts like [30, 60, 90]"
            )
        }
        return buckets
    }

    static func parseRole(_ text: String, source: String) throws(ConfigurationError) -> Role? {
        if text == "none" { return nil }
        guard let role = Role(rawValue: text) else {
            throw ConfigurationError(
                source: source,
                message: "\"\(text)\" is not a role (reader, sales, feeder, finance, or none)"
            )
        }
        return role
    }
}
