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
    let newPositions: [CustomerID: [Int32]]
    let streamOrder: [CustomerID]
    let streams: [CustomerID]
    let unresolved: [BatchRejection.Item]

    /// The positions of the accounts to check, in the order results are put together.
    public var accounts: Range<Int> { 0..<streamOrder.count }

    /// `accounts` cut into `count` consecutive parts holding about as many new entries each.
    public func parts(_ count: Int) -> [Range<Int>] {
        let total = streamOrder.reduce(0) { $0 + newPositions[$1]!.count }
        let share = max(1, total / max(1, count))
        var parts: [Range<Int>] = []
        var start = 0
        var filled = 0
        for (index, stream) in streamOrder.enumerated() {
            filled += newPositions[stream]!.count
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
