import ArgumentParser
import Foundation

/// `--db` and `--socket`, for every command that reads figures (``QueryOptions`` holds
/// them too): where the figures come from, chosen as ``LedgerSource/choose`` does.
struct LedgerSourceOptions: ParsableArguments {
    @Option(help: "Read this ledger database file offline rather than ask the daemon.")
    var db: String?

    @Option(
        help: """
            The daemon's socket. Default: /run/encours/encours.sock or ./var/encours.sock when there is one \
            (else --db ./var/encours.db).
            """
    )
    var socket: String?

    var source: LedgerSource {
        .choose(socket: socket, db: db, environment: ProcessInfo.processInfo.environment)
    }
}
