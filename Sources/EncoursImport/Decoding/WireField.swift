/// A field name of the canonical event contract (DESIGN §4), as it is spelled on the wire.
///
/// Keys are matched as bytes against these names, so reading an event builds no `String`
/// for any key; a key that is none of them is an unknown field, kept in the payload and
/// otherwise ignored.
enum WireField: Int, CaseIterable, Sendable {
    case type, id, on, customer
    case legalName, tradeName, siren, incorporatedOn, salesRep, termsDays, creditLimit, policy
    case limit, until, reason
    case order, invoice, creditNote, payment, dispute, promise
    case amount, dueOn, allocations, outcome, invoices, level, channel, note, text, tags
    case override
    case insurer, insurerCover

    static let count = allCases.count

    /// The name on the wire.
    var name: StaticString {
        switch self {
        case .type: "type"
        case .id: "id"
        case .on: "on"
        case .customer: "customer"
        case .legalName: "legal_name"
        case .tradeName: "trade_name"
        case .siren: "siren"
        case .incorporatedOn: "incorporated_on"
        case .salesRep: "sales_rep"
        case .termsDays: "terms_days"
        case .creditLimit: "credit_limit"
        case .policy: "policy"
        case .limit: "limit"
        case .until: "until"
        case .reason: "reason"
        case .order: "order"
        case .invoice: "invoice"
        case .creditNote: "credit_note"
        case .payment: "payment"
        case .dispute: "dispute"
        case .promise: "promise"
        case .amount: "amount"
        case .dueOn: "due_on"
        case .allocations: "allocations"
        case .outcome: "outcome"
        case .invoices: "invoices"
        case .level: "level"
        case .channel: "channel"
        case .note: "note"
        case .text: "text"
        case .tags: "tags"
        case .override: "override"
        case .insurer: "insurer"
        case .insurerCover: "insurer_cover"
        }
    }

    var nameString: String { name.description }

    /// The field a key names, or `nil` for a key the contract does not know.
    ///
    /// Dispatching on the length first leaves at most seven candidates to compare.
    init?(key: UnsafeRawBufferPointer) {
        let candidates: [WireField]
        switch key.count {
        case 2: candidates = [.on, .id]
        case 4: candidates = [.type, .text, .tags, .note]
        case 5: candidates = [.limit, .until, .order, .level, .siren]
        case 6: candidates = [.amount, .reason, .policy, .dueOn]
        case 7: candidates = [.invoice, .payment, .dispute, .promise, .outcome, .channel, .insurer]
        case 8: candidates = [.customer, .invoices, .override]
        case 9: candidates = [.salesRep]
        case 10: candidates = [.legalName, .tradeName, .termsDays]
        case 11: candidates = [.creditNote, .allocations]
        case 12: candidates = [.creditLimit]
        case 13: candidates = [.insurerCover]
        case 15: candidates = [.incorporatedOn]
        default: return nil
        }
        for candidate in candidates where key.matches(candidate.name) {
            self = candidate
            return
        }
        return nil
    }
}

extension UnsafeRawBufferPointer {
    /// Whether these bytes are exactly the UTF-8 of `text`.
    @inline(__always)
    func matches(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<count where self[index] != other[index] {
            return false
        }
        return true
    }
}
