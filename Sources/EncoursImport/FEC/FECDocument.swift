import EncoursCore

/// A line on a customer account as the ledger will record it: an invoice, a credit note or
/// a payment, with its id, before lettering gives it a target or allocations.
struct FECDocument: Sendable, Hashable {
    /// In the order the ledger must see them on one day: an invoice exists before a credit
    /// note names it and before a payment is allocated to it.
    enum Kind: Int, Sendable, Hashable, Comparable {
        case invoice = 1
        case creditNote = 2
        case payment = 3

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var kind: Kind
    /// The 1-based line in the file it comes from.
    var line: Int
    var id: String
    /// The customer, as its index in the conversion's customer table: lettering groups and
    /// registrations look customers up by it a million times.
    var customer: Int
    /// Positive: the kind says which way the money moves.
    var amount: Money
    var on: Day
    /// `EcritureLet`; empty when not lettered.
    var lettering: String
    /// For a credit note, the invoice its lettering group shows it offsets.
    var invoice: String?
    /// For a payment, the invoices its lettering group shows it settles.
    var allocations: [Allocation] = []

    /// Ledger order: day, then kind, then file order.
    static func precedes(_ lhs: FECDocument, _ rhs: FECDocument) -> Bool {
        if lhs.on != rhs.on { return lhs.on < rhs.on }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.line < rhs.line
    }
}
