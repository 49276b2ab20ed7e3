import EncoursCore

/// Reads each event type's fields in the order `EventRecordCodec+Encoding` writes them.
extension EventRecordCodec {
    static func readFields(
        of type: EventType,
        version: UInt8,
        from reader: inout RecordReader
    ) throws(EventRecordError) -> Event {
        switch type {
        case .customerRegistered:
            let customer: CustomerID = try reader.id()
            let profile = try readProfile(from: &reader, version: version)
            let on = try reader.day()
            return .customerRegistered(CustomerRegistered(customer: customer, profile: profile, on: on))
        case .customerUpdated:
            let customer: CustomerID = try reader.id()
            let profile = try readProfile(from: &reader, version: version)
            let on = try reader.day()
            let id = try reader.optionalString()
            return .customerUpdated(CustomerUpdated(customer: customer, profile: profile, on: on, id: id))
        case .creditLimitSet:
            let customer: CustomerID = try reader.id()
            let limit = try reader.money()
            let until = try reader.optionalDay()
            let reason = try reader.optionalString()
            let on = try reader.day()
            let id = try reader.optionalString()
            return .creditLimitSet(
                CreditLimitSet(customer: customer, limit: limit, until: until, reason: reason, on: on, id: id)
            )
        case .customerBlocked, .customerUnblocked:
            let customer: CustomerID = try reader.id()
            let reason = try reader.optionalString()
            let on = try reader.day()
            let id = try reader.optionalString()
            let change = CustomerBlockChange(customer: customer, reason: reason, on: on, id: id)
            return type == .customerBlocked ? .customerBlocked(change) : .customerUnblocked(change)
        case .orderPlaced:
            let customer: CustomerID = try reader.id()
            let order: OrderID = try reader.id()
            let amount = try reader.money()
            let on = try reader.day()
            let override = version >= 2 ? try reader.string() : nil
            return .orderPlaced(
                OrderPlaced(customer: customer, order: order, amount: amount, on: on, override: override)
            )
        case .orderCancelled:
            let order: OrderID = try reader.id()
            let customer: CustomerID? = try reader.optionalID()
            let on = try reader.day()
            return .orderCancelled(OrderCancelled(order: order, customer: customer, on: on))
        case .invoiceIssued:
            let customer: CustomerID = try reader.id()
            let invoice: InvoiceID = try reader.id()
            let amount = try reader.money()
            let on = try reader.day()
            let dueOn = try reader.optionalDay()
            let order: OrderID? = try reader.optionalID()
            return .invoiceIssued(
                InvoiceIssued(customer: customer, invoice: invoice, amount: amount, on: on, dueOn: dueOn, order: order)
            )
        case .creditNoteIssued:
            let customer: CustomerID = try reader.id()
            let creditNote: CreditNoteID = try reader.id()
            let amount = try reader.money()
            let invoice: InvoiceID? = try reader.optionalID()
            let on = try reader.day()
            return .creditNoteIssued(
                CreditNoteIssued(customer: customer, creditNote: creditNote, amount: amount, invoice: invoice, on: on)
            )
        case .paymentReceived:
            let customer: CustomerID = try reader.id()
            let payment: PaymentID = try reader.id()
            let amount = try reader.money()
            let on = try reader.day()
            let count = try reader.count()
            var allocations: [Allocation] = []
            allocations.reserveCapacity(count)
            for _ in 0..<count {
                let invoice: InvoiceID = try reader.id()
                allocations.append(Allocation(invoice: invoice, amount: try reader.money()))
            }
            return .paymentReceived(
                PaymentReceived(customer: customer, payment: payment, amount: amount, on: on, allocations: allocations)
            )
        case .disputeOpened:
            let invoice: InvoiceID = try reader.id()
            let dispute: DisputeID = try reader.id()
            let amount = try reader.optionalMoney()
            let reason = try reader.optionalString()
            let customer: CustomerID? = try reader.optionalID()
            let on = try reader.day()
            return .disputeOpened(
                DisputeOpened(
                    invoice: invoice,
                    dispute: dispute,
                    amount: amount,
                    reason: reason,
                    customer: customer,
                    on: on
                )
            )
        case .disputeResolved:
            let dispute: DisputeID = try reader.id()
            let outcome = try reader.isPresent() ? try readOutcome(from: &reader) : nil
            let customer: CustomerID? = try reader.optionalID()
            let on = try reader.day()
            return .disputeResolved(DisputeResolved(dispute: dispute, outcome: outcome, customer: customer, on: on))
        case .promiseMade:
            let customer: CustomerID = try reader.id()
            let promise: PromiseID = try reader.id()
            let amount = try reader.money()
            let dueOn = try reader.day()
            let invoices: [InvoiceID] = try reader.ids()
            let on = try reader.day()
            return .promiseMade(
                PromiseMade(
                    customer: customer,
                    promise: promise,
                    amount: amount,
                    dueOn: dueOn,
                    invoices: invoices,
                    on: on
                )
            )
        case .reminderSent:
            let customer: CustomerID = try reader.id()
            let level = try reader.string()
            let channel = try reader.optionalString()
            let invoices: [InvoiceID] = try reader.ids()
            let note = try reader.optionalString()
            let on = try reader.day()
            let id = try reader.optionalString()
            return .reminderSent(
                ReminderSent(
                    customer: customer,
                    level: level,
                    channel: channel,
                    invoices: invoices,
                    note: note,
                    on: on,
                    id: id
                )
            )
        case .noteLogged:
            let customer: CustomerID = try reader.id()
            let text = try reader.string()
            let tags = try reader.strings()
            let on = try reader.day()
            let id = try reader.optionalString()
            return .noteLogged(NoteLogged(customer: customer, text: text, tags: tags, on: on, id: id))
        case .creditApplied:
            let customer: CustomerID = try reader.id()
            let invoice: InvoiceID = try reader.id()
            let amount = try reader.money()
            let on = try reader.day()
            let id = try reader.optionalString()
            return .creditApplied(CreditApplied(customer: customer, invoice: invoice, amount: amount, on: on, id: id))
        }
    }

    static func readProfile(from reader: inout RecordReader, version: UInt8) throws(EventRecordError) -> CustomerProfile {
        let legalName = try reader.optionalString()
        let tradeName = try reader.optionalString()
        let siren = try reader.optionalString()
        let incorporatedOn = try reader.optionalDay()
        let salesRep: SalesRepID? = try reader.optionalID()
        let termsDays = try reader.optionalInt()
        let creditLimit = try reader.optionalMoney()
        let policy = try reader.isPresent() ? try readPolicy(from: &reader) : nil
        let insurer = version >= 3 ? try reader.optionalString() : nil
        let insurerCover = version >= 3 ? try reader.optionalMoney() : nil
        // Version 3 is written only for a profile with one of them: one encoding per event.
        guard version < 3 || insurer != nil || insurerCover != nil else {
            throw EventRecordError(
                .unsupportedVersion,
                at: 0,
                "record format version 3 holds a profile without insurer or insurer_cover (version 1 does)"
            )
        }
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

    static func readPolicy(from reader: inout RecordReader) throws(EventRecordError) -> CreditPolicy {
        let code = try reader.byte()
        switch code {
        case 1: return .alert
        case 2: return .block
        default:
            throw EventRecordError(.invalidEnumValue, at: reader.offset - 1, "credit policy code \(code) is not known")
        }
    }

    static func readOutcome(from reader: inout RecordReader) throws(EventRecordError) -> DisputeOutcome {
        let code = try reader.byte()
        switch code {
        case 1: return .rejected
        case 2: return .upheld
        default:
            throw EventRecordError(
                .invalidEnumValue,
                at: reader.offset - 1,
                "dispute outcome code \(code) is not known"
            )
        }
    }
}
