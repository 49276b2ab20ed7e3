import EncoursCore

/// How a customer pays, decided once when the ledger is laid out: the habits a credit
/// manager learns to expect from each account.
enum PaymentBehaviour {
    /// Pays around the due date, sometimes early.
    case punctual
    /// Pays a few days to a month late.
    case late
    /// Pays one to three months late, after reminders and promises.
    case chronic
    /// Rarely pays at all: formal notices, litigation.
    case defaulting
}

/// A customer's fixed traits: size, habits and the slots its invoices fall on.
struct CustomerPlan {
    let registeredOn: Day
    /// Invoices the customer receives over the period: its share of the configured total.
    let invoiceQuota: Int
    let isKeyAccount: Bool
    let behaviour: PaymentBehaviour
    /// Chance in percent that a payment comes with explicit allocations (a remittance advice).
    let allocationPercent: Int
    /// Day of the month of the customer's payment run (31: month end), or 0 when it pays
    /// invoice by invoice.
    let paymentRunDay: Int
    /// Whether finance letters its unapplied credit after the fact (`credit.applied`).
    /// Payments of such customers are never recorded late, so late recording cannot
    /// invalidate a `credit.applied`.
    let appliesCreditLater: Bool
    let sendsPreDueReminders: Bool
    /// Typical invoice size relative to the median, in thousandths.
    let ticketScalePermille: Int64
    /// The weekday (0 = Monday) of the customer's weekly dunning review.
    let reviewWeekday: Int
}

/// A customer account as the simulation tracks it.
struct SimulatedCustomer {
    let id: CustomerID
    let plan: CustomerPlan
    var termsDays: Int
    var salesRep: Int
    var limitCents: Int64?
    var policy: CreditPolicy
    var invoicesIssuedOrPlanned = 0
    var settlement = SettlementQueue()
    /// Payments and credit notes on account, exactly as the ledger will hold them.
    var unappliedCents: Int64 = 0
    var blocked = false
    var lastBlockChange: Day?
    var creditApplicationScheduled = false
    /// Pending payment runs: the day and the batch of invoices it will pay.
    var paymentRuns: [(day: Day, batch: Int32)] = []

    var salesRepID: SalesRepID {
        SalesRepID("REP" + DocumentNumbering.padded(salesRep, width: 2))
    }
}
