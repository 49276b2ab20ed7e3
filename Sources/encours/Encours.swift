import ArgumentParser
import Foundation

/// The `encours` command: queries and maintenance of a receivables ledger.
@main
struct Encours: ParsableCommand {
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "encours",
        abstract: "Receivables ledger for credit managers: exposure, ageing, DSO.",
        discussion: """
            Asks the running daemon (encoursd) over its socket, or works offline on a ledger database file \
            (--db). Without either option, the queries use the daemon's socket when one is found \
            (/run/encours/encours.sock, ./var/encours.sock), else ./var/encours.db.

            Examples:
              encours generate --customers 200 --invoices 5000 > demo.ndjson
              encours import --db ./var/encours.db demo.ndjson
              encours exposure --customer C000042
              encours ageing --as-of 2025-12-31 --format csv > ageing.csv
              encours dso --method simple --format json
              encours verify
              encours append today.ndjson
              encours status

            Exit codes: 0 success, 1 bad input or data, 2 usage.

            Shell completions:
              encours --generate-completion-script bash > /etc/bash_completion.d/encours
            """,
        version: version,
        subcommands: [
            ImportCommand.self, AppendCommand.self, ExposureCommand.self, AgeingCommand.self, DSOCommand.self,
            PenaltiesCommand.self, StatementCommand.self, RiskCommand.self, ScorecardCommand.self, SearchCommand.self, IncidentsCommand.self,
            DunningCommand.self, PromisesCommand.self, OrderCommand.self, LimitsCommand.self,
            StatusCommand.self, VerifyCommand.self, GenerateCommand.self,
        ]
    )

    /// Runs the command with the exit codes the tool promises: usage errors are 2 (not
    /// ArgumentParser's 64), bad input or data is 1.
    static func main() {
        if CommandLine.arguments.dropFirst().first == "import" { HugePageHeap.restartWithHugePages() }
        var commandType: any ParsableCommand.Type = Encours.self
        do {
            var command = try parseAsRoot()
            commandType = type(of: command)
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = commandType.fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
