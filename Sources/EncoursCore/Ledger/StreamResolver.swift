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
    /// The indices of the events still without a customer, in batch order.
    private var waiting: [Int] = []

    /// `expectedCount`: about how many events the batch will hold, when the caller can
    /// tell; the tables that grow with it are sized at once (a million-event import spent a
    /// tenth of a second rehashing its invoices as they arrived).
    public init(ledger: Ledger, expectedCount: Int = 0) {
        view = OwnerView(recorded: ledger.owners)
        firstSequence = ledger.lastSequence + 1
        streams.reserveCapacity(expectedCount)
        // Invoices are the most numerous documents, never more than half of a real batch
        // (each has at least its payment).
        view.batch.invoices.reserveCapacity(expectedCount / 2)
    }

    /// How many events, from the first of the batch, have their customer.
    public var resolvedCount: Int { waiting.first ?? streams.count }

    /// Resolves the events `batch` holds beyond those of the previous call, and those of
    /// earlier calls that waited for them. `batch` is the batch as read so far: the same
    /// events as before, then the new ones.
    ///
    /// The batch may be held as the entries it becomes (`[LedgerEntry]`): a large import
    /// builds them as it arrives and would otherwise keep a second array of its events.
    public mutating func add(_ batch: [LedgerEntry]) { resolve(batch) }

    /// ``add(_:)`` for a batch held as its events.
    public mutating func add(_ batch: [Event]) { resolve(batch) }

    /// The two `add` are this one specialized in this module: called across modules, a
    /// generic would copy every event it reads.
    private mutating func resolve<Element: HoldsEvent>(_ batch: [Element]) {
        let start = streams.count
        guard batch.count > start else { return }
        streams.append(contentsOf: repeatElement(nil, count: batch.count - start))
        var candidates = waiting
        candidates.append(contentsOf: start..<batch.count)
        // Ownership flows one way: invoices and orders name their customer; disputes are
        // found through invoices; resolutions through disputes.
        for round in 0..<3 {
            for index in candidates where streams[index] == nil {
                guard Self.round(of: batch[index].event) == round, let stream = view.stream(of: batch[index].event)
                else { continue }
                streams[index] = stream
                view.batch.record(batch[index].event, customer: stream)
            }
        }
        waiting = candidates.filter { streams[$0] == nil }
    }

    /// The resolution of `batch` (the whole batch, as last given to ``add(_:)``), with the
    /// violations of the events that found no customer.
    public func finish(_ batch: [LedgerEntry]) -> StreamResolution { resolution(batch) }

    /// ``finish(_:)`` for a batch held as its events.
    public func finish(_ batch: [Event]) -> StreamResolution { resolution(batch) }

    private func resolution<Element: HoldsEvent>(_ batch: [Element]) -> StreamResolution {
        let unresolved = waiting.map { index in
            BatchRejection.Item(
                index: index,
                violation: view.unresolvedReference(batch[index].event, sequence: firstSequence + Int64(index))
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

/// What a batch given to ``StreamResolver`` holds: its events, or the ledger entries they
/// become.
protocol HoldsEvent {
    var event: Event { get }
}

extension Event: HoldsEvent {
    var event: Event { self }
}

extension LedgerEntry: HoldsEvent {}
