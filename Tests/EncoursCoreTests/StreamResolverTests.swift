import EncoursCore
import EncoursTestSupport
import Testing

/// The customer of each event of a batch that arrives in chunks: the same answer as for
/// the whole batch at once, and rows held back only while a reference waits.
@Suite struct StreamResolverTests {
    static let batch: [Event] = [
        register("C1", on: "2026-01-01"),
        register("C2", on: "2026-01-01"),
        // Cancels an order the batch places two chunks later.
        .orderCancelled(OrderCancelled(order: "O1", on: day("2026-01-20"))),
        invoice("A", "C1", "100.00", on: "2026-01-05"),
        // Resolves a dispute opened in the next chunk, on an invoice of this one.
        .disputeResolved(DisputeResolved(dispute: "D1", outcome: .rejected, on: day("2026-01-25"))),
        .disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", on: day("2026-01-10"))),
        .orderPlaced(OrderPlaced(customer: "C2", order: "O1", amount: eur("50.00"), on: day("2026-01-03"))),
        // Names an invoice nobody issues.
        .disputeOpened(DisputeOpened(invoice: "NOPE", dispute: "D2", on: day("2026-01-11"))),
        invoice("B", "C2", "80.00", on: "2026-01-06"),
    ]

    @Test func chunksGiveTheCustomersOfTheWholeBatch() {
        let ledger = Ledger()
        let whole = ledger.resolveStreams(Self.batch)
        #expect(whole.streams == ["C1", "C2", "C2", "C1", "C1", "C1", "C2", nil, "C2"])
        #expect(whole.unresolved.map(\.index) == [7])

        var resolver = StreamResolver(ledger: ledger)
        resolver.add(Array(Self.batch[0..<5]))
        // The cancellation waits for its order: nothing from it on may be written yet.
        #expect(resolver.resolvedCount == 2)
        #expect(resolver.streams == ["C1", "C2", nil, "C1", nil])
        resolver.add(Array(Self.batch[0..<6]))
        #expect(resolver.resolvedCount == 2)
        #expect(resolver.streams[4] == "C1")
        resolver.add(Self.batch)
        // Only the dispute on an unknown invoice is left.
        #expect(resolver.resolvedCount == 7)
        let chunked = resolver.finish(Self.batch)
        #expect(chunked.streams == whole.streams)
        #expect(chunked.unresolved.map(\.index) == [7])
        #expect(chunked.unresolved.map(\.violation.field) == ["invoice"])
        #expect(chunked.unresolved.map(\.violation.sequence) == [8])
    }

    @Test func recordedDocumentsResolveAtOnce() throws {
        let ledger = try appendOneByOne([
            register("C1", on: "2026-01-01"),
            invoice("A", "C1", "100.00", on: "2026-01-05"),
        ])
        var resolver = StreamResolver(ledger: ledger)
        let batch: [Event] = [.disputeOpened(DisputeOpened(invoice: "A", dispute: "D1", on: day("2026-01-10")))]
        resolver.add(batch)
        #expect(resolver.resolvedCount == 1)
        #expect(resolver.streams == ["C1"])
        #expect(resolver.finish(batch).unresolved.isEmpty)
    }
}
