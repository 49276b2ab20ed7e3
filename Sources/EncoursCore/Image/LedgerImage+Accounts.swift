/// One ``AccountState`` in an accounts part, fields in declaration order:
///
/// registered on (optional day); profile (legal name, trade name, siren, incorporated on,
/// sales rep, terms, credit limit, policy, insurer, insurer cover: each optional); limit
/// decisions (count; limit, decided on, until?, reason?); blocked (flag); invoices (count; id, amount, issued on, due
/// on, order?, settled, paid on?, dispute indices); orders (count; id, amount, placed on, invoiced,
/// cancelled on?); disputes (count; id, invoice index, amount, reason?, opened on, resolved
/// on?, outcome?); promises (count; id, amount, made on, due on, invoice ids, payments
/// before); reminders (count; level, channel?, day, invoice indices: count, each);
/// payments since the first promise (count; day, amount); last contact (optional: day,
/// kind, level?, channel?); notes logged; unapplied credit; last day (optional); settlement
/// queue (count, head, invoice indices).
extension LedgerImage {
    static func writeState(_ state: AccountState, to writer: inout ByteWriter) {
        writer.optionalDay(state.registeredOn)
        writeProfile(state.profile, to: &writer)
        writer.count(state.limitDecisions.count)
        for decision in state.limitDecisions {
            writer.money(decision.limit)
            writer.day(decision.decidedOn)
            writer.optionalDay(decision.until)
            writer.optionalString(decision.reason)
        }
        writer.present(state.blocked)
        writer.count(state.invoices.count)
        for invoice in state.invoices {
            writer.string(invoice.id.rawValue)
            writer.money(invoice.amount)
            writer.day(invoice.issuedOn)
            writer.day(invoice.dueOn)
            writer.optionalString(invoice.order?.rawValue)
            writer.money(invoice.settled)
            writer.optionalDay(invoice.paidOn)
            writer.count(invoice.disputes.count)
            for index in invoice.disputes { writer.count(Int(index)) }
        }
        writer.count(state.orders.count)
        for order in state.orders {
            writer.string(order.id.rawValue)
            writer.money(order.amount)
            writer.day(order.placedOn)
            writer.money(order.invoiced)
            writer.optionalDay(order.cancelledOn)
        }
        writer.count(state.disputes.count)
        for dispute in state.disputes {
            writer.string(dispute.id.rawValue)
            writer.count(Int(dispute.invoiceIndex))
            writer.money(dispute.amount)
            writer.optionalString(dispute.reason)
            writer.day(dispute.openedOn)
            writer.optionalDay(dispute.resolvedOn)
            writer.present(dispute.outcome != nil)
            if let outcome = dispute.outcome { writer.byte(code(of: outcome)) }
        }
        writer.count(state.promises.count)
        for promise in state.promises {
            writer.string(promise.id.rawValue)
            writer.money(promise.amount)
            writer.day(promise.madeOn)
            writer.day(promise.dueOn)
            writer.count(promise.invoices.count)
            for invoice in promise.invoices { writer.string(invoice.rawValue) }
            writer.count(Int(promise.paymentsBefore))
        }
        writeCollection(of: state, to: &writer)
        writer.signed(Int64(state.notesLogged))
        writer.money(state.unappliedCredit)
        writer.optionalDay(state.lastDay)
        // The queue is kept as it is rather than rebuilt: its order depends on history
        // (settled invoices stay where they were), and a restored ledger must equal a replayed one.
        writer.count(state.settlementQueue.order.count)
        writer.count(state.settlementQueue.head)
        for index in state.settlementQueue.order { writer.count(Int(index)) }
    }

    static func readState(of customer: CustomerID, from reader: inout ImageReader) throws(LedgerImageError)
        -> AccountState
    {
        var state = AccountState(customer: customer)
        state.registeredOn = try reader.optionalDay()
        state.profile = try readProfile(from: &reader)
        let decisionCount = try reader.count()
        state.limitDecisions.reserveCapacity(decisionCount)
        for _ in 0..<decisionCount {
            state.limitDecisions.append(
                LimitDecision(
                    limit: try reader.money(),
                    decidedOn: try reader.day(),
                    until: try reader.optionalDay(),
                    reason: try reader.optionalString()
                )
            )
        }
        state.blocked = try reader.flag()
        try readInvoices(into: &state, from: &reader)
        try readOrders(into: &state, from: &reader)
        try readDisputes(into: &state, from: &reader)
        try readPromises(into: &state, from: &reader)
        try readCollection(into: &state, from: &reader)
        state.notesLogged = try reader.int()
        state.unappliedCredit = try reader.money()
        state.lastDay = try reader.optionalDay()
        let queueCount = try reader.count()
        let headOffset = reader.offset
        let head = try reader.count()
        guard head <= queueCount else { throw LedgerImageError(at: headOffset, "queue head \(head) is past its end") }
        var order: [Int32] = []
        order.reserveCapacity(queueCount)
        for _ in 0..<queueCount { order.append(try reader.index(below: state.invoices.count)) }
        state.settlementQueue = OpenInvoiceQueue(restoringOrder: order, head: head)
        return state
    }

    private static func writeProfile(_ profile: CustomerProfile, to writer: inout ByteWriter) {
        writer.optionalString(profile.legalName)
        writer.optionalString(profile.tradeName)
        writer.optionalString(profile.siren)
        writer.optionalDay(profile.incorporatedOn)
        writer.optionalString(profile.salesRep?.rawValue)
        writer.present(profile.termsDays != nil)
        if let terms = profile.termsDays { writer.signed(Int64(terms)) }
        writer.optionalMoney(profile.creditLimit)
        writer.present(profile.policy != nil)
        if let policy = profile.policy { writer.byte(code(of: policy)) }
        writer.optionalString(profile.insurer)
        writer.optionalMoney(profile.insurerCover)
    }

    private static func readProfile(from reader: inout ImageReader) throws(LedgerImageError) -> CustomerProfile {
        let legalName = try reader.optionalString()
        let tradeName = try reader.optionalString()
        let siren = try reader.optionalString()
        let incorporatedOn = try reader.optionalDay()
        let salesRep = try reader.optionalString().map { SalesRepID($0) }
        let termsDays = try reader.flag() ? try reader.int() : nil
        let creditLimit = try reader.optionalMoney()
        var policy: CreditPolicy?
        if try reader.flag() {
            let code = try reader.byte()
            switch code {
            case 1: policy = .alert
            case 2: policy = .block
            default: throw LedgerImageError(at: reader.offset - 1, "credit policy code \(code) is not known")
            }
        }
        let insurer = try reader.optionalString()
        let insurerCover = try reader.optionalMoney()
        return CustomerProfile(
            legalName: legalName,
            tradeName: tradeName,
            siren: siren,
            incorporatedOn: incorporatedOn,
            salesRep: salesRep,
            termsDays: termsDays,
            creditLimit: creditLimit,
            policy: policy,
            insurer: insurer,
            insurerCover: insurerCover
        )
    }

    static func readOutcome(from reader: inout ImageReader) throws(LedgerImageError) -> DisputeOutcome {
        let code = try reader.byte()
        switch code {
        case 1: return .rejected
        case 2: return .upheld
        default: throw LedgerImageError(at: reader.offset - 1, "dispute outcome code \(code) is not known")
        }
    }

    /// Explicit codes, so reordering the cases in Core never changes an image's meaning.
    private static func code(of policy: CreditPolicy) -> UInt8 {
        switch policy {
        case .alert: 1
        case .block: 2
        }
    }

    private static func code(of outcome: DisputeOutcome) -> UInt8 {
        switch outcome {
        case .rejected: 1
        case .upheld: 2
        }
    }
}
