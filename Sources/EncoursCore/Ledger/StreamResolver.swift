/// Finds the customer of each event of a batch as the batch arrives, chunk after chunk:
/// a large import can write its first rows before the rest of the file is read.
///
/// The rule is ``Ledger/resolveStreams(_:)``'s, which is this resolver given the whole
/// batch at once: each event is filed under the customer it names, else under the owner
/// of the document it names, recorded or anywhere in the batch. A reference to a document
/// the batch has not shown yet waits for the chunks after it; the events from the first
/// waiting one on are not ``resolvedCount`` until it is found (the log's rows keep the
/// batch's order).
public struct StreamResolver {
    private var view: OwnerView
    private let firstSequence: Int64
    public private(set) var streams: [CustomerID?] = []
    /// Events still without a customer, with their index in the batch.
    private var waiting: [(index: Int, event: Event)] = []

    public init(ledger: Ledger) {
        view = OwnerView(recorded: ledger.owners)
        firstSequence = ledger.lastSequence + 1
    }

    /// How many events, from the first of the batch, have their customer.
    public var resolvedCount: Int { waiting.first?.index ?? streams.count }

    /// Resolves the next events of the batch, and those of earlier chunks that waited for them.
    public mutating func add(_ events: some Collection<Event>) {
        let start = streams.count
        streams.append(contentsOf: repeatElement(nil, count: events.count))
        var candidates = waiting
        candidates.reserveCapacity(waiting.count + events.count)
        for (offset, event) in events.enumerated() { candidates.append((start + offset, event)) }
        // Ownership flows one way: invoices and orders name their customer; disputes are
        // found through invoices; resolutions through disputes.
        for round in 0..<3 {
            for (index, event) in candidates where streams[index] == nil {
                guard Self.round(of: event) == round, let stream = view.stream(of: event) else { continue }
                streams[index] = stream
                view.batch.record(event, customer: stream)
            }
        }
        waiting = candidates.filter { streams[$0.index] == nil }
    }

    /// The batch's resolution, with the violations of the events that found no customer.
    public func finish() -> StreamResolution {
        let unresolved = waiting.map { index, event in
            BatchRejection.Item(
                index: index,
                violation: view.unresolvedReference(event, sequence: firstSequence + Int64(index))
            )
        }
        return StreamResolution(streams: streams, unresolved: unresolved, batchOwners: view.batch)
    }

    private static func round(of event: Event) -> Int {
        if event.namedCustomer != nil { return 0 }
        switch event {
        case .disputeResolved: return 2
        default: return 1
        }
    }
}
