import EncoursCore

/// The hand-worked ledger of the statement-of-account tests (core figures, rendered text and
/// HTML), with its figures on 2025-06-30 worked out by hand:
///
/// - A 1000.00 due 2025-02-14, paid 2025-03-16: 30 days late at 13.15 % (2025-H1):
///   1000 × 0.1315 × 30 / 365 = 10.8082… → 10.81, + 40.00 indemnity.
/// - B 500.00 due 2025-05-31: P2 (150.00) pays 100.00 of it on 06-05 (50.00 left on
///   account), D1 disputes 50.00 on 06-15, credit.applied takes 70.00 of the unapplied credit
///   on 06-25 (first P2's 50.00, then 20.00 of AV1's): open 330.00, 30 days past due, in
///   `1_30`. Interest: (500 × 5 + 400 × 20 + 330 × 5) × 0.1315 / 365 = 12150 × 0.1315 / 365
///   = 4.3773… → 4.38, + 40.00.
/// - C 300.00 due 2025-07-10: AV1 (400.00, on C) settles it on 06-20, 100.00 left on account.
/// - Unapplied: AV1 80.00. Total due = 330.00 − 80.00 = 250.00. Penalties 15.19 + 80.00 = 95.19.
public enum StatementFixture {
    public static let customer: CustomerID = "C1"
    public static let asOf = day("2025-06-30")

    public static var events: [Event] {
        [
            .customerRegistered(
                CustomerRegistered(
                    customer: customer,
                    profile: CustomerProfile(
                        legalName: "Alpha & Fils <SAS>",
                        tradeName: "Alpha",
                        siren: "732829320",
                        termsDays: 30
                    ),
                    on: day("2025-01-01")
                )
            ),
            invoice("A", customer, "1000.00", on: "2025-01-15", due: "2025-02-14"),
            payment("P1", customer, "1000.00", on: "2025-03-16", allocations: [("A", "1000.00")]),
            invoice("B", customer, "500.00", on: "2025-05-01", due: "2025-05-31"),
            payment("P2", customer, "150.00", on: "2025-06-05", allocations: [("B", "100.00")]),
            invoice("C", customer, "300.00", on: "2025-06-10", due: "2025-07-10"),
            .disputeOpened(DisputeOpened(invoice: "B", dispute: "D1", amount: eur("50.00"), on: day("2025-06-15"))),
            .creditNoteIssued(
                CreditNoteIssued(customer: customer, creditNote: "AV1", amount: eur("400.00"), invoice: "C", on: day("2025-06-20"))
            ),
            .creditApplied(CreditApplied(customer: customer, invoice: "B", amount: eur("70.00"), on: day("2025-06-25"))),
        ]
    }

    /// The events as NDJSON, for the daemon and CLI tests.
    public static let ndjson = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha & Fils <SAS>","trade_name":"Alpha","siren":"732829320","terms_days":30,"on":"2025-01-01"}
        {"type":"invoice.issued","customer":"C1","invoice":"A","amount":"1000.00","on":"2025-01-15","due_on":"2025-02-14"}
        {"type":"payment.received","customer":"C1","payment":"P1","amount":"1000.00","allocations":[{"invoice":"A","amount":"1000.00"}],"on":"2025-03-16"}
        {"type":"invoice.issued","customer":"C1","invoice":"B","amount":"500.00","on":"2025-05-01","due_on":"2025-05-31"}
        {"type":"payment.received","customer":"C1","payment":"P2","amount":"150.00","allocations":[{"invoice":"B","amount":"100.00"}],"on":"2025-06-05"}
        {"type":"invoice.issued","customer":"C1","invoice":"C","amount":"300.00","on":"2025-06-10","due_on":"2025-07-10"}
        {"type":"dispute.opened","invoice":"B","dispute":"D1","amount":"50.00","on":"2025-06-15"}
        {"type":"credit_note.issued","customer":"C1","credit_note":"AV1","amount":"400.00","invoice":"C","on":"2025-06-20"}
        {"type":"credit.applied","customer":"C1","invoice":"B","amount":"70.00","on":"2025-06-25"}
        """

    /// `GET /v1/customers/C1/statement?as_of=2025-06-30` with an empty letterhead.
    public static let json = #"{"as_of":"2025-06-30","currency":"EUR","company":{"name":null,"address":[]},"customer":"C1","legal_name":"Alpha & Fils <SAS>","trade_name":"Alpha","siren":"732829320","terms_days":30,"invoices":[{"invoice":"B","issued_on":"2025-05-01","due_on":"2025-05-31","amount":"500.00","open":"330.00","days_past_due":30,"disputed":"50.00"}],"credits":[{"kind":"credit_note","document":"AV1","on":"2025-06-20","amount":"400.00","unapplied":"80.00"}],"ageing":{"not_due":"0.00","1_30":"330.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"50.00","unapplied":"-80.00","total":"250.00"},"penalties":{"invoices":[{"invoice":"A","due_on":"2025-02-14","days_late":30,"overdue":"0.00","interest":"10.81","indemnity":"40.00","total":"50.81"},{"invoice":"B","due_on":"2025-05-31","days_late":30,"overdue":"330.00","interest":"4.38","indemnity":"40.00","total":"44.38"}],"interest":"15.19","indemnity":"80.00","total":"95.19"},"total_due":"250.00"}"#
}
