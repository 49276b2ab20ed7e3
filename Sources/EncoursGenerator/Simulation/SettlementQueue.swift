import EncoursCore

/// One customer's open invoices in the order unallocated money settles them: earliest due
/// date, then earliest issue date, then invoice id in byte order (DESIGN §5).
///
/// The generator must know every open amount to the cent to write allocations that fit and
/// `credit.applied` amounts the ledger accepts, so it settles exactly as the ledger does.
/// Settled invoices are skipped, and dropped when the list is compacted.
struct SettlementQueue {
    private(set) var entries: [Int32] = []
    private var head = 0

    /// The entries that may still be open, in settlement order.
    var pending: ArraySlice<Int32> { entries[head...] }

    mutating func insert(_ index: Int32, invoices: [SimulatedInvoice]) {
        let new = invoices[Int(index)]
        var position = entries.count
        while position > head, SettlementQueue.settlesBefore(new, invoices[Int(entries[position - 1])]) {
            position -= 1
        }
        entries.insert(index, at: position)
    }

    /// Applies up to `cents` to open invoices in settlement order; returns what is left over.
    mutating func settle(_ cents: Int64, invoices: inout [SimulatedInvoice]) -> Int64 {
        var remaining = cents
        var position = head
        while remaining > 0, position < entries.count {
            let index = Int(entries[position])
            let applied = min(invoices[index].openCents, remaining)
            if applied > 0 {
                invoices[index].openCents -= applied
                remaining -= applied
            }
            position += 1
        }
        while head < entries.count, invoices[Int(entries[head])].openCents == 0 {
            head += 1
        }
        return remaining
    }

    /// Drops settled invoices, keeping the order of the others.
    mutating func compact(invoices: [SimulatedInvoice]) {
        var kept: [Int32] = []
        kept.reserveCapacity(entries.count - head)
        for index in entries[head...] where invoices[Int(index)].openCents > 0 {
            kept.append(index)
        }
        entries = kept
        head = 0
    }

    static func settlesBefore(_ lhs: SimulatedInvoice, _ rhs: SimulatedInvoice) -> Bool {
        if lhs.dueOn != rhs.dueOn { return lhs.dueOn < rhs.dueOn }
        if lhs.issuedOn != rhs.issuedOn { return lhs.issuedOn < rhs.issuedOn }
        return lhs.id < rhs.id
    }
}
