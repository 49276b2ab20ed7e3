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

    /// The role needed to append an event of this type.
    public static func needed(toAppend type: EventType) -> Role {
        switch type {
        case .creditLimitSet, .customerBlocked, .customerUnblocked: .finance
        case .orderPlaced, .orderCancelled, .noteLogged, .promiseMade, .reminderSent: .sales
        default: .feeder
        }
    }
}
