import EncoursCore
import EncoursStore
import Hummingbird
import NIOPosix
import Prometheus
import Synchronization

/// The socket API (docs/api.md): the routes and what they share — the live ledger, the
/// writer, the settings in force, the daemon's status and metrics.
public struct EncoursAPI: Sendable {
    let database: LedgerDatabase
    let writer: LedgerWriter
    let history: EventHistory
    let settings: LiveSettings
    let status: DaemonStatus
    let registry: PrometheusCollectorRegistry
    let today: @Sendable () -> Day

    public init(
        database: LedgerDatabase,
        writer: LedgerWriter,
        history: EventHistory,
        settings: LiveSettings,
        status: DaemonStatus,
        registry: PrometheusCollectorRegistry,
        today: @escaping @Sendable () -> Day
    ) {
        self.database = database
        self.writer = writer
        self.history = history
        self.settings = settings
        self.status = status
        self.registry = registry
        self.today = today
    }

    public func register(on router: Router<EncoursRequestContext>) {
        registerStatusRoutes(on: router)
        registerReportRoutes(on: router)
        registerEventRoutes(on: router)
        registerCustomerRoutes(on: router)
        registerRiskRoutes(on: router)
        registerStatementRoutes(on: router)
        registerOrderRoutes(on: router)
        registerLimitRoutes(on: router)
        registerScorecardRoutes(on: router)
        registerSearchRoutes(on: router)
        registerIncidentRoutes(on: router)
        registerDunningRoutes(on: router)
    }

    /// Runs `body` on the live ledger, or on the ledger as it stood after event `knownAt`.
    ///
    /// A past ledger is rebuilt from the entries in memory, on a thread-pool thread: it
    /// takes up to a second on a large ledger, which must hold up neither the writer nor the
    /// concurrency pool's few threads.
    ///
    /// `onACopy`: a long computation on the live ledger runs on a copy too, on a
    /// thread-pool thread, rather than under the read lock the writer waits for.
    func withLedger<Result: Sendable>(
        knownAt: Int64?,
        onACopy: Bool = false,
        _ body: @escaping @Sendable (Ledger) throws(APIError) -> Result
    ) async throws -> Result {
        guard let knownAt else {
            guard onACopy else { return try database.read { ledger throws(APIError) in try body(ledger) } }
            let current = database.read { $0 }
            return try await NIOThreadPool.singleton.runIfActive { try body(current) }
        }
        let current = database.read { $0 }
        guard knownAt <= current.lastSequence else {
            throw APIError.badField(
                "known_at",
                "\(knownAt) is beyond the last recorded event (seq \(current.lastSequence))"
            )
        }
        return try await NIOThreadPool.singleton.runIfActive {
            let past: Ledger
            do {
                past = try current.asKnown(through: knownAt)
            } catch {
                throw APIError(status: .internalServerError, code: "internal", message: "\(error)")
            }
            return try body(past)
        }
    }
}
