import EncoursCore
import EncoursTestSupport
import Testing

/// Finance's decisions on a customer's credit, as `GET /v1/customers/{id}/limits` lists them.
@Suite struct LimitHistoryTests {
    let c1: CustomerID = "C1"

    var events: [Event] {
        [
            register(c1, on: "2031-01-02", limit: "10000.00"),
            invoice("F1", c1, "8500.00", on: "2031-02-01"),
            OrderEvents.updated(c1, policy: .block, on: "2031-02-05"),
            .customerUpdated(
                CustomerUpdated(customer: c1, profile: CustomerProfile(tradeName: "Alpha"), on: day("2031-02-06"))
            ),
            OrderEvents.limit(c1, "15000.00", on: "2031-03-01", until: "2031-03-31", reason: "season"),
            OrderEvents.blocked(c1, on: "2031-04-10", reason: "cheques returned"),
            OrderEvents.unblocked(c1, on: "2031-04-20", reason: "paid"),
            // Recorded last, dated before the block: listed at its date.
            OrderEvents.limit(c1, "9000.00", on: "2031-04-01", reason: "review"),
        ]
    }

    @Test func everyDecisionInTheOrderTheyTakeEffect() throws {
        let history = try #require(try appendOneByOne(events).limitHistory(of: c1, asOf: day("2031-05-01")))
        #expect(history.decisions.map(\.sequence) == [1, 3, 5, 8, 6, 7])
        #expect(
            history.decisions.map(\.type) == [
                .customerRegistered, .customerUpdated, .creditLimitSet, .creditLimitSet, .customerBlocked,
                .customerUnblocked,
            ]
        )
        #expect(history.decisions[0].limit == eur("10000.00"))
        #expect(history.decisions[1].policy == .block && history.decisions[1].limit == nil)
        #expect(history.decisions[2].until == day("2031-03-31") && history.decisions[2].reason == "season")
        #expect(history.decisions[4].reason == "cheques returned")
        // On 05-01: the 9000.00 decision, 8500.00 exposure (≥ 80 %): warning.
        #expect(history.limit == eur("9000.00"))
        #expect(history.policy == .block)
        #expect(history.status == .warning)
    }

    @Test func theJSONCarriesWhoAndWhen() throws {
        let history = try #require(
            try appendOneByOne(Array(events.prefix(3))).limitHistory(of: c1, asOf: day("2031-03-01"))
        )
        let attributions: [Int64: LimitHistory.Attribution] = [
            1: .init(recordedAt: "2031-01-02T08:00:00.000Z", actor: "invoicing"),
            3: .init(recordedAt: "2031-02-05T09:30:00.000Z", actor: "alice"),
        ]
        #expect(
            history.json(attributions: attributions)
                == #"{"customer":"C1","as_of":"2031-03-01","limit":"10000.00","policy":"block","status":"warning","decisions":[{"seq":1,"type":"customer.registered","on":"2031-01-02","recorded_at":"2031-01-02T08:00:00.000Z","actor":"invoicing","limit":"10000.00","until":null,"policy":null,"reason":null},{"seq":3,"type":"customer.updated","on":"2031-02-05","recorded_at":"2031-02-05T09:30:00.000Z","actor":"alice","limit":null,"until":null,"policy":"block","reason":null}]}"#
        )
        #expect(
            history.table(attributions: attributions).text
                == """
                seq  on          type                    limit  until  policy  reason  actor      recorded_at
                ---  ----------  -------------------  --------  -----  ------  ------  ---------  ------------------------
                  1  2031-01-02  customer.registered  10000.00                         invoicing  2031-01-02T08:00:00.000Z
                  3  2031-02-05  customer.updated                      block           alice      2031-02-05T09:30:00.000Z
                ---  ----------  -------------------  --------  -----  ------  ------  ---------  ------------------------
                     2031-03-01  warning              10000.00         block

                """
        )
    }

    @Test func aCustomerNotYetRegisteredHasNoHistoryOnThatDate() throws {
        #expect(try appendOneByOne(events).limitHistory(of: c1, asOf: day("2031-01-01")) == nil)
        #expect(try appendOneByOne(events).limitHistory(of: "C9", asOf: day("2031-05-01")) == nil)
    }
}
