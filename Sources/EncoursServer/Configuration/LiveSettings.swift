import Synchronization

/// The configuration in force, replaced as a whole when SIGHUP reloads the file, so a
/// request sees either the old settings or the new ones, never half of each.
public final class LiveSettings: Sendable {
    private let settings: Mutex<DaemonConfiguration>

    public init(_ configuration: DaemonConfiguration) {
        settings = Mutex(configuration)
    }

    public var current: DaemonConfiguration { settings.withLock { $0 } }

    /// Takes the reloadable part of `new`; returns the settings now in force.
    @discardableResult
    public func reload(from new: DaemonConfiguration) -> DaemonConfiguration {
        settings.withLock { current in
            current = current.reloaded(from: new)
            return current
        }
    }
}
