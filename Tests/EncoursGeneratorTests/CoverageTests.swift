import EncoursCore
import EncoursGenerator
import Testing

/// The generated ledger exercises every part of the contract, in realistic proportions.
@Suite struct CoverageTests {
    @Test func everyEventTypeAppearsInAModestLedger() {
        let types = Set(Generated.modestEvents.map(\.type))
        #expect(types == Set(EventType.allCases), "missing: \(Set(EventType.allCases).subtracting(types))")
    }

    @Test(arguments: [(1, 0), (1, 1), (3, 10), (50, 2_000), (200, 150), (7, 5_000)])
    func issuesExactlyTheConfiguredInvoices(customers: Int, invoices: Int) {
        let events = Generated.events(GeneratorConfiguration(customers: customers, invoices: invoices, seed: 9))
        #expect(events.filter { $0.type == .invoiceIssued }.count == invoices)
        #expect(events.filter { $0.type == .customerRegistered }.count == customers)
    }

    @Test func eventsAreAboutTwoAndAHalfPerInvoice() {
        let ratio = Double(Generated.modestEvents.count) / 2_000
        #expect(ratio > 2.0 && ratio < 3.2, "\(ratio) events per invoice")
    }

    @Test func variantsTheContractAllowsAllOccur() {
        var seen: Set<String> = []
        for event in Generated.modestEvents {
            switch event {
            case .customerRegistered(let registered):
                if registered.profile.creditLimit == nil { seen.insert("no limit") }
                if registered.profile.creditLimit == .zero { seen.insert("zero limit") }
                if registered.profile.policy == .block { seen.insert("block policy") }
            case .creditLimitSet(let decision):
                seen.insert(decision.until == nil ? "permanent limit" : "temporary limit")
            case .invoiceIssued(let issued):
                seen.insert(issued.order == nil ? "invoice without order" : "invoice on order")
                if issued.dueOn != nil { seen.insert("explicit due date") }
            case .paymentReceived(let payment):
                seen.insert(payment.allocations.isEmpty ? "unallocated payment" : "allocated payment")
                let allocated = payment.allocations.reduce(Money.zero) { $0 + $1.amount }
                if !payment.allocations.isEmpty, allocated < payment.amount { seen.insert("over-payment") }
            case .creditNoteIssued(let note):
                seen.insert(note.invoice == nil ? "credit note on account" : "credit note on invoice")
            case .disputeOpened(let opened):
                seen.insert(opened.amount == nil ? "dispute in full" : "dispute with amount")
            case .disputeResolved(let resolved):
                seen.insert("dispute \(resolved.outcome?.rawValue ?? "nil")")
            case .reminderSent(let reminder):
                seen.insert(reminder.level)
                seen.insert(reminder.channel ?? "no channel")
            default:
                break
            }
        }
        let expected: Set<String> = [
            "no limit", "zero limit", "block policy", "permanent limit", "temporary limit", "invoice without order",
            "invoice on order", "explicit due date", "unallocated payment", "allocated payment", "over-payment",
            "credit note on account", "credit note on invoice", "dispute in full", "dispute with amount",
            "dispute upheld", "dispute rejected", "pre_due", "reminder_1", "reminder_2", "formal_notice", "litigation",
            "email", "phone", "letter", "registered_letter",
        ]
        #expect(expected.subtracting(seen).isEmpty, "missing: \(expected.subtracting(seen))")
    }

    @Test func someOrdersAreInvoicedSeveralTimes() {
        var invoicesPerOrder: [OrderID: Int] = [:]
        for case .invoiceIssued(let issued) in Generated.modestEvents {
            if let order = issued.order { invoicesPerOrder[order, default: 0] += 1 }
        }
        #expect(invoicesPerOrder.values.contains { $0 >= 2 })
    }
}
