import EncoursCore
import EncoursTestSupport
import Testing

/// A `credit_note.issued` event.
func creditNote(_ id: CreditNoteID, _ customer: CustomerID, _ amount: String, on: String, invoice: InvoiceID? = nil)
    -> Event
{
    .creditNoteIssued(
        CreditNoteIssued(customer: customer, creditNote: id, amount: eur(amount), invoice: invoice, on: day(on))
    )
}

/// Builds a ledger by checking and committing each event in turn, as the daemon does.
func appendOneByOne(_ events: [Event]) throws -> Ledger {
    var ledger = Ledger()
    for event in events {
        switch ledger.prepare([event]) {
        case .success(let batch): ledger.commit(batch)
        case .failure(let rejection): throw rejection
        }
    }
    return ledger
}

/// Builds a ledger as a cold start does: replaying a log in sequence order.
func replayed(_ events: [Event]) throws -> Ledger {
    let checked = try appendOneByOne(events)
    var replay = LedgerReplay()
    // Streams as the log recorded them, in log order.
    var entries: [(Int64, CustomerID, Event)] = []
    for account in checked.accounts {
        for entry in checked.entries(of: account) { entries.append((entry.sequence, account.customer, entry.event)) }
    }
    for (sequence, stream, event) in entries.sorted(by: { $0.0 < $1.0 }) {
        replay.add(sequence: sequence, stream: stream, event: event)
    }
    return try replay.finish()
}

/// The violations a batch meets, or none.
func violations(of events: [Event], after recorded: [Event] = []) throws -> [BatchRejection.Item] {
    let ledger = try appendOneByOne(recorded)
    switch ledger.prepare(events) {
    case .success: return []
    case .failure(let rejection): return rejection.items
    }
}
