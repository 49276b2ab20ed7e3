import EncoursCore

// Each reader takes the fields in the order DESIGN §4 lists them, which is the order their
// problems are reported in.
extension EventFields {
    mutating func customerRegistered() -> Event {
        let customer: CustomerID = requiredID(.customer)
        let profile = profile(legalNameRequired: true)
        return .customerRegistered(CustomerRegistered(customer: customer, profile: profile, on: requiredDay(.on)))
    }

    mutating func customerUpdated() -> Event {
        let customer: CustomerID = requiredID(.customer)
        let profile = profile(legalNameRequired: false)
        let on = requiredDay(.on)
        return .customerUpdated(
            CustomerUpdated(customer: customer, profile: profile, on: on, id: optionalNonEmptyText(.id))
        )
    }

    mutating func creditLimitSet() -> Event {
        .creditLimitSet(
            CreditLimitSet(
                customer: requiredID(.customer),
                limit: requiredAmount(.limit),
                until: optionalDay(.until),
                reason: optionalText(.reason),
                on: requiredDay(.on),
                id: optionalNonEmptyText(.id)
            )
        )
    }

    /// `customer.blocked` and `customer.unblocked` carry the same fields.
    mutating func blockChange() -> CustomerBlockChange {
        CustomerBlockChange(
            customer: requiredID(.customer),
            reason: optionalText(.reason),
            on: requiredDay(.on),
            id: optionalNonEmptyText(.id)
        )
    }

    /// Defaults (terms of 30 days, the `alert` policy) are not filled in: an absent field
    /// stays `nil`, because for `customer.updated` absent means "unchanged" and the ledger
    /// is the one place that knows the defaults.
    private mutating func profile(legalNameRequired: Bool) -> CustomerProfile {
        CustomerProfile(
            legalName: legalNameRequired ? requiredText(.legalName) : optionalNonEmptyText(.legalName),
            tradeName: optionalText(.tradeName),
            siren: optionalText(.siren),
            incorporatedOn: optionalDay(.incorporatedOn),
            salesRep: optionalID(.salesRep),
            termsDays: optionalTermsDays(),
            creditLimit: optionalAmount(.creditLimit),
            policy: optionalChoice(.policy, as: CreditPolicy.self),
            insurer: optionalNonEmptyText(.insurer),
            insurerCover: optionalAmount(.insurerCover)
        )
    }
}
