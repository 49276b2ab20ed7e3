/// A `reminder.sent` as the account keeps it: which step (by name), how, when, and for which
/// invoices. Dunning reads these against the scenario in force when it is asked, because
/// the scenario is configuration and may change after the reminders were sent.
public struct ReminderRecord: Sendable, Hashable {
    public var level: String
    public var channel: String?
    public var day: Day
    /// Where the invoices it names start in the account's ``AccountState/reminderInvoices``:
    /// one flat array for all reminders spares an allocation per reminder.
    var invoiceStart: Int32
    /// How many it names; 0: it named none, and concerns every invoice open on its day.
    var invoiceCount: Int32

    public var namesInvoices: Bool { invoiceCount > 0 }
}

/// What kind of event the latest contact with a customer was.
public enum ContactKind: String, Sendable, Hashable, CaseIterable {
    case reminder
    case note
    case promise
}

/// The latest contact with a customer (`reminder.sent`, `note.logged` or `promise.made`), shown
/// beside each dunning action so the person calling knows what was last said.
public struct ContactRecord: Sendable, Hashable {
    public var day: Day
    public var kind: ContactKind
    /// A reminder's level; `nil` for notes and promises.
    public var level: String?
    /// A reminder's channel, when it gave one.
    public var channel: String?

    public init(day: Day, kind: ContactKind, level: String? = nil, channel: String? = nil) {
        self.day = day
        self.kind = kind
        self.level = level
        self.channel = channel
    }
}

/// A payment's date and amount, kept once the customer has made a promise to pay: only the
/// payments after a promise can keep it, so an account without promises keeps none.
public struct DatedPayment: Sendable, Hashable {
    public var day: Day
    public var amount: Money

    public init(day: Day, amount: Money) {
        self.day = day
        self.amount = amount
    }
}
