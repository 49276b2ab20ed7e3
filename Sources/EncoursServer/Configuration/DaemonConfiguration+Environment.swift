/// The environment variables that override the file, for units and containers that set
/// `Environment=` rather than ship a file.
extension DaemonConfiguration {
    public static let environmentVariables = [
        "ENCOURS_DATABASE", "ENCOURS_SOCKET", "ENCOURS_SOCKET_MODE", "ENCOURS_SOCKET_GROUP",
        "ENCOURS_SNAPSHOT_PATH", "ENCOURS_SNAPSHOT_EVERY", "ENCOURS_MAX_BODY_BYTES", "ENCOURS_LOG_LEVEL",
    ]

    mutating func apply(environment: [String: String]) throws(ConfigurationError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let path = value("ENCOURS_DATABASE") { databasePath = path }
        if let path = value("ENCOURS_SOCKET") { socketPath = path }
        if let mode = value("ENCOURS_SOCKET_MODE") {
            socketMode = try Self.parseMode(mode, source: "ENCOURS_SOCKET_MODE")
        }
        if let group = value("ENCOURS_SOCKET_GROUP") { socketGroup = group }
        if let path = value("ENCOURS_SNAPSHOT_PATH") { snapshotPathSetting = path }
        if let every = value("ENCOURS_SNAPSHOT_EVERY") {
            snapshotEveryEvents = try Self.parseCount(every, source: "ENCOURS_SNAPSHOT_EVERY")
        }
        if let bytes = value("ENCOURS_MAX_BODY_BYTES") {
            maxBodyBytes = try Self.parseCount(bytes, source: "ENCOURS_MAX_BODY_BYTES")
        }
        if let level = value("ENCOURS_LOG_LEVEL") {
            logLevel = try Self.parseLogLevel(level, source: "ENCOURS_LOG_LEVEL")
        }
    }
}
