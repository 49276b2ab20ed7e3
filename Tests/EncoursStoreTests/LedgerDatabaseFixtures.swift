import EncoursCore
import EncoursStore
import EncoursTestSupport

/// The CLI tests' hand ledger as events (`HandLedgerFigures` has the figures): three
/// customers, a partial payment, unapplied credit, a dispute, an order, registered and
/// decided limits.
enum HandLedgerEvents {
    static func note(_ customer: CustomerID, _ text: String, on: String, id: String? = nil) -> Event {
        .noteLogged(NoteLogged(customer: customer, text: text, on: day(on), id: id))
    }

    static let fa1 = invoice("FA-1", "C1", "1000.00", on: "2026-01-10")
    static let pay1 = payment("PAY-1", "C1", "400.00", on: "2026-02-20", allocations: [("FA-1", "400.00")])
    static let pay2 = payment("PAY-2", "C2", "1500.00", on: "2026-03-10")

    /// In date order: `fa1` is seq 3, `pay1` seq 7.
    static let all: [Event] = [
        register("C1", on: "2026-01-01", terms: 30, limit: "10000"),
        register("C2", on: "2026-01-01", terms: 60, limit: "2000"),
        fa1,
        register("C3", on: "2026-02-01"),
        .orderPlaced(OrderPlaced(customer: "C3", order: "CMD-1", amount: eur("3000.00"), on: day("2026-02-10"))),
        invoice("FA-2", "C1", "500", on: "2026-02-15"),
        pay1,
        .creditLimitSet(CreditLimitSet(customer: "C1", limit: eur("1300.00"), on: day("2026-03-01"))),
        invoice("FA-3", "C2", "1200.00", on: "2026-03-01"),
        pay2,
        invoice("FA-4", "C2", "800.00", on: "2026-03-20"),
        .disputeOpened(
            DisputeOpened(
                invoice: "FA-2",
                dispute: "LIT-1",
                amount: eur("200.00"),
                reason: "damaged",
                on: day("2026-03-20")
            )
        ),
        invoice("FA-5", "C3", "1000.00", on: "2026-03-25", due: "2026-03-30", order: "CMD-1"),
    ]

    static let payments = [pay1, pay2]
    static let withoutPayments = all.filter { !payments.contains($0) }
}

/// A submission whose payload stands in for the JSON text an importer would keep: the
/// database stores it but never reads it (replay reads the record).
func submission(_ event: Event) -> LedgerDatabase.Submission {
    .init(event: event, payload: #"{"type":"\#(event.type.rawValue)"}"#)
}

func submissions(_ events: [Event]) -> [LedgerDatabase.Submission] {
    events.map(submission)
}

extension LedgerDatabase {
    /// Appends `events` as one batch, as user `alice`.
    @discardableResult
    func append(_ events: [Event]) throws(LedgerDatabaseError) -> AppendReport {
        try append(submissions(events), actor: "alice", recordedAt: SampleEvents.recordedAt)
    }
}

extension Ledger {
    /// Every JSON report on each of `days`: what must not change across reopening, arrival
    /// order or refused batches.
    func figures(on days: [Day]) -> [String] {
        days.flatMap { day in
            [
                exposure(asOf: day).json, ageing(asOf: day).json, dso(asOf: day).json,
                dso(asOf: day, method: .simple).json,
            ]
        }
    }
}

/// Month ends across the hand ledger's period.
let handLedgerDays = ["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-15", "2026-03-31", "2026-06-30"].map(day)
