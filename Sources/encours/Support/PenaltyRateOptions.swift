import ArgumentParser
import EncoursCore

/// The penalty rate table of an offline command (`--db`): the shipped ECB rates, with what
/// `--ecb-rate` adds or corrects and `--margin` changes, as the daemon's `[penalties]`
/// section does for its answers.
///
/// Flags rather than reading the daemon's TOML file: the CLI stays free of the daemon's
/// configuration loader (and of a TOML parser), and a one-off figure on a copy of the
/// database rarely needs more than a half-year or two. Against the daemon (`--socket`),
/// the daemon's configuration decides, so these flags are refused there rather than ignored.
struct PenaltyRateOptions: ParsableArguments {
    @Option(
        name: .customLong("ecb-rate"),
        help: ArgumentHelp(
            "An ECB rate for a half-year, HALF=PERCENT like 2027-H1=2.15, added to the shipped table or "
                + "replacing its value; repeatable. Offline (--db) only.",
            valueName: "half=percent"
        )
    )
    var ecbRates: [ConfiguredECBRate] = []

    @Option(help: "Points added to the ECB rate, a percent like 10 or 7.5 (default: 10, the statutory margin).")
    var margin: PenaltyMargin?

    var isGiven: Bool { !ecbRates.isEmpty || margin != nil }

    var rates: PenaltyRates {
        var entries: [HalfYear: Int] = [:]
        for entry in ecbRates { entries[entry.halfYear] = entry.basisPoints }
        var rates = PenaltyRates.shipped.overriding(entries)
        if let margin { rates.marginBasisPoints = margin.basisPoints }
        return rates
    }

    /// Refuses the flags when the figures come from the daemon, which charges its own rates.
    func checkOffline(_ source: LedgerSource) throws {
        guard isGiven, case .socket = source else { return }
        throw CommandFailure(
            "error: --ecb-rate and --margin apply to a database read offline (--db); the daemon charges the "
                + "rates of its [penalties] configuration (docs/configuration.md)",
            exitCode: 2
        )
    }
}

extension ConfiguredECBRate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// `--margin 10`: the points over the ECB rate, a percent from 0 to 100.
struct PenaltyMargin: ExpressibleByArgument {
    var basisPoints: Int

    init?(argument: String) {
        guard let basisPoints = PenaltyRates.basisPoints(percent: argument) else { return nil }
        self.basisPoints = basisPoints
    }
}
