/// What a customer's order gets when it would take exposure over the credit limit.
public enum CreditPolicy: String, Sendable, Hashable, CaseIterable {
    /// The order passes with a warning.
    case alert
    /// The order is refused.
    case block
}

/// The facts a customer record carries; every field optional so that `customer.updated`
/// can change any of them and leave the rest as they were.
public struct CustomerProfile: Sendable, Hashable {
    public var legalName: String?
    public var tradeName: String?
    /// The French company number (9 digits), kept as given.
    public var siren: String?
    public var incorporatedOn: Day?
    public var salesRep: SalesRepID?
    public var termsDays: Int?
    /// Absent: no limit decided yet; zero: no credit granted.
    public var creditLimit: Money?
    public var policy: CreditPolicy?
    /// The credit insurer that covers this customer (its name, as given).
    public var insurer: String?
    /// The amount the credit insurer covers on this customer: a limit above it is a risk
    /// the company carries alone.
    public var insurerCover: Money?

    public init(
        legalName: String? = nil,
        tradeName: String? = nil,
        siren: String? = nil,
        incorporatedOn: Day? = nil,
        salesRep: SalesRepID? = nil,
        termsDays: Int? = nil,
        creditLimit: Money? = nil,
        policy: CreditPolicy? = nil,
        insurer: String? = nil,
        insurerCover: Money? = nil
    ) {
        self.legalName = legalName
        self.tradeName = tradeName
        self.siren = siren
        self.incorporatedOn = incorporatedOn
        self.salesRep = salesRep
        self.termsDays = termsDays
        self.creditLimit = creditLimit
        self.policy = policy
        self.insurer = insurer
        self.insurerCover = insurerCover
    }
}

/// `customer.registered`: a customer account opens. `legalName` is required on the wire.
public struct CustomerRegistered: Sendable, Hashable {
    public var customer: CustomerID
    public var profile: CustomerProfile
    public var on: Day

    public init(customer: CustomerID, profile: CustomerProfile, on: Day) {
        self.customer = customer
        self.profile = profile
        self.on = on
    }
}

/// `customer.updated`: the given fields of the profile change from `on`.
public struct CustomerUpdated: Sendable, Hashable {
    public var customer: CustomerID
    public var profile: CustomerProfile
    public var on: Day
    public var id: String?

    public init(customer: CustomerID, profile: CustomerProfile, on: Day, id: String? = nil) {
        self.customer = customer
        self.profile = profile
        self.on = on
        self.id = id
    }
}

/// `credit_limit.set`: finance decides a limit, permanent or (with `until`) temporary.
public struct CreditLimitSet: Sendable, Hashable {
    public var customer: CustomerID
    public var limit: Money
    /// The last day a temporary limit is in force; the previous limit returns the day after.
    public var until: Day?
    public var reason: String?
    public var on: Day
    public var id: String?

    public init(
        customer: CustomerID,
        limit: Money,
        until: Day? = nil,
        reason: String? = nil,
        on: Day,
        id: String? = nil
    ) {
        self.customer = customer
        self.limit = limit
        self.until = until
        self.reason = reason
        self.on = on
        self.id = id
    }
}

/// `customer.blocked` and `customer.unblocked`: finance stops or allows new orders.
public struct CustomerBlockChange: Sendable, Hashable {
    public var customer: CustomerID
    public var reason: String?
    public var on: Day
    public var id: String?

    public init(customer: CustomerID, reason: String? = nil, on: Day, id: String? = nil) {
        self.customer = customer
        self.reason = reason
        self.on = on
        self.id = id
    }
}
