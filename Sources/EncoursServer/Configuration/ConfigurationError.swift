/// A setting that cannot be used, named by where it came from (file and key, environment
/// variable, or flag), so the operator knows what to fix.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// `/etc/encours/encours.toml: socket.mode`, `ENCOURS_SOCKET_MODE`, `--log-level`.
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
