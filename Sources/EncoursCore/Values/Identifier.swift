/// A kind of document or party that an ``Identifier`` names, so an invoice id can never be
/// passed where a customer id is expected.
public protocol IdentifierKind: Sendable {}

/// The id of a customer, document or sales rep, as the invoicing system spells it.
///
/// Ids are opaque non-empty strings. They sort in byte order of their UTF-8, the order the
/// query results promise ("rows are sorted by customer id (byte order)").
public struct Identifier<Kind: IdentifierKind>: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    @inlinable
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    @inlinable
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    @inlinable
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

public enum CustomerKind: IdentifierKind {}
public enum OrderKind: IdentifierKind {}
public enum InvoiceKind: IdentifierKind {}
public enum CreditNoteKind: IdentifierKind {}
public enum PaymentKind: IdentifierKind {}
public enum DisputeKind: IdentifierKind {}
public enum PromiseKind: IdentifierKind {}
public enum SalesRepKind: IdentifierKind {}

public typealias CustomerID = Identifier<CustomerKind>
public typealias OrderID = Identifier<OrderKind>
public typealias InvoiceID = Identifier<InvoiceKind>
public typealias CreditNoteID = Identifier<CreditNoteKind>
public typealias PaymentID = Identifier<PaymentKind>
public typealias DisputeID = Identifier<DisputeKind>
public typealias PromiseID = Identifier<PromiseKind>
public typealias SalesRepID = Identifier<SalesRepKind>
