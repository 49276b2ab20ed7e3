import EncoursCore
import EncoursTestSupport
import Testing

/// A batch's accounts checked in parts (on several cores, by the log's large imports) give
/// the batch, or the violations, that one check gives.
@Suite struct BatchCheckPartsTests {
    static let batch: [Event] = [
        register("C1", on: "2026-01-01"),
        register("C2", on: "2026-01-01"),
        register("C3", on: "2026-01-01"),
        invoice("A", "C1", "100.00", on: "2026-01-05"),
        invoice("B", "C2", "200.00", on: "2026-01-06"),
        invoice("C", "C3", "300.00", on: "2026-01-07"),
        invoice("D", "C3", "50.00", on: "2026-01-08"),
        payment("P1", "C3", "120.00", on: "2026-02-01", allocations: [("C", "120.00")]),
    ]

    @Test func partsCoverEveryAccountOnceInOrder() {
        let plan = Ledger().plan(Self.batch)
        #expect(plan.accounts == 0..<3)
        let parts = plan.parts(2)
        #expect(parts.count == 2)
        #expect(parts.first?.lowerBound == 0)
        #expect(parts.last?.upperBound == 3)
        #expect(parts[0].upperBound == parts[1].lowerBound)
        #expect(plan.parts(1) == [0..<3])
    }

    @Test func checkingInPartsGivesTheBatchOfOneCheck() throws {
        let ledger = Ledger()
        let plan = ledger.plan(Self.batch)
        let parts = plan.parts(2).map { ledger.checkAccounts(of: plan, $0) }
        var inParts = ledger
        inParts.commit(try ledger.finish(plan, checking: parts).get())
        var whole = ledger
        whole.commit(try ledger.prepare(Self.batch).get())
        let asOf = day("2026-03-31")
        #expect(inParts.exposure(asOf: asOf).json == whole.exposure(asOf: asOf).json)
        #expect(inParts.ageing(asOf: asOf).json == whole.ageing(asOf: asOf).json)
        #expect(whole.exposure(asOf: asOf).json.contains(#""receivables":"230.00""#))
    }

    @Test func violationsInEveryPartAreAllReported() {
        let bad = Self.batch + [
            payment("P2", "C1", "10.00", on: "2026-02-02", allocations: [("NOPE", "10.00")]),
            payment("P3", "C3", "10.00", on: "2026-02-02", allocations: [("NOPE", "10.00")]),
        ]
        let ledger = Ledger()
        let plan = ledger.plan(bad)
        let parts = plan.parts(2).map { ledger.checkAccounts(of: plan, $0) }
        guard case .failure(let rejection) = ledger.finish(plan, checking: parts),
            case .failure(let whole) = ledger.prepare(bad)
        else {
            Issue.record("the batch should be refused")
            return
        }
        #expect(rejection.items.map(\.index) == [8, 9])
        #expect(rejection.items == whole.items)
    }
}
