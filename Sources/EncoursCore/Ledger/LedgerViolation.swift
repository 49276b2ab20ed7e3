/// Why an event cannot take its place in the ledger (DESIGN §5): an unknown or later-dated
/// reference, a document of another customer, over-allocation, and the like.
///
/// Violations are found before anything is appended, so a file with one is refused whole.
/// `code` is stable for scripts; `message` is for people.
public struct LedgerViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable reasons, in the order they are checked.
    public enum Code: String, Sendable, Hashable {
        case customerNotRegistered = "customer_not_registered"
        case customerAlreadyRegistered = "customer_already_registered"
        case unknownDocument = "unknown_document"
        case documentOfAnotherCustomer = "document_of_another_customer"
        case documentAlreadyExists = "document_already_exists"
        case orderAlreadyCancelled = "order_already_cancelled"
        case disputeAlreadyResolved = "dispute_already_resolved"
        case allocationsExceedPayment = "allocations_exceed_payment"
        case creditExceedsUnapplied = "credit_exceeds_unapplied"
        case invalidDates = "invalid_dates"
        case recordedEventInvalidated = "recorded_event_invalidated"
    }

    public var code: Code
    /// The sequence of the entry at fault (provisional for a batch being checked).
    public var sequence: Int64
    /// The wire name of the field at fault (`allocations[1].invoice`), when one is.
    public var field: String?
    public var message: String

    public init(code: Code, sequence: Int64, field: String?, message: String) {
        self.code = code
        self.sequence = sequence
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { "field \"\(field)\": \(message)" } else { message }
    }
}
