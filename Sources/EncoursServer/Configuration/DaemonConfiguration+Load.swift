import Foundation

extension DaemonConfiguration {
    /// The file every installation reads when no `--config` is given, if it exists.
    public static let defaultFile = "/etc/encours/encours.toml"

    /// Flags given on the command line: the last word on a setting.
    public struct Overrides: Sendable {
        public var databasePath: String?
        public var socketPath: String?
        public var logLevel: String?

        public init(databasePath: String? = nil, socketPath: String? = nil, logLevel: String? = nil) {
            self.databasePath = databasePath
            self.socketPath = socketPath
            self.logLevel = logLevel
        }
    }

    /// Embedded defaults, then `file` (an explicit file must exist; the default file is read
    /// only when present), then the environment, then the flags.
    public static func load(
        file: String?,
        environment: [String: String],
        overrides: Overrides = Overrides()
    ) throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        let path = file ?? (FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil)
        if let path {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError(
                    source: path,
                    message: "cannot be read (\(error.localizedDescription)); give a readable file with --config"
                )
            }
            try configuration.apply(toml: text, file: path)
        }
        try configuration.apply(environment: environment)
        if let path = overrides.databasePath { configuration.databasePath = path }
        if let path = overrides.socketPath { configuration.socketPath = path }
        if let level = overrides.logLevel {
            configuration.logLevel = try parseLogLevel(level, source: "--log-level")
        }
        configuration.configurationFile = path
        return configuration
    }
}
