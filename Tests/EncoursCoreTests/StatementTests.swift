import EncoursCore
import EncoursTestSupport
import Testing

/// The statement of account (docs/definitions.md, "Statement of account") on the hand ledger
/// of ``StatementFixture``, whose figures are worked out there.
@Suite struct StatementTests {
    func statement(asOf: Day = StatementFixture.asOf) throws -> AccountStatement {
        let ledger = try appendOneByOne(StatementFixture.events)
        return try #require(try ledger.statement(of: StatementFixture.customer, asOf: asOf))
    }

    @Test func openInvoicesUnappliedCreditsAgeingPenaltiesAndTotalDue() throws {
        let found = try statement()
        #expect(found.invoices.map(\.invoice) == ["B"])
        #expect(found.invoices.map(\.open) == [eur("330.00")])
        #expect(found.invoices.map(\.daysPastDue) == [30])
        #expect(found.invoices.map(\.disputed) == [eur("50.00")])
        #expect(found.credits.map(\.document) == ["AV1"])
        #expect(found.credits.map(\.unapplied) == [eur("80.00")])
        #expect(found.ageing.buckets == [.zero, eur("330.00"), .zero, .zero, .zero])
        #expect(found.penalties.map(\.interest) == [eur("10.81"), eur("4.38")])
        #expect(found.penaltyTotals.total == eur("95.19"))
        #expect(found.totalDue == eur("250.00"))
        #expect(found.json == StatementFixture.json)
    }

    @Test func creditAppliedUsesTheOldestUnappliedCreditFirst() throws {
        // On 06-24, before credit.applied: P2 50.00 and AV1 100.00 both on account.
        let before = try statement(asOf: day("2025-06-24"))
        #expect(before.credits.map(\.document) == ["P2", "AV1"])
        #expect(before.credits.map(\.unapplied) == [eur("50.00"), eur("100.00")])
        #expect(before.credits.map(\.kind) == [.payment, .creditNote])
        // 70.00 applied on 06-25: P2's 50.00, then 20.00 of AV1.
        let after = try statement()
        #expect(after.credits.map(\.unapplied) == [eur("80.00")])
        #expect(after.credits.reduce(Money.zero) { $0 + $1.unapplied } == -after.ageing.unapplied)
    }

    @Test func oneLinePerDocumentInTheCSV() throws {
        #expect(
            try statement().table.csv
                == "kind,document,date,due_on,days_past_due,amount,open,disputed,interest,indemnity\r\n"
                + "invoice,B,2025-05-01,2025-05-31,30,500.00,330.00,50.00,,\r\n"
                + "credit_note,AV1,2025-06-20,,,400.00,-80.00,,,\r\n"
                + "penalty,A,,2025-02-14,,,,,10.81,40.00\r\n"
                + "penalty,B,,2025-05-31,,,,,4.38,40.00\r\n"
        )
    }

    @Test func aCustomerNotYetRegisteredHasNoStatement() throws {
        let ledger = try appendOneByOne(StatementFixture.events)
        #expect(try ledger.statement(of: StatementFixture.customer, asOf: day("2024-12-31")) == nil)
        #expect(try ledger.statement(of: "NOPE", asOf: StatementFixture.asOf) == nil)
    }

    @Test func theLetterheadAndBucketsAreTheCallers() throws {
        let ledger = try appendOneByOne(StatementFixture.events)
        let found = try #require(
            try ledger.statement(
                of: StatementFixture.customer,
                asOf: StatementFixture.asOf,
                buckets: AgeingBuckets(boundaries: [15, 45])!,
                letterhead: StatementLetterhead(name: "Encours SA", address: ["1 rue de la Paix", "75002 Paris"])
            )
        )
        #expect(found.bucketNames == ["not_due", "1_15", "16_45", "over_45"])
        #expect(found.ageing.buckets == [.zero, .zero, eur("330.00"), .zero])
        #expect(found.json.contains(#""company":{"name":"Encours SA","address":["1 rue de la Paix","75002 Paris"]}"#))
    }
}
