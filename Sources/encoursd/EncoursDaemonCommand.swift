import ArgumentParser
import EncoursServer
import Foundation
import Logging

/// `encoursd`: the live ledger daemon. Parses the command line, loads the configuration,
/// sets up logging for journald, and runs the ``Daemon``.
@main
struct EncoursDaemonCommand: AsyncParsableCommand {
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "encoursd",
        abstract: "The Encours ledger daemon: keeps the receivables figures live and answers on a Unix socket.",
        discussion: """
            Opens (creating it when missing) the event log, restores the latest snapshot and replays what \
            follows, then serves HTTP/1.1 + JSON on the Unix socket until SIGTERM. SIGHUP reloads roles, \
            ageing buckets, log level and snapshot interval from the configuration file.

            Settings come from the file (--config, else /etc/encours/encours.toml when present), then the \
            environment (ENCOURS_DATABASE, ENCOURS_SOCKET, ENCOURS_LOG_LEVEL, …), then these flags. Every \
            setting has a default: a bare encoursd serves ./var/encours.db on ./var/encours.sock.

            Examples:
              encoursd
              encoursd --config /etc/encours/encours.toml
              encoursd --db /srv/ledger/encours.db --socket /run/encours/encours.sock --log-level debug
              curl --unix-socket ./var/encours.sock http://localhost/v1/exposure
            """,
        version: version
    )

    @Option(help: "The configuration file (TOML). Default: /etc/encours/encours.toml when it exists.")
    var config: String?

    @Option(help: "The ledger database file. Default: ./var/encours.db.")
    var db: String?

    @Option(help: "The Unix socket to serve on. Default: ./var/encours.sock.")
    var socket: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    func run() async throws {
        // A client or a log reader that goes away must cost an EPIPE, never the process.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let overrides = DaemonConfiguration.Overrides(databasePath: db, socketPath: socket, logLevel: logLevel)
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.load(file: config, environment: environment, overrides: overrides)
        } catch {
            JournalLogHandler.writeToStandardError("encoursd: configuration: \(error)\n")
            throw ExitCode(78)  // EX_CONFIG: systemd does not restart a unit for a bad configuration in a loop
        }
        let level = LogLevelBox(configuration.logLevel)
        LoggingSystem.bootstrap { label in
            JournalLogHandler(label: label, level: level)
        }
        let logger = Logger(label: "encoursd")
        let daemon = Daemon(
            configuration: configuration,
            environment: environment,
            overrides: overrides,
            version: Self.version,
            logger: logger,
            applyLogLevel: { level.set($0) }
        )
        do {
            try await daemon.run()
        } catch let error as ConfigurationError {
            logger.critical("\(error)")
            throw ExitCode(1)
        } catch {
            logger.critical("stopped on an error: \(error)")
            throw ExitCode(1)
        }
    }
}
