import EncoursCore

/// What ledger to generate: how many customers and invoices, over which months, from
/// which seed (`encours generate --customers N --invoices M [--seed S] [--start D --months K]`).
///
/// Everything the output depends on is here, so a configuration names one ledger exactly:
/// the same configuration gives byte-identical events on every machine. The default start
/// is a fixed date, never today, for the same reason.
public struct GeneratorConfiguration: Sendable, Hashable {
    /// The default first day of the simulated period: 2025-01-01.
    public static let defaultStart = Day(year: 2025, month: 1, day: 1)!

    /// How many customers are registered over the period.
    public var customers: Int
    /// How many invoices are issued over the period: exactly this many.
    public var invoices: Int
    public var seed: UInt64
    /// The first simulated day.
    public var start: Day
    /// The length of the period in calendar months.
    public var months: Int

    public init(customers: Int, invoices: Int, seed: UInt64 = 1, start: Day = defaultStart, months: Int = 12) {
        self.customers = customers
        self.invoices = invoices
        self.seed = seed
        self.start = start
        self.months = months
    }

    /// Bounds that keep ids and amounts in the formats the generator promises.
    public static let customerRange = 1...999_999
    public static let invoiceRange = 0...99_999_999
    public static let monthRange = 1...120

    /// The last simulated day: the day before `start` plus `months` months.
    public var end: Day {
        let parts = start.civil
        let monthIndex = parts.year * 12 + (parts.month - 1) + months
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        let day = min(parts.day, Day.daysInMonth(year: year, month: month))
        return Day(year: year, month: month, day: day).map { $0.adding(days: -1) } ?? start
    }

    /// Checks the configuration; the generator refuses one that fails.
    public func validate() throws(GeneratorConfigurationError) {
        guard Self.customerRange.contains(customers) else {
            throw GeneratorConfigurationError(
                code: .customersOutOfRange,
                field: "customers",
                message: "customers must be between 1 and \(Self.customerRange.upperBound), not \(customers)"
            )
        }
        guard Self.invoiceRange.contains(invoices) else {
            throw GeneratorConfigurationError(
                code: .invoicesOutOfRange,
                field: "invoices",
                message: "invoices must be between 0 and \(Self.invoiceRange.upperBound), not \(invoices)"
            )
        }
        guard Self.monthRange.contains(months) else {
            throw GeneratorConfigurationError(
                code: .monthsOutOfRange,
                field: "months",
                message: "months must be between 1 and \(Self.monthRange.upperBound), not \(months)"
            )
        }
        guard start.year >= 1900, end.year <= 9000 else {
            throw GeneratorConfigurationError(
                code: .startOutOfRange,
                field: "start",
                message: "the period \(start)…\(end) must lie between the years 1900 and 9000"
            )
        }
    }
}
