import EncoursCore

/// FNV-1a over each event's type, date, identity, customer and amounts: a portable digest
/// of a generated ledger.
enum Fingerprint {
    static let expectedSmallLedger: UInt64 = 3_577_544_230_914_648_466

    static func of(_ events: [Event]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            }
            hash = (hash ^ 0x1F) &* 0x100_0000_01B3
        }
        for event in events {
            mix(event.type.rawValue)
            mix(event.on.description)
            mix(event.identity ?? "-")
            mix(event.namedCustomer?.rawValue ?? "-")
            for amount in amounts(event) { mix(amount.decimalString) }
        }
        return hash
    }

    private static func amounts(_ event: Event) -> [Money] {
        switch event {
        case .invoiceIssued(let issued): [issued.amount]
        case .paymentReceived(let payment): [payment.amount] + payment.allocations.map(\.amount)
        case .creditNoteIssued(let note): [note.amount]
        case .creditApplied(let credit): [credit.amount]
        case .orderPlaced(let order): [order.amount]
        case .promiseMade(let promise): [promise.amount]
        case .creditLimitSet(let decision): [decision.limit]
        case .disputeOpened(let opened): opened.amount.map { [$0] } ?? []
        default: []
        }
    }
}
