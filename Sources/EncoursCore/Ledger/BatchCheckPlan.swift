/// A batch laid out for its check (``Ledger/plan(_:resolution:)``): the customers it
/// touches and each one's new entries, so that their accounts can be checked apart, on
/// several cores, and the results put together (``Ledger/finish(_:checking:)``).
///
/// A million-event import checked every account on one core for about a second while the
/// other waited; accounts do not depend on each other once the batch's documents have
/// their customers.
public struct BatchCheckPlan: Sendable {
    let firstSequence: Int64
    let eventCount: Int
    let view: OwnerView
    let lookup: EntryLookup
    /// The customers the batch touches, in order of first appearance.
    let streamOrder: [CustomerID]
    /// Each one's new entries (positions in `lookup`), in batch order, by its place in
    /// `streamOrder`.
    let newPositions: [[Int32]]
    let streams: [CustomerID]
    let unresolved: [BatchRejection.Item]

    /// The positions of the accounts to check, in the order results are put together.
    public var accounts: Range<Int> { 0..<streamOrder.count }

    /// `accounts` cut into `count` consecutive parts holding about as many new entries each.
    public func parts(_ count: Int) -> [Range<Int>] {
        let total = newPositions.reduce(0) { $0 + $1.count }
        let share = max(1, total / max(1, count))
        var parts: [Range<Int>] = []
        var start = 0
        var filled = 0
        for (index, positions) in newPositions.enumerated() {
            filled += positions.count
            if filled >= share * (parts.count + 1), parts.count < count - 1 {
                parts.append(start..<(index + 1))
                start = index + 1
            }
        }
        parts.append(start..<streamOrder.count)
        return parts
    }
}

/// Some accounts of a ``BatchCheckPlan`` as the batch leaves them, and what it breaks there.
public struct CheckedAccounts: Sendable {
    var accounts: [CustomerAccount] = []
    var rejected: [BatchRejection.Item] = []
}
