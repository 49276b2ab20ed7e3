import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP: roles, ageing buckets, log level and snapshot
/// interval take effect at once; the other settings need a restart, and a file that does
/// not load leaves everything as it was.
struct ReloadService: Service {
    let settings: LiveSettings
    let credentials: PeerCredentials
    let environment: [String: String]
    let overrides: DaemonConfiguration.Overrides
    let notifier: SystemdNotifier
    let logger: Logger
    let applyLogLevel: @Sendable (Logger.Level) -> Void

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.notify("RELOADING=1")
            let file = settings.current.configurationFile
            do {
                let loaded = try DaemonConfiguration.load(file: file, environment: environment, overrides: overrides)
                let current = settings.reload(from: loaded)
                credentials.forget()
                applyLogLevel(current.logLevel)
                logger.notice("configuration reloaded from \(file ?? "the environment")")
            } catch {
                logger.error("configuration not reloaded, the previous one stays in force: \(error)")
            }
            notifier.notify("READY=1")
        }
    }
}
