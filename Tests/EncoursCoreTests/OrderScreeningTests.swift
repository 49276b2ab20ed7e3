import EncoursCore
import EncoursTestSupport
import Testing

/// Orders decided on their way in (docs/definitions.md, "Placing orders"): against the
/// ledger with the batch's earlier events, only from today on, never twice.
@Suite struct OrderScreeningTests {
    let c1: CustomerID = "C1"
    let today = day("2031-06-30")

    /// Limit 1000.00 under the block policy, 600.00 invoiced.
    func ledger() throws -> Ledger {
        try appendOneByOne([
            register("C1", on: "2031-01-02", limit: "1000.00", policy: .block),
            invoice("F1", "C1", "600.00", on: "2031-06-01"),
        ])
    }

    @Test func eachOrderSeesTheEventsBeforeItInTheBatch() throws {
        // 600 + 300 = 900: accepted; then 900 + 100 invoiced + 50 = 1050: refused.
        let screened = try ledger().screenOrders(
            [
                OrderEvents.placed("O1", c1, "300.00", on: "2031-06-30"),
                invoice("F2", c1, "100.00", on: "2031-06-30"),
                OrderEvents.placed("O2", c1, "50.00", on: "2031-07-02"),
            ],
            today: today
        )
        #expect(screened.map(\.index) == [0, 2])
        #expect(screened.map(\.decision.outcome) == [.accept, .refuse])
        #expect(screened[1].decision.exposureBefore == eur("1000.00"))
        #expect(screened[1].decision.on == day("2031-07-02"))
        #expect(screened.map(\.isRefused) == [false, true])
    }

    @Test func anOverrideLetsARefusalThrough() throws {
        let screened = try ledger().screenOrders(
            [OrderEvents.placed("O1", c1, "500.00", on: "2031-06-30", override: "director agreed")],
            today: today
        )
        #expect(screened.count == 1)
        #expect(screened[0].decision.outcome == .refuse)
        #expect(screened[0].override == "director agreed")
        #expect(!screened[0].isRefused)
    }

    @Test func ordersDatedBeforeTodayOrAlreadyKnownAreNotDecided() throws {
        var recorded = try ledger()
        if case .success(let batch) = recorded.prepare([OrderEvents.placed("O1", c1, "5000.00", on: "2031-06-02")]) {
            recorded.commit(batch)
        }
        let screened = recorded.screenOrders(
            [
                OrderEvents.placed("O0", c1, "5000.00", on: "2031-06-29"),
                OrderEvents.placed("O1", c1, "5000.00", on: "2031-06-30"),
                OrderEvents.placed("O2", c1, "1.00", on: "2031-06-30"),
                OrderEvents.placed("O2", c1, "1.00", on: "2031-06-30"),
            ],
            today: today
        )
        // O0 is history, O1 is recorded (a conflict the append reports), the second O2 is
        // the first one's duplicate. O2 sees O0 and the recorded O1: 600 + 5000 + 5000.
        #expect(screened.map(\.index) == [2])
        #expect(screened[0].decision.exposureBefore == eur("10600.00"))
    }

    @Test func aBackdatedEventOfTheBatchCountsAtItsPlace() throws {
        // A payment dated before the ledger's last day for C1 settles F1 first.
        let screened = try ledger().screenOrders(
            [
                payment("P1", c1, "600.00", on: "2031-05-01"),
                OrderEvents.placed("O1", c1, "900.00", on: "2031-06-30"),
            ],
            today: today
        )
        // The payment came before F1 existed: it is unapplied credit, −600; F1 is open 600.
        #expect(screened[0].decision.exposureBefore == .zero)
        #expect(screened[0].decision.outcome == .accept)
    }

    @Test func aCustomerRegisteredInTheBatchIsDecidedToo() throws {
        let screened = Ledger().screenOrders(
            [
                register("C2", on: "2031-06-01", limit: "100.00", policy: .block),
                OrderEvents.placed("O1", "C2", "100.01", on: "2031-06-30"),
                OrderEvents.placed("O2", "C3", "1.00", on: "2031-06-30"),
            ],
            today: today
        )
        // C3 is not registered: the ledger's own check refuses that order.
        #expect(screened.map(\.index) == [1])
        #expect(screened[0].decision.causes == [.overLimit(excess: eur("0.01"))])
    }

    @Test func theScreeningConcernsOnlyOrdersFromToday() {
        let screening = OrderScreening(today: today, rules: .standard)
        #expect(!screening.concerns([OrderEvents.placed("O1", c1, "1.00", on: "2031-06-29")]))
        #expect(screening.concerns([OrderEvents.placed("O1", c1, "1.00", on: "2031-06-30")]))
        #expect(!screening.concerns([invoice("F1", c1, "1.00", on: "2031-07-30")]))
    }
}
