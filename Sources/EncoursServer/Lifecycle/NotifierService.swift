import Logging
import ServiceLifecycle

/// Keeps systemd informed while the daemon runs: `WATCHDOG=1` at half the watchdog
/// interval, and `STOPPING=1` as soon as a graceful shutdown begins.
///
/// Listed last in the service group so that it is the first told to shut down, before the
/// server drains and the writer saves its snapshot.
struct NotifierService: Service {
    let notifier: SystemdNotifier
    let watchdogInterval: Duration?
    let logger: Logger

    func run() async throws {
        await withGracefulShutdownHandler {
            guard let watchdogInterval else {
                try? await gracefulShutdown()
                return
            }
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                notifier.notify("WATCHDOG=1")
                try? await Task.sleep(for: watchdogInterval)
            }
        } onGracefulShutdown: {
            notifier.notify("STOPPING=1\nSTATUS=stopping: finishing requests, writing a snapshot")
            logger.notice("stopping: finishing requests in flight, then writing a snapshot")
        }
    }
}
