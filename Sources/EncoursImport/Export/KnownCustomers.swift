import EncoursCore

/// Which customers the ledger already has, as an export reader needs to know.
///
/// Exports repeat the customer on every document; a reader registers a customer it meets
/// for the first time, and must not register again one the ledger knows (from an earlier
/// export, or entered by hand with other details): that would be a conflicting duplicate.
public struct KnownCustomers: Sendable {
    private let isKnown: @Sendable (CustomerID) -> Bool

    public init(_ isKnown: @escaping @Sendable (CustomerID) -> Bool) {
        self.isKnown = isKnown
    }

    /// An empty ledger's: every customer is new.
    public static let none = KnownCustomers { _ in false }

    /// The customers of `ledger` (a value: later appends do not change the answer).
    public init(_ ledger: Ledger) {
        self.init { ledger.account($0) != nil }
    }

    public func contains(_ customer: CustomerID) -> Bool { isKnown(customer) }
}
