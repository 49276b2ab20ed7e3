import EncoursCore

/// What a client may do, from its Unix credentials (DESIGN §7). Each role can do what the
/// ones before it can.
public enum Role: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Queries.
    case reader
    /// + orders, notes, promises to pay, reminders: what a sales rep records.
    case sales
    /// + every other event: the invoicing export and imports.
    case feeder
    /// + credit limits, blocks and unblocks: decisions only finance takes.
    case finance

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The role needed to append an event of this type, whatever its fields.
    public static func needed(toAppend type: EventType) -> Role {
        switch type {
        case .creditLimitSet, .customerBlocked, .customerUnblocked: .finance
        case .orderPlaced, .orderCancelled, .noteLogged, .promiseMade, .reminderSent: .sales
        default: .feeder
        }
    }

    /// The role needed to append this event: that of its type, except for the fields that
    /// carry finance's decisions. A `customer.updated` that changes the limit or the policy
    /// is a limit decision (a feeder must not get round `credit_limit.set` by it), so is one
    /// that changes the credit insurer's cover (`insurer_cover`, which the risk file holds the
    /// limit against), and an
    /// `order.placed` with `override` lets through an order the credit check refuses.
    public static func needed(toAppend event: Event) -> Role {
        switch event {
        case .customerUpdated(let updated)
        where updated.profile.creditLimit != nil || updated.profile.policy != nil
            || updated.profile.insurerCover != nil:
            .finance
        case .orderPlaced(let placed) where placed.override != nil:
            .finance
        default:
            needed(toAppend: event.type)
        }
    }

    /// What the event is, as a refusal names it: its type, and the fields that raise the
    /// role it needs (`customer.updated with credit_limit`).
    public static func describe(_ event: Event) -> String {
        switch event {
        case .customerUpdated(let updated)
        where updated.profile.creditLimit != nil || updated.profile.policy != nil
            || updated.profile.insurerCover != nil:
            let fields = [
                updated.profile.creditLimit.map { _ in "credit_limit" }, updated.profile.policy.map { _ in "policy" },
                updated.profile.insurerCover.map { _ in "insurer_cover" },
            ]
            return "customer.updated with \(fields.compactMap { $0 }.joined(separator: " and "))"
        case .orderPlaced(let placed) where placed.override != nil:
            return "order.placed with override"
        default:
            return event.type.rawValue
        }
    }
}
