/// The statement of account ("relevé de compte") of one customer on a date: who it is, every
/// open invoice, every payment or credit note with credit still unapplied, the ageing, the
/// late-payment penalties accrued, and the total due (docs/definitions.md, "Statement of
/// account"). It is what a reminder letter encloses.
public struct AccountStatement: Sendable, Hashable {
    public var asOf: Day
    public var currency: String
    /// The company sending it, for the letterhead.
    public var letterhead: StatementLetterhead
    public var customer: CustomerID
    public var legalName: String?
    public var tradeName: String?
    public var siren: String?
    public var termsDays: Int
    /// Invoices with an open amount, by due date, then issue date, then id.
    public var invoices: [CustomerDetail.OpenInvoice]
    /// Payments and credit notes with credit not yet applied, in timeline order.
    public var credits: [UnappliedCreditDocument]
    public var bucketNames: [String]
    /// The customer's ageing line, with the configured buckets.
    public var ageing: AgeingLine
    /// Every invoice late on the date, open or paid late, by due date then id.
    public var penalties: [PenaltyLine]
    public var penaltyTotals: PenaltyTotals

    /// Receivables: open amounts − unapplied credit. Penalties are shown apart, never in it:
    /// they are claimed, not booked.
    public var totalDue: Money { ageing.total }

    /// Sum of the open invoices' open amounts.
    public var openTotal: Money { invoices.reduce(into: Money.zero) { $0 += $1.open } }
}

/// The sender of a statement, as configuration gives it (`[company]`): an empty letterhead
/// leaves the header to the letter the statement is enclosed in.
public struct StatementLetterhead: Sendable, Hashable {
    public var name: String?
    public var address: [String]

    public init(name: String? = nil, address: [String] = []) {
        self.name = name
        self.address = address
    }
}

/// A payment or credit note whose credit is not (entirely) applied to invoices yet.
public struct UnappliedCreditDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case payment
        case creditNote = "credit_note"
    }

    public var kind: Kind
    public var document: String
    public var on: Day
    public var amount: Money
    /// What is left of it on account: positive, at most `amount`.
    public var unapplied: Money
}

extension Ledger {
    /// The statement of `customer` on `day`, or `nil` when it is not registered by then.
    ///
    /// Throws when a late day falls in a half-year `rates` does not hold, as the penalties do.
    public func statement(
        of customer: CustomerID,
        asOf day: Day,
        buckets: AgeingBuckets = .standard,
        rates: PenaltyRates = .shipped,
        letterhead: StatementLetterhead = StatementLetterhead(),
        currency: String = "EUR"
    ) throws(PenaltyRateMissing) -> AccountStatement? {
        guard let account = account(customer), let detail = customerDetail(customer, asOf: day),
            let state = state(of: account, asOf: day)
        else { return nil }
        let penalties = try penalties(of: account, asOf: day, rates: rates)
        return AccountStatement(
            asOf: day,
            currency: currency,
            letterhead: letterhead,
            customer: customer,
            legalName: detail.profile.legalName,
            tradeName: detail.profile.tradeName,
            siren: detail.profile.siren,
            termsDays: detail.profile.termsDays ?? AccountState.defaultTermsDays,
            invoices: detail.openInvoices,
            credits: unappliedCredits(of: account, asOf: day),
            bucketNames: buckets.names,
            ageing: state.ageingLine(asOf: day, buckets: buckets),
            penalties: penalties?.invoices ?? [],
            penaltyTotals: penalties?.totals ?? PenaltyTotals()
        )
    }

    /// The payments and credit notes that still carry unapplied credit on `day`, each with
    /// what is left of it.
    ///
    /// The ledger keeps unapplied credit as one sum; which document it comes from is read
    /// from the timeline again: each payment or credit note adds what it did not settle, and
    /// `credit.applied` (which names no document) uses the oldest credit first, in timeline
    /// order. The remainders always add up to the account's unapplied credit.
    public func unappliedCredits(of account: CustomerAccount, asOf day: Day) -> [UnappliedCreditDocument] {
        var state = AccountState(customer: account.customer)
        var credits: [UnappliedCreditDocument] = []
        for position in account.entryPositions {
            let entry = entries[Int(position)]
            guard entry.on <= day else { break }
            let before = state.unappliedCredit
            // A recorded timeline was checked when it was appended; it cannot fail here.
            try? state.apply(entry, owners: nil)
            let added = state.unappliedCredit - before
            switch entry.event {
            case .paymentReceived(let payment) where added.isPositive:
                credits.append(
                    UnappliedCreditDocument(
                        kind: .payment,
                        document: payment.payment.rawValue,
                        on: payment.on,
                        amount: payment.amount,
                        unapplied: added
                    )
                )
            case .creditNoteIssued(let note) where added.isPositive:
                credits.append(
                    UnappliedCreditDocument(
                        kind: .creditNote,
                        document: note.creditNote.rawValue,
                        on: note.on,
                        amount: note.amount,
                        unapplied: added
                    )
                )
            case .creditApplied:
                var used = before - state.unappliedCredit
                for index in credits.indices where used.isPositive {
                    let taken = min(credits[index].unapplied, used)
                    credits[index].unapplied -= taken
                    used -= taken
                }
            default:
                break
            }
        }
        return credits.filter { $0.unapplied.isPositive }
    }
}
