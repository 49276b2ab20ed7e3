import EncoursCore

/// An invoice as the simulation tracks it: its open amount to the cent, exactly as the
/// ledger will compute it (DESIGN §5), and the customer's intentions for it.
struct SimulatedInvoice {
    let id: InvoiceID
    let customer: Int32
    let amountCents: Int64
    var openCents: Int64
    let issuedOn: Day
    let dueOn: Day
    /// The day a payment action for it is due to run; actions on other days skip it.
    var plannedPaymentOn: Day?
    /// An unresolved dispute: the customer withholds payment and dunning leaves it alone.
    var disputed = false
    /// The furthest dunning step already sent for it.
    var dunningLevel = DunningLevel.none
}

/// An order and the invoices still to come for it.
struct SimulatedOrder {
    let id: OrderID
    let customer: Int32
    let amountCents: Int64
    /// What will be invoiced in all: the amount, or less when the rest is cancelled or
    /// stays on back order.
    let plannedInvoicingCents: Int64
    var invoicedCents: Int64 = 0
    var invoicesToCome: Int
    /// Cancel what is left once the last planned invoice is out.
    let cancelsRest: Bool
    var cancelled = false
}

/// A dispute on an invoice, and the amount an upheld one credits.
struct SimulatedDispute {
    let id: DisputeID
    let invoice: Int32
    /// The given amount, or the invoice's open amount when it was opened.
    let amountCents: Int64
}

/// The steps of the dunning scenario, in escalation order, with their wire names.
enum DunningLevel: UInt8, Comparable, CaseIterable {
    case none, preDue, reminder1, reminder2, formalNotice, litigation

    static func < (lhs: DunningLevel, rhs: DunningLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    var name: String {
        switch self {
        case .none: ""
        case .preDue: "pre_due"
        case .reminder1: "reminder_1"
        case .reminder2: "reminder_2"
        case .formalNotice: "formal_notice"
        case .litigation: "litigation"
        }
    }
}
