/// The `type` of a canonical event (DESIGN §4), with its wire name.
///
/// The raw values are part of the public contract: exports and scripts write them.
public enum EventType: String, Sendable, Hashable, CaseIterable {
    case customerRegistered = "customer.registered"
    case customerUpdated = "customer.updated"
    case creditLimitSet = "credit_limit.set"
    case customerBlocked = "customer.blocked"
    case customerUnblocked = "customer.unblocked"
    case orderPlaced = "order.placed"
    case orderCancelled = "order.cancelled"
    case invoiceIssued = "invoice.issued"
    case creditNoteIssued = "credit_note.issued"
    case paymentReceived = "payment.received"
    case disputeOpened = "dispute.opened"
    case disputeResolved = "dispute.resolved"
    case promiseMade = "promise.made"
    case reminderSent = "reminder.sent"
    case noteLogged = "note.logged"
    case creditApplied = "credit.applied"

    /// Whether events of this type name their own document, which then is their
    /// idempotency key (`invoice.issued:FA-2026-0042`). Other types are keyed by an explicit
    /// `id` or by their content.
    public var namesItsDocument: Bool {
        switch self {
        case .customerRegistered, .orderPlaced, .orderCancelled, .invoiceIssued, .creditNoteIssued,
            .paymentReceived, .disputeOpened, .disputeResolved, .promiseMade:
            true
        case .customerUpdated, .creditLimitSet, .customerBlocked, .customerUnblocked, .reminderSent,
            .noteLogged, .creditApplied:
            false
        }
    }

    /// A stable small number for compact encodings; never reuse one.
    public var code: UInt8 {
        switch self {
        case .customerRegistered: 1
        case .customerUpdated: 2
        case .creditLimitSet: 3
        case .customerBlocked: 4
        case .customerUnblocked: 5
        case .orderPlaced: 6
        case .orderCancelled: 7
        case .invoiceIssued: 8
        case .creditNoteIssued: 9
        case .paymentReceived: 10
        case .disputeOpened: 11
        case .disputeResolved: 12
        case .promiseMade: 13
        case .reminderSent: 14
        case .noteLogged: 15
        case .creditApplied: 16
        }
    }

    public init?(code: UInt8) {
        let index = Int(code) - 1
        guard index >= 0, index < EventType.byCode.count else { return nil }
        self = EventType.byCode[index]
    }

    private static let byCode: [EventType] = allCases.sorted { $0.code < $1.code }
}
