import EncoursCore
import EncoursDocuments
import Logging

/// Every setting of `encoursd`, each with an embedded default so that a bare `encoursd`
/// runs with `./var/encours.db` and `./var/encours.sock`.
///
/// Read from the TOML file, then the environment, then command-line flags, each
/// overriding the one before (``DaemonConfiguration/load(file:environment:overrides:)``).
public struct DaemonConfiguration: Sendable, Equatable {
    public var databasePath = "./var/encours.db"
    public var socketPath = "./var/encours.sock"
    /// Permission bits of the socket file.
    public var socketMode: UInt16 = 0o660
    /// Group the socket file is given; `nil`: the daemon's own.
    public var socketGroup: String?
    /// `nil`: the database path + `.snapshot`.
    public var snapshotPathSetting: String?
    /// A snapshot after this many events appended since the last one; 0: only at shutdown.
    public var snapshotEveryEvents = 100_000
    /// Larger request bodies are refused with 413.
    public var maxBodyBytes = 32 * 1024 * 1024
    public var logLevel: Logger.Level = .info
    public var ageingBuckets: AgeingBuckets = .standard
    public var roles = RoleMap()
    /// `[orders]`: the thresholds of the order decisions.
    public var orderRules = OrderRules.standard
    /// The shipped ECB rate table, with `[penalties]` added over it.
    public var penaltyRates: PenaltyRates = .shipped
    /// `[company]`: the letterhead of the statements of account.
    public var letterhead = StatementLetterhead()
    /// `[statements] templates`: the statement templates, the embedded ones where the folder
    /// has none, parsed when the file is read.
    public var statementTemplates: StatementTemplates = .embedded
    /// `[commission]`: the rates the scorecards hold and release commission at.
    public var commissionPlan = CommissionPlan()
    /// `[dunning]`: the steps of the dunning worklist.
    public var dunningScenario: DunningScenario = .standard
    /// `[dunning] promise_grace_days`: days after its due date a promise to pay can still be kept.
    public var promiseGraceDays = PromiseOutcome.standardGraceDays
    /// `[inbox]`: the folder of dropped export files; `nil`: no inbox.
    public var inbox: InboxSettings?
    /// The file the settings were read from, re-read on SIGHUP; `nil`: none.
    public var configurationFile: String?

    public init() {}

    public var snapshotPath: String { snapshotPathSetting ?? databasePath + ".snapshot" }

    /// The settings SIGHUP may change; the others need a restart (the socket, the files).
    public func reloaded(from new: DaemonConfiguration) -> DaemonConfiguration {
        var kept = self
        kept.roles = new.roles
        kept.ageingBuckets = new.ageingBuckets
        kept.logLevel = new.logLevel
        kept.snapshotEveryEvents = new.snapshotEveryEvents
        kept.orderRules = new.orderRules
        kept.penaltyRates = new.penaltyRates
        kept.letterhead = new.letterhead
        kept.statementTemplates = new.statementTemplates
        kept.commissionPlan = new.commissionPlan
        kept.dunningScenario = new.dunningScenario
        kept.promiseGraceDays = new.promiseGraceDays
        return kept
    }
}
