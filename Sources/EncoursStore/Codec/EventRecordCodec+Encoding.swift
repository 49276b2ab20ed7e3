import EncoursCore

/// The field order of each event type in format version 1 (and 2, which adds `order.placed`'s
/// `override`, and 3, which adds a profile's `insurer` and `insurer_cover`). Decoding
/// (`EventRecordCodec+Decoding`) reads them in exactly this order.
extension EventRecordCodec {
    static func writeFields(of event: Event, to writer: inout ByteWriter) {
        switch event {
        case .customerRegistered(let event):
            writer.string(event.customer.rawValue)
            writeProfile(event.profile, to: &writer)
            writer.day(event.on)
        case .customerUpdated(let event):
            writer.string(event.customer.rawValue)
            writeProfile(event.profile, to: &writer)
            writer.day(event.on)
            writer.optionalString(event.id)
        case .creditLimitSet(let event):
            writer.string(event.customer.rawValue)
            writer.money(event.limit)
            writer.optionalDay(event.until)
            writer.optionalString(event.reason)
            writer.day(event.on)
            writer.optionalString(event.id)
        case .customerBlocked(let event), .customerUnblocked(let event):
            writer.string(event.customer.rawValue)
            writer.optionalString(event.reason)
            writer.day(event.on)
            writer.optionalString(event.id)
        case .orderPlaced(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.order.rawValue)
            writer.money(event.amount)
            writer.day(event.on)
            // Version 2 only (see ``EventRecordCodec/version(of:)``): present by definition.
            if let override = event.override { writer.string(override) }
        case .orderCancelled(let event):
            writer.string(event.order.rawValue)
            writer.optionalID(event.customer)
            writer.day(event.on)
        case .invoiceIssued(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.invoice.rawValue)
            writer.money(event.amount)
            writer.day(event.on)
            writer.optionalDay(event.dueOn)
            writer.optionalID(event.order)
        case .creditNoteIssued(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.creditNote.rawValue)
            writer.money(event.amount)
            writer.optionalID(event.invoice)
            writer.day(event.on)
        case .paymentReceived(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.payment.rawValue)
            writer.money(event.amount)
            writer.day(event.on)
            writer.count(event.allocations.count)
            for allocation in event.allocations {
                writer.string(allocation.invoice.rawValue)
                writer.money(allocation.amount)
            }
        case .disputeOpened(let event):
            writer.string(event.invoice.rawValue)
            writer.string(event.dispute.rawValue)
            writer.optionalMoney(event.amount)
            writer.optionalString(event.reason)
            writer.optionalID(event.customer)
            writer.day(event.on)
        case .disputeResolved(let event):
            writer.string(event.dispute.rawValue)
            writer.present(event.outcome != nil)
            if let outcome = event.outcome { writer.byte(code(of: outcome)) }
            writer.optionalID(event.customer)
            writer.day(event.on)
        case .promiseMade(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.promise.rawValue)
            writer.money(event.amount)
            writer.day(event.dueOn)
            writer.ids(event.invoices)
            writer.day(event.on)
        case .reminderSent(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.level)
            writer.optionalString(event.channel)
            writer.ids(event.invoices)
            writer.optionalString(event.note)
            writer.day(event.on)
            writer.optionalString(event.id)
        case .noteLogged(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.text)
            writer.count(event.tags.count)
            for tag in event.tags { writer.string(tag) }
            writer.day(event.on)
            writer.optionalString(event.id)
        case .creditApplied(let event):
            writer.string(event.customer.rawValue)
            writer.string(event.invoice.rawValue)
            writer.money(event.amount)
            writer.day(event.on)
            writer.optionalString(event.id)
        }
    }

    static func writeProfile(_ profile: CustomerProfile, to writer: inout ByteWriter) {
        writer.optionalString(profile.legalName)
        writer.optionalString(profile.tradeName)
        writer.optionalString(profile.siren)
        writer.optionalDay(profile.incorporatedOn)
        writer.optionalID(profile.salesRep)
        writer.optionalSigned(profile.termsDays)
        writer.optionalMoney(profile.creditLimit)
        writer.present(profile.policy != nil)
        if let policy = profile.policy { writer.byte(code(of: policy)) }
        // Version 3 only (see ``EventRecordCodec/version(of:)``).
        if profile.needsInsurerFields {
            writer.optionalString(profile.insurer)
            writer.optionalMoney(profile.insurerCover)
        }
    }

    /// Explicit codes, so reordering or adding cases in Core never changes stored bytes.
    static func code(of policy: CreditPolicy) -> UInt8 {
        switch policy {
        case .alert: 1
        case .block: 2
        }
    }

    static func code(of outcome: DisputeOutcome) -> UInt8 {
        switch outcome {
        case .rejected: 1
        case .upheld: 2
        }
    }
}

extension CustomerProfile {
    /// Whether the profile names a credit insurer or its cover: only then is its record
    /// written in format version 3.
    var needsInsurerFields: Bool { insurer != nil || insurerCover != nil }
}
