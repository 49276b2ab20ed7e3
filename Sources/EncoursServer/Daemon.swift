import UnixSignals
import EncoursCore
import EncoursStore
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `encoursd` put together: lock the database, restore the latest snapshot and replay what
/// follows, then serve the socket API until SIGTERM, with systemd told at each step.
public struct Daemon: Sendable {
    public let configuration: DaemonConfiguration
    public let environment: [String: String]
    public let overrides: DaemonConfiguration.Overrides
    public let version: String
    public let logger: Logger
    /// Applies a new log level to the process's log handler (SIGHUP).
    public let applyLogLevel: @Sendable (Logger.Level) -> Void

    public init(
        configuration: DaemonConfiguration,
        environment: [String: String],
        overrides: DaemonConfiguration.Overrides,
        version: String,
        logger: Logger,
        applyLogLevel: @escaping @Sendable (Logger.Level) -> Void
    ) {
        self.configuration = configuration
        self.environment = environment
        self.overrides = overrides
        self.version = version
        self.logger = logger
        self.applyLogLevel = applyLogLevel
    }

    public func run() async throws {
        let notifier = SystemdNotifier(environment: environment)
        try Self.createFolder(of: configuration.databasePath)
        try Self.createFolder(of: configuration.socketPath)
        let inboxFolder = configuration.inbox.map { InboxFolder(path: $0.folder) }
        try inboxFolder?.prepare()
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock(databasePath: configuration.databasePath)
        } catch {
            throw ConfigurationError(
                source: configuration.databasePath,
                message: "\(error); stop the other encoursd (or import) first, or give this one another --db"
            )
        }

        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        notifier.notify("STATUS=opening and replaying \(configuration.databasePath)")
        let started = ContinuousClock.now
        let opened = try LedgerOpening.open(configuration: configuration, logger: logger)
        let database = opened.database
        let replaySeconds = Self.seconds(ContinuousClock.now - started)
        let (events, customers, lastSequence) = database.read { ($0.entryCount, $0.accounts.count, $0.lastSequence) }
        logger.notice(
            "ledger ready",
            metadata: [
                "events": "\(events)", "customers": "\(customers)", "seq": "\(lastSequence)",
                "seconds": "\(String(format: "%.3f", replaySeconds))", "start": "\(opened.howStarted)",
            ]
        )
        Gauge(label: "encours_replay_seconds").record(replaySeconds)
        let lastSequenceGauge = Gauge(label: "encours_last_sequence")
        lastSequenceGauge.record(lastSequence)
        let appendedCounter = Counter(label: "encours_events_appended_total")

        let settings = LiveSettings(configuration)
        let status = DaemonStatus(startedAt: RecordedAt.now, version: version)
        if let sequence = opened.snapshotSequence { status.snapshotted(sequence: sequence, at: status.startedAt) }
        let snapshots = SnapshotKeeper(
            path: configuration.snapshotPath,
            settings: settings,
            status: status,
            clock: { RecordedAt.now },
            logger: logger
        )
        let writer = LedgerWriter(
            database: database,
            clock: { RecordedAt.now },
            screening: { OrderScreening(today: Day.today, rules: settings.current.orderRules) }
        ) { appended, last in
            appendedCounter.increment(by: appended)
            lastSequenceGauge.record(last)
            status.appended(at: RecordedAt.now)
            snapshots.appended(appended, database: database)
        }
        let history = try EventHistory(path: configuration.databasePath)
        let credentials = PeerCredentials()
        let api = EncoursAPI(
            database: database,
            writer: writer,
            history: history,
            settings: settings,
            status: status,
            registry: registry,
            today: { Day.today }
        )
        let router = Router(context: EncoursRequestContext.self)
        // Metrics outermost, so that they see every answer, errors included, as sent.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: AccessMiddleware(credentials: credentials, settings: settings, daemonUserID: getuid()))
        api.register(on: router)

        let socket = SocketPreparation(configuration: configuration)
        let app = Application(
            router: router,
            configuration: .init(address: .unixDomainSocket(path: configuration.socketPath), serverName: nil),
            onServerRunning: { [logger] _ in
                do {
                    try socket.applyPermissions()
                } catch {
                    logger.error("\(error)")
                }
                notifier.notify("READY=1\nSTATUS=serving \(events) events on \(configuration.socketPath)")
                logger.notice("serving on \(configuration.socketPath)")
            },
            logger: logger
        )
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: LedgerService(
                    database: database,
                    writer: writer,
                    history: history,
                    snapshots: snapshots,
                    logger: logger
                ),
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup
            )
        ]
        if let inbox = configuration.inbox, let inboxFolder {
            // After the ledger: shut down before it, so the file being imported finishes
            // while the writer still takes batches.
            let importer = InboxImporter(
                folder: inboxFolder,
                settings: inbox,
                database: database,
                writer: writer,
                clock: { RecordedAt.now }
            )
            services.append(
                .init(
                    service: InboxService(settings: inbox, importer: importer, status: status, logger: logger),
                    successTerminationBehavior: .gracefullyShutdownGroup,
                    failureTerminationBehavior: .gracefullyShutdownGroup
                )
            )
        }
        services += [
            .init(
                service: app,
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup
            ),
            .init(
                service: ReloadService(
                    settings: settings,
                    credentials: credentials,
                    environment: environment,
                    overrides: overrides,
                    notifier: notifier,
                    logger: logger,
                    applyLogLevel: applyLogLevel
                ),
                successTerminationBehavior: .ignore,
                failureTerminationBehavior: .ignore
            ),
            .init(
                service: NotifierService(
                    notifier: notifier,
                    watchdogInterval: SystemdNotifier.watchdogInterval(environment: environment),
                    logger: logger
                ),
                successTerminationBehavior: .ignore,
                failureTerminationBehavior: .ignore
            ),
        ]
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
        withExtendedLifetime(lock) {}
        logger.notice("stopped")
    }

    static func createFolder(of path: String) throws(ConfigurationError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(
                source: path,
                message: "cannot create its folder \(folder): \(error.localizedDescription)"
            )
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
