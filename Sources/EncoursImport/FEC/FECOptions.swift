/// What an FEC does not say and the operator may: which journals hold sales and opening
/// balances, the payment terms of the customers it registers, and whether its lettering
/// says which invoices a payment settles.
///
/// The defaults read most French ledgers without any option (docs/imports.md, "FEC").
public struct FECOptions: Sendable, Hashable {
    /// Journal codes whose lines on customer accounts are sales: debits are invoices,
    /// credits credit notes. Empty: found by code and label (``FECJournals``).
    public var salesJournals: [String]
    /// Journal codes of opening balances ("à-nouveaux"): a debit is an open invoice carried
    /// forward, a credit an unapplied credit carried forward. Empty: found by code and label.
    public var openingJournals: [String]
    /// Written as `terms_days` on the customers the import registers; `nil` leaves the
    /// ledger's default (30 days).
    public var termsDays: Int?
    /// Whether `EcritureLet` becomes payment allocations. Off, every payment settles the
    /// oldest open invoices first, and a payment lettered after it was imported is not a
    /// conflict when a cumulative FEC is imported again.
    public var usesLettering: Bool

    public init(
        salesJournals: [String] = [],
        openingJournals: [String] = [],
        termsDays: Int? = nil,
        usesLettering: Bool = true
    ) {
        self.salesJournals = salesJournals
        self.openingJournals = openingJournals
        self.termsDays = termsDays
        self.usesLettering = usesLettering
    }
}
