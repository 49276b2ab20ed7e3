import EncoursCore

/// What one line of a CSV export records: the four kinds of document an invoicing tool
/// exports, each becoming one event.
public enum CSVDocumentKind: String, Sendable, Hashable, CaseIterable {
    case invoice
    case creditNote = "credit_note"
    case payment
    case order

    /// The event a line of this kind becomes (a negative invoice may become a credit note).
    public var eventType: EventType {
        switch self {
        case .invoice: .invoiceIssued
        case .creditNote: .creditNoteIssued
        case .payment: .paymentReceived
        case .order: .orderPlaced
        }
    }
}

extension CSVDocumentKind {
    /// In words, for messages: `credit note`.
    var words: String {
        switch self {
        case .invoice: "invoice"
        case .creditNote: "credit note"
        case .payment: "payment"
        case .order: "order"
        }
    }
}
