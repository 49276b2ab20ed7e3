import EncoursCore
import EncoursTestSupport
import Testing

@Suite struct ExposureTests {
    let c1: CustomerID = "C1"

    func setLimit(_ amount: String, on: String, until: String? = nil) -> Event {
        .creditLimitSet(CreditLimitSet(customer: c1, limit: eur(amount), until: until.map(day), on: day(on)))
    }

    @Test func temporaryLimitExpiresTheDayAfterUntil() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01", limit: "10000.00"),
            setLimit("20000.00", on: "2026-03-01", until: "2026-03-31"),
        ])
        #expect(ledger.exposure(asOf: day("2026-02-28")).customers[0].limit?.decimalString == "10000.00")
        #expect(ledger.exposure(asOf: day("2026-03-31")).customers[0].limit?.decimalString == "20000.00")
        #expect(ledger.exposure(asOf: day("2026-04-01")).customers[0].limit?.decimalString == "10000.00")
    }

    @Test func temporaryLimitOverAPermanentDecisionFallsBackToIt() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01", limit: "10000.00"),
            setLimit("15000.00", on: "2026-02-01"),
            setLimit("30000.00", on: "2026-03-01", until: "2026-03-15"),
        ])
        #expect(ledger.exposure(asOf: day("2026-03-15")).customers[0].limit?.decimalString == "30000.00")
        #expect(ledger.exposure(asOf: day("2026-03-16")).customers[0].limit?.decimalString == "15000.00")
    }

    @Test func statusFollowsTheFirstRuleThatApplies() throws {
        func status(limit: String?, invoiced: String, blocked: Bool = false) throws -> CreditStatus {
            var events: [Event] = [register(c1, on: "2026-01-01", limit: limit)]
            if invoiced != "0" { events.append(invoice("A", c1, invoiced, on: "2026-01-02")) }
            if blocked { events.append(.customerBlocked(CustomerBlockChange(customer: c1, on: day("2026-01-03")))) }
            return try appendOneByOne(events).exposure(asOf: day("2026-01-05")).customers[0].status
        }
        #expect(try status(limit: "1000.00", invoiced: "100.00", blocked: true) == .blocked)
        #expect(try status(limit: nil, invoiced: "100.00") == .noLimit)
        #expect(try status(limit: "1000.00", invoiced: "1000.01") == .overLimit)
        #expect(try status(limit: "1000.00", invoiced: "1000.00") == .warning)
        #expect(try status(limit: "1000.00", invoiced: "800.00") == .warning)
        #expect(try status(limit: "1000.00", invoiced: "799.99") == .ok)
        #expect(try status(limit: "0", invoiced: "0") == .ok)
        #expect(try status(limit: "0", invoiced: "0.01") == .overLimit)
    }

    @Test func unblockingRestoresTheLimitStatus() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01", limit: "1000.00"),
            .customerBlocked(CustomerBlockChange(customer: c1, reason: "impayés", on: day("2026-01-03"))),
            .customerUnblocked(CustomerBlockChange(customer: c1, on: day("2026-01-10"))),
        ])
        #expect(ledger.exposure(asOf: day("2026-01-05")).customers[0].status == .blocked)
        #expect(ledger.exposure(asOf: day("2026-01-10")).customers[0].status == .ok)
    }

    @Test func listsOnlyCustomersRegisteredByTheDateInByteOrder() throws {
        let ledger = try appendOneByOne([
            register("b", on: "2026-01-01"), register("B", on: "2026-01-01"), register("a", on: "2026-02-01"),
        ])
        #expect(ledger.exposure(asOf: day("2026-01-15")).customers.map(\.customer) == ["B", "b"])
        #expect(ledger.exposure(asOf: day("2026-02-01")).customers.map(\.customer) == ["B", "a", "b"])
    }

    @Test func defaultDueDateUsesTheTermsInForceOnTheInvoiceDate() throws {
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"),
            invoice("A", c1, "100.00", on: "2026-01-15"),
            .customerUpdated(
                CustomerUpdated(customer: c1, profile: CustomerProfile(termsDays: 60), on: day("2026-02-01"))
            ),
            invoice("B", c1, "100.00", on: "2026-02-10"),
        ])
        let state = ledger.account(c1)!.state
        #expect(state.invoices.map(\.dueOn.description) == ["2026-02-14", "2026-04-11"])
    }

    @Test(arguments: [
        ("2026-03-01", 0), ("2026-03-02", 1), ("2026-03-31", 1), ("2026-04-01", 2), ("2026-04-30", 2),
        ("2026-05-01", 3), ("2026-05-30", 3), ("2026-05-31", 4),
    ])
    func bucketBoundaries(asOf: String, bucket: Int) throws {
        // Due 2026-03-01: 0 days late is not due; 30 is 1_30; 31 is 31_60; 90 is 61_90; 91 is over_90.
        let ledger = try appendOneByOne([
            register(c1, on: "2026-01-01"), invoice("A", c1, "100.00", on: "2026-02-01", due: "2026-03-01"),
        ])
        let line = ledger.ageing(asOf: day(asOf)).customers[0]
        #expect(line.buckets.firstIndex { !$0.isZero } == bucket)
    }
}
