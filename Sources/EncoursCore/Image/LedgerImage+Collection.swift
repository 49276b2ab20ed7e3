/// The collection part of one ``AccountState`` in an accounts part (see
/// `LedgerImage+Accounts` for its place): reminders with the invoice indices they name, the
/// payments since the first promise, the last contact.
extension LedgerImage {
    static func writeCollection(of state: AccountState, to writer: inout ByteWriter) {
        writer.count(state.reminders.count)
        for reminder in state.reminders {
            writer.string(reminder.level)
            writer.optionalString(reminder.channel)
            writer.day(reminder.day)
            let indices = state.invoiceIndices(of: reminder)
            writer.count(indices.count)
            for index in indices { writer.count(Int(index)) }
        }
        writer.count(state.paymentsSinceFirstPromise.count)
        for payment in state.paymentsSinceFirstPromise {
            writer.day(payment.day)
            writer.money(payment.amount)
        }
        writer.present(state.lastContact != nil)
        if let contact = state.lastContact {
            writer.day(contact.day)
            writer.byte(code(of: contact.kind))
            writer.optionalString(contact.level)
            writer.optionalString(contact.channel)
        }
    }

    /// Reads what ``writeCollection(of:to:)`` wrote, after the invoices and promises: invoice
    /// indices are checked against the invoices, each promise's count of earlier payments
    /// against the payments.
    static func readCollection(into state: inout AccountState, from reader: inout ImageReader)
        throws(LedgerImageError)
    {
        let reminderCount = try reader.count()
        state.reminders.reserveCapacity(reminderCount)
        for _ in 0..<reminderCount {
            let level = try reader.string()
            let channel = try reader.optionalString()
            let day = try reader.day()
            let start = state.reminderInvoices.count
            let invoiceCount = try reader.count()
            for _ in 0..<invoiceCount {
                state.reminderInvoices.append(try reader.index(below: state.invoices.count))
            }
            state.reminders.append(
                ReminderRecord(
                    level: level,
                    channel: channel,
                    day: day,
                    invoiceStart: Int32(start),
                    invoiceCount: Int32(invoiceCount)
                )
            )
        }
        let paymentCount = try reader.count()
        state.paymentsSinceFirstPromise.reserveCapacity(paymentCount)
        for _ in 0..<paymentCount {
            state.paymentsSinceFirstPromise.append(DatedPayment(day: try reader.day(), amount: try reader.money()))
        }
        for promise in state.promises where Int(promise.paymentsBefore) > paymentCount {
            throw LedgerImageError(
                at: nil,
                "promise \"\(promise.id)\" follows \(promise.paymentsBefore) payments of \(paymentCount)"
            )
        }
        if try reader.flag() {
            let day = try reader.day()
            let kind = try readContactKind(from: &reader)
            state.lastContact = ContactRecord(
                day: day,
                kind: kind,
                level: try reader.optionalString(),
                channel: try reader.optionalString()
            )
        }
    }

    private static func readContactKind(from reader: inout ImageReader) throws(LedgerImageError) -> ContactKind {
        let code = try reader.byte()
        switch code {
        case 1: return .reminder
        case 2: return .note
        case 3: return .promise
        default: throw LedgerImageError(at: reader.offset - 1, "contact kind code \(code) is not known")
        }
    }

    /// Explicit codes, so reordering the cases in Core never changes an image's meaning.
    private static func code(of kind: ContactKind) -> UInt8 {
        switch kind {
        case .reminder: 1
        case .note: 2
        case .promise: 3
        }
    }
}
