import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct DisputeTests {
    let c1: CustomerID = "C1"

    func opened(_ id: DisputeID, _ invoice: InvoiceID, amount: String? = nil, on: String) -> Event {
        .disputeOpened(DisputeOpened(invoice: invoice, dispute: id, amount: amount.map(eur), on: day(on)))
    }

    func resolved(_ id: DisputeID, on: String, outcome: DisputeOutcome = .rejected) -> Event {
        .disputeResolved(DisputeResolved(dispute: id, outcome: outcome, on: day(on)))
    }

    @Test func disputeWithoutAmountTakesOpenAmountAndIsCappedAfterPayments() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "1000.00", on: "2026-01-10"),
            payment("P1", c1, "400.00", on: "2026-01-20", allocations: [("A", "400.00")]),
            opened("D1", "A", on: "2026-01-25"),
            payment("P2", c1, "200.00", on: "2026-02-20", allocations: [("A", "200.00")]),
            resolved("D1", on: "2026-03-10"),
        ])
        // 600 disputed on 01-25; after P2 the invoice is open 400, so 400 is disputed.
        #expect(ledger.ageing(asOf: day("2026-01-31")).total.disputed.decimalString == "600.00")
        let february = ledger.ageing(asOf: day("2026-02-28"))
        #expect(february.total.disputed.decimalString == "400.00")
        // Still in its bucket: due 02-09, 19 days late.
        #expect(february.total.buckets[1].decimalString == "400.00")
        #expect(ledger.ageing(asOf: day("2026-03-10")).total.disputed == .zero)
    }

    @Test func disputesAddUpOnOneInvoiceAndUpholdingChangesNoAmount() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "1000.00", on: "2026-01-10"),
            opened("D1", "A", amount: "100.00", on: "2026-01-12"),
            opened("D2", "A", amount: "50.00", on: "2026-01-13"),
            resolved("D1", on: "2026-01-20", outcome: .upheld),
        ])
        #expect(ledger.ageing(asOf: day("2026-01-15")).total.disputed.decimalString == "150.00")
        let after = ledger.ageing(asOf: day("2026-01-20")).total
        #expect(after.disputed.decimalString == "50.00")
        #expect(after.total.decimalString == "1000.00")
    }

    @Test func resolvingTwiceOrBeforeOpeningIsRefused() throws {
        let recorded: [Event] = [
            register(c1, on: "2026-01-01"), invoice("A", c1, "1000.00", on: "2026-01-10"),
            opened("D1", "A", on: "2026-01-12"), resolved("D1", on: "2026-01-20"),
        ]
        #expect(
            try violations(of: [resolved("D1", on: "2026-01-21")], after: recorded).map(\.violation.code)
                == [.disputeAlreadyResolved]
        )
        let early = try violations(
            of: [opened("D2", "A", on: "2026-01-12"), resolved("D2", on: "2026-01-11")],
            after: recorded
        )
        #expect(early.map(\.violation.code) == [.unknownDocument])
        #expect(early.first?.index == 1)
    }
}

@Suite struct OrderBookTests {
    let c1: CustomerID = "C1"

    @Test func invoicesNamingAnOrderReduceItsBookNeverBelowZero() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01", limit: "5000.00"),
            .orderPlaced(OrderPlaced(customer: c1, order: "O1", amount: eur("1000.00"), on: day("2026-01-02"))),
            invoice("A", c1, "300.00", on: "2026-01-10", order: "O1"),
            invoice("B", c1, "800.00", on: "2026-01-20", order: "O1"),
        ])
        let january15 = ledger.exposure(asOf: day("2026-01-15")).customers[0]
        #expect(january15.orderBook.decimalString == "700.00")
        #expect(january15.receivables.decimalString == "300.00")
        #expect(january15.exposure.decimalString == "1000.00")
        let january31 = ledger.exposure(asOf: day("2026-01-31")).customers[0]
        #expect(january31.orderBook == .zero)
        #expect(january31.exposure.decimalString == "1100.00")
        #expect(january31.headroom?.decimalString == "3900.00")
    }

    @Test func cancelledOrderCountsZeroFromItsCancellationDate() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            .orderPlaced(OrderPlaced(customer: c1, order: "O1", amount: eur("1000.00"), on: day("2026-01-02"))),
            invoice("A", c1, "400.00", on: "2026-01-05", order: "O1"),
            .orderCancelled(OrderCancelled(order: "O1", on: day("2026-01-10"))),
        ])
        #expect(ledger.exposure(asOf: day("2026-01-09")).customers[0].orderBook.decimalString == "600.00")
        #expect(ledger.exposure(asOf: day("2026-01-10")).customers[0].orderBook == .zero)
        #expect(ledger.exposure(asOf: day("2026-01-10")).customers[0].exposure.decimalString == "400.00")
    }

    @Test func cancellingTwiceOrAnUnknownOrderIsRefused() throws {
        let recorded: [Event] = [
            register(c1, on: "2026-01-01"),
            .orderPlaced(OrderPlaced(customer: c1, order: "O1", amount: eur("1000.00"), on: day("2026-01-02"))),
            .orderCancelled(OrderCancelled(order: "O1", on: day("2026-01-10"))),
        ]
        #expect(
            try violations(of: [.orderCancelled(OrderCancelled(order: "O1", on: day("2026-01-11")))], after: recorded)
                .map(\.violation.code) == [.orderAlreadyCancelled]
        )
        let unknown = try violations(
            of: [.orderCancelled(OrderCancelled(order: "O9", on: day("2026-01-11")))],
            after: recorded
        )
        #expect(unknown.map(\.violation.code) == [.unknownDocument])
        #expect(unknown.first?.violation.field == "order")
    }
}
