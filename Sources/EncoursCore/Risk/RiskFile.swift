/// One customer's risk file ("fiche risque client") on a date: its legal identity as the
/// ledger knows it, its age, its limit against its credit insurance, and the flags that
/// follow (docs/definitions.md, "Customer risk file").
public struct RiskFile: Sendable, Hashable {
    public var asOf: Day
    public var customer: CustomerID
    public var legalName: String?
    public var tradeName: String?
    /// The trade name is given and is not the legal name (ignoring case and surrounding
    /// spaces): the name on orders is not the one to look up or to sue.
    public var tradeNameDiffers: Bool
    public var siren: String?
    /// `nil` when no SIREN is given.
    public var sirenValid: Bool?
    public var incorporatedOn: Day?
    /// Whole years from incorporation to `asOf`; `nil` when the date is not known.
    public var ageYears: Int?
    /// The effective limit on `asOf` (a `credit_limit.set` in force, else the registered one).
    public var limit: Money?
    public var insurer: String?
    public var insurerCover: Money?
    /// In ``RiskFlag`` order.
    public var flags: [RiskFlag]
}

extension AccountState {
    /// This account's risk file on `day`; the state must be the account as of `day`.
    public func riskFile(asOf day: Day) -> RiskFile {
        let legalName = profile.legalName.flatMap(RiskFile.nonBlank)
        let tradeName = profile.tradeName.flatMap(RiskFile.nonBlank)
        let siren = profile.siren.flatMap(RiskFile.nonBlank)
        let sirenValid = siren.map(SirenCheck.isValid)
        let ageYears = profile.incorporatedOn.map { $0.wholeYears(until: day) }
        let limit = effectiveLimit(on: day)
        var flags: [RiskFlag] = []
        if let incorporated = profile.incorporatedOn,
            day < incorporated.adding(years: RiskFlag.youngCompanyYears)
        {
            flags.append(.youngCompany)
        }
        if legalName == nil || siren == nil || profile.incorporatedOn == nil { flags.append(.missingLegalIdentity) }
        if sirenValid == false { flags.append(.invalidSiren) }
        if let limit, let cover = profile.insurerCover, limit > cover { flags.append(.limitAboveCover) }
        return RiskFile(
            asOf: day,
            customer: customer,
            legalName: profile.legalName,
            tradeName: profile.tradeName,
            tradeNameDiffers: tradeName.map { RiskFile.folded($0) != legalName.map(RiskFile.folded) } ?? false,
            siren: profile.siren,
            sirenValid: sirenValid,
            incorporatedOn: profile.incorporatedOn,
            ageYears: ageYears,
            limit: limit,
            insurer: profile.insurer,
            insurerCover: profile.insurerCover,
            flags: flags
        )
    }
}

extension RiskFile {
    /// The text without surrounding white space, or `nil` when nothing is left: a name of
    /// spaces is no name.
    static func nonBlank(_ text: String) -> String? {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return String(text[first...last])
    }

    static func folded(_ name: String) -> String {
        name.lowercased()
    }
}

/// Risk files of several customers: every one registered by the date, or only those with a
/// flag (`flagged=true`), by customer id.
public struct RiskReport: Sendable, Hashable {
    public var asOf: Day
    public var flaggedOnly: Bool
    public var customers: [RiskFile]
}

extension Ledger {
    /// One customer's risk file on `day`, or `nil` when it is not registered by then.
    public func riskFile(_ customer: CustomerID, asOf day: Day) -> RiskFile? {
        guard let account = account(customer), let state = state(of: account, asOf: day) else { return nil }
        return state.riskFile(asOf: day)
    }

    /// The risk files of every customer registered by `day` (or one), in customer-id order;
    /// with `flaggedOnly`, those with at least one flag.
    public func risk(asOf day: Day, customer: CustomerID? = nil, flaggedOnly: Bool = false) -> RiskReport {
        var files: [RiskFile] = []
        for account in accountsInOrder(only: customer) {
            guard let state = state(of: account, asOf: day) else { continue }
            let file = state.riskFile(asOf: day)
            if flaggedOnly && file.flags.isEmpty { continue }
            files.append(file)
        }
        return RiskReport(asOf: day, flaggedOnly: flaggedOnly, customers: files)
    }
}
