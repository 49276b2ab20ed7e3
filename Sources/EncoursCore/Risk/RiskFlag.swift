/// What the customer risk file points out to a credit manager before a limit is set or
/// raised: each flag is a question to answer, not a decision.
///
/// The raw values are the contract's (docs/definitions.md, "Customer risk file"); the cases
/// are listed, and reported, in this order.
public enum RiskFlag: String, Sendable, Hashable, CaseIterable {
    /// Incorporated less than 3 years before the date: young companies fail most often.
    case youngCompany = "young_company"
    /// No legal name, no SIREN or no incorporation date: the company cannot be looked up,
    /// nor its age checked.
    case missingLegalIdentity = "missing_legal_identity"
    /// A SIREN is given but is not 9 digits with a valid check digit: likely a typo, so
    /// every lookup made with it found another company or none.
    case invalidSiren = "invalid_siren"
    /// The effective credit limit is above what the credit insurer covers: the excess is a
    /// risk the company carries alone.
    case limitAboveCover = "limit_above_cover"

    /// The age under which a company is flagged young, in whole years.
    public static let youngCompanyYears = 3
}
