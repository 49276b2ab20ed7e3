import EncoursCore
import EncoursTestSupport
import Testing

/// Events take effect by business date, then log order, whatever order they arrive in.
@Suite struct BackdatingTests {
    let c1: CustomerID = "C1"

    var dateOrder: [Event] {
        [
            register(c1, on: "2026-01-01", limit: "1000.00"),
            invoice("A", c1, "100.00", on: "2026-01-10"),
            payment("P1", c1, "60.00", on: "2026-01-20"),
            invoice("B", c1, "100.00", on: "2026-02-01"),
            payment("P2", c1, "100.00", on: "2026-03-01"),
        ]
    }

    /// P1, dated 2026-01-20, is recorded last.
    var arrivalOrder: [Event] {
        [dateOrder[0], dateOrder[1], dateOrder[3], dateOrder[4], dateOrder[2]]
    }

    @Test func backdatedPaymentGivesTheFiguresOfDateOrder() throws {
        let inOrder = try appendOneByOne(dateOrder)
        let late = try appendOneByOne(arrivalOrder)
        let replay = try replayed(arrivalOrder)
        for asOf in ["2026-01-15", "2026-01-20", "2026-02-15", "2026-03-01", "2026-03-05"] {
            #expect(late.ageing(asOf: day(asOf)) == inOrder.ageing(asOf: day(asOf)), "ageing \(asOf)")
            #expect(late.exposure(asOf: day(asOf)) == inOrder.exposure(asOf: day(asOf)), "exposure \(asOf)")
            #expect(replay.ageing(asOf: day(asOf)) == inOrder.ageing(asOf: day(asOf)), "replayed ageing \(asOf)")
        }
    }

    @Test func backdatedPaymentIsAppliedOnItsOwnDate() throws {
        let late = try appendOneByOne(arrivalOrder)
        // By date: P1 takes 60 of A on 01-20; P2 on 03-01 pays A's 40 then 60 of B.
        #expect(late.ageing(asOf: day("2026-02-15")).total.total.decimalString == "140.00")
        let state = late.account(c1)!.state
        #expect(state.invoices.map(\.openAmount.decimalString) == ["0.00", "40.00"])
        // Recorded in arrival order, applied in date order.
        #expect(
            late.entries(of: late.account(c1)!).map(\.event.on.description) == [
                "2026-01-01", "2026-01-10", "2026-01-20", "2026-02-01", "2026-03-01",
            ]
        )
    }

    @Test func batchThatWouldInvalidateARecordedEventIsRefused() throws {
        let recorded: [Event] = [
            register(c1, on: "2026-01-01"),
            payment("P1", c1, "50.00", on: "2026-01-02"),
            invoice("A", c1, "80.00", on: "2026-01-05"),
            .creditApplied(CreditApplied(customer: c1, invoice: "A", amount: eur("50.00"), on: day("2026-01-20"))),
        ]
        // Dated before the recorded credit.applied, this credit.applied leaves it without credit.
        let found = try violations(
            of: [
                .creditApplied(CreditApplied(customer: c1, invoice: "A", amount: eur("30.00"), on: day("2026-01-10")))
            ],
            after: recorded
        )
        #expect(found.map(\.violation.code) == [.recordedEventInvalidated])
        #expect(found.first?.index == nil)
        #expect(found.first?.violation.sequence == 4)
    }
}

/// References must exist at the event's place in (on, log order) (DESIGN §5).
@Suite struct ReferenceTests {
    let c1: CustomerID = "C1"
    let c2: CustomerID = "C2"

    @Test func eventsOfAnUnregisteredCustomerAreRefused() throws {
        let found = try violations(of: [invoice("A", c1, "100.00", on: "2026-01-10")])
        #expect(found.map(\.violation.code) == [.customerNotRegistered])
        #expect(found.first?.violation.field == "customer")
    }

    @Test func customerRegisteredLaterThanItsInvoiceIsRefused() throws {
        let found = try violations(of: [invoice("A", c1, "100.00", on: "2026-01-10"), register(c1, on: "2026-01-11")])
        #expect(found.map(\.index) == [0])
    }

    @Test func sameDayFollowsLogOrder() throws {
        #expect(
            try violations(of: [register(c1, on: "2026-01-10"), invoice("A", c1, "100.00", on: "2026-01-10")]).isEmpty
        )
        let reversed = try violations(of: [
            invoice("A", c1, "100.00", on: "2026-01-10"), register(c1, on: "2026-01-10"),
        ])
        #expect(reversed.map(\.violation.code) == [.customerNotRegistered])
    }

    @Test func allocationToALaterInvoiceIsRefusedNamingTheField() throws {
        let found = try violations(of: [
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05"),
            payment("P1", c1, "100.00", on: "2026-01-06", allocations: [("A", "50.00"), ("B", "50.00")]),
            invoice("B", c1, "100.00", on: "2026-01-07"),
        ])
        #expect(found.map(\.violation.code) == [.unknownDocument])
        #expect(found.first?.index == 2)
        #expect(found.first?.violation.field == "allocations[1].invoice")
    }

    @Test func documentOfAnotherCustomerIsRefused() throws {
        let recorded: [Event] = [
            register(c1, on: "2026-01-01"), register(c2, on: "2026-01-01"),
            invoice("A", c2, "100.00", on: "2026-01-05"),
        ]
        let found = try violations(
            of: [creditNote("AV1", c1, "10.00", on: "2026-01-06", invoice: "A")],
            after: recorded
        )
        #expect(found.map(\.violation.code) == [.documentOfAnotherCustomer])
        #expect(found.first?.violation.message == "invoice \"A\" belongs to customer \"C2\", not \"C1\"")
    }

    @Test func disputeFindsItsCustomerThroughTheInvoice() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"), invoice("A", c1, "100.00", on: "2026-01-05"),
            .disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", on: day("2026-01-06"))),
        ])
        #expect(ledger.account(c1)!.state.disputes.map(\.amount) == [eur("100.00")])
    }

    @Test func everyBadEventOfABatchIsListed() throws {
        let found = try violations(of: [
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-05", due: "2026-01-04"),
            invoice("B", c2, "100.00", on: "2026-01-05"),
            payment("P1", c1, "10.00", on: "2026-01-06", allocations: [("Z", "10.00")]),
        ])
        #expect(found.map(\.index) == [1, 2, 3])
        #expect(found.map(\.violation.code) == [.invalidDates, .customerNotRegistered, .unknownDocument])
    }
}

/// A cold replay applies entries as they come and rebuilds only the accounts that met a
/// backdated one; the figures must be those of date order either way.
@Suite struct ReplayOrderTests {
    @Test func replayOfAFileRecordedInReverseDateOrder() throws {
        let c1: CustomerID = "C1"
        let inDateOrder: [Event] = [
            register(c1, on: "2026-01-01", limit: "500.00"),
            invoice("A", c1, "100.00", on: "2026-01-10"),
            payment("P1", c1, "60.00", on: "2026-01-20"),
            invoice("B", c1, "100.00", on: "2026-02-01"),
        ]
        var replay = LedgerReplay()
        for (offset, event) in inDateOrder.reversed().enumerated() {
            replay.add(sequence: Int64(offset + 1), stream: c1, event: event)
        }
        let ledger = try replay.finish()
        let expected = try appendOneByOne(inDateOrder)
        #expect(ledger.ageing(asOf: day("2026-02-15")) == expected.ageing(asOf: day("2026-02-15")))
        #expect(ledger.exposure(asOf: day("2026-01-25")) == expected.exposure(asOf: day("2026-01-25")))
        // The account's timeline is in date order, whatever order the log holds it in.
        let account = try #require(ledger.account(c1))
        #expect(ledger.entries(of: account).map(\.on) == inDateOrder.map(\.on))
        #expect(ledger.entries(of: account).map(\.sequence) == [4, 3, 2, 1])
    }

    @Test func aLogThatBreaksTheRulesDoesNotReplay() {
        var replay = LedgerReplay()
        replay.add(sequence: 1, stream: "C1", event: invoice("A", "C1", "100.00", on: "2026-01-10"))
        #expect(throws: LedgerReplayError.self) { try replay.finish() }
    }
}
