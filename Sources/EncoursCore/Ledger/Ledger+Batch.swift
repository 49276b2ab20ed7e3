/// A batch checked against the ledger: the customer each event is filed under (the log's
/// `stream`) and the accounts as they will be once it is appended.
///
/// Checking and applying are split, as a state machine returns an action: the caller
/// appends the batch durably, then commits it here. A batch that fails to append is
/// simply dropped and the ledger has not changed.
public struct PreparedBatch: Sendable {
    /// One per event, in batch order.
    public let streams: [CustomerID]
    /// The sequence numbers the events must receive, in batch order.
    public let sequences: ClosedRange<Int64>?
    let accounts: [CustomerAccount]
    let entries: [LedgerEntry]
    let owners: DocumentOwners
}

/// Why a batch was refused: every violation found, each tied to its event when it is one of
/// the batch's (`index`), or to a recorded event the batch would invalidate (`index` nil).
public struct BatchRejection: Error, Sendable {
    public struct Item: Sendable, Hashable {
        /// Position of the event in the batch, or `nil` for a recorded event.
        public var index: Int?
        public var violation: LedgerViolation
    }

    public var items: [Item]
}

extension Ledger {
    /// Checks `events` as if appended after everything recorded, in their order; returns
    /// what to append, or every violation. The ledger does not change.
    ///
    /// `resolution`: this ledger's ``resolveStreams(_:)`` of the same events, when the
    /// caller already needed it (to write the rows), so it is not computed twice.
    public func prepare(_ events: [Event], resolution: StreamResolution? = nil) -> Result<PreparedBatch, BatchRejection>
    {
        let plan = plan(events, resolution: resolution)
        return finish(plan, checking: [checkAccounts(of: plan, plan.accounts)])
    }

    /// The first step of ``prepare(_:resolution:)``, for a caller that checks the accounts
    /// in parts on several cores (``checkAccounts(of:_:)``, then ``finish(_:checking:)``):
    /// each customer's account is checked on its own.
    public func plan(_ events: [Event], resolution: StreamResolution? = nil) -> BatchCheckPlan {
        plan(pending: pendingEntries(of: events), resolution: resolution ?? resolveStreams(events))
    }

    /// ``plan(_:resolution:)`` for a caller that built the batch's entries as it arrived (a
    /// large import, while its rows were being inserted): `pending` holds them numbered
    /// from ``lastSequence`` + 1, and `resolution` is ``StreamResolver``'s for them.
    public func plan(pending: [LedgerEntry], resolution: StreamResolution) -> BatchCheckPlan {
        precondition(pending.count == resolution.streams.count, "one pending entry per event of the batch")
        var lookup = EntryLookup(recorded: entries)
        lookup.pending = pending
        let (streamOrder, newPositions) = Self.group(resolution.streams, firstPosition: Int32(entries.count))
        return BatchCheckPlan(
            firstSequence: lastSequence + 1,
            eventCount: pending.count,
            view: OwnerView(recorded: owners, batch: resolution.batchOwners),
            lookup: lookup,
            streamOrder: streamOrder,
            newPositions: newPositions,
            streams: resolution.streams.map { $0 ?? CustomerID("") },
            unresolved: resolution.unresolved
        )
    }

    /// The entries `events` become when appended after everything recorded.
    private func pendingEntries(of events: [Event]) -> [LedgerEntry] {
        var pending: [LedgerEntry] = []
        pending.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            pending.append(LedgerEntry(sequence: lastSequence + 1 + Int64(index), event: event))
        }
        return pending
    }

    /// The customers of `streams` in order of first appearance, and the positions of each
    /// one's events (`firstPosition` onwards, in order); events without a customer are left
    /// out. Each event's customer is looked up once, and the positions go to arrays sized by
    /// a first count: appending to arrays held in a table took twice as long on a large
    /// import.
    static func group(_ streams: [CustomerID?], firstPosition: Int32) -> ([CustomerID], [[Int32]]) {
        var numbers: [CustomerID: Int32] = [:]
        var order: [CustomerID] = []
        var numberOfEvent = [Int32](repeating: -1, count: streams.count)
        var counts: [Int] = []
        for (index, stream) in streams.enumerated() {
            guard let stream else { continue }
            let number: Int32
            if let known = numbers[stream] {
                number = known
            } else {
                number = Int32(order.count)
                numbers[stream] = number
                order.append(stream)
                counts.append(0)
            }
            numberOfEvent[index] = number
            counts[Int(number)] += 1
        }
        var positions = counts.map { count in
            var positions: [Int32] = []
            positions.reserveCapacity(count)
            return positions
        }
        for (index, number) in numberOfEvent.enumerated() where number >= 0 {
            positions[Int(number)].append(firstPosition + Int32(index))
        }
        return (order, positions)
    }

    /// Checks the accounts `range` of `plan` (positions in ``BatchCheckPlan/accounts``)
    /// as the batch would leave them.
    public func checkAccounts(of plan: BatchCheckPlan, _ range: Range<Int>) -> CheckedAccounts {
        let lookup = plan.lookup
        var checked = CheckedAccounts()
        for place in range {
            let stream = plan.streamOrder[place]
            let additions = plan.newPositions[place].sorted(by: lookup.precedes)
            var account = self.account(stream) ?? CustomerAccount(customer: stream)
            let violations: [LedgerViolation]
            if let lastDay = account.state.lastDay, lookup.day(at: additions[0]) < lastDay {
                account.entryPositions.append(contentsOf: additions)
                account.entryPositions.sort(by: lookup.precedes)
                let rebuilt = account.rebuilt(entries: lookup, owners: plan.view)
                account.state = rebuilt.state
                violations = rebuilt.violations
            } else {
                var state = account.state
                // A first pass that only reads the entries, which lie scattered through the
                // batch: its loads do not wait for each other, so the memory fetches them
                // together, where the applying loop waits for each in turn. What it counts
                // sizes the account's invoice tables once.
                state.reserveInvoices(state.invoices.count + lookup.invoiceCount(at: additions))
                var found: [LedgerViolation] = []
                for position in additions {
                    do { try state.apply(lookup[position], owners: plan.view) } catch { found.append(error) }
                }
                account.entryPositions.append(contentsOf: additions)
                account.state = state
                violations = found
            }
            for violation in violations {
                checked.rejected.append(Ledger.item(for: violation, firstSequence: plan.firstSequence))
            }
            checked.accounts.append(account)
        }
        return checked
    }

    /// The batch, or every violation, from the checks of all of `plan`'s accounts, in order.
    public func finish(
        _ plan: BatchCheckPlan,
        checking parts: [CheckedAccounts]
    ) -> Result<PreparedBatch, BatchRejection> {
        var rejected = plan.unresolved
        for part in parts { rejected += part.rejected }
        if !rejected.isEmpty {
            rejected.sort { ($0.index ?? -1, $0.violation.sequence) < ($1.index ?? -1, $1.violation.sequence) }
            return .failure(BatchRejection(items: rejected))
        }
        let sequences =
            plan.eventCount == 0 ? nil : plan.firstSequence...(plan.firstSequence + Int64(plan.eventCount) - 1)
        return .success(
            PreparedBatch(
                streams: plan.streams,
                sequences: sequences,
                accounts: parts.flatMap(\.accounts),
                entries: plan.lookup.pending,
                owners: plan.view.batch
            )
        )
    }

    /// Applies a prepared batch once the log holds it. Nothing else may have been appended
    /// or committed since it was prepared.
    public mutating func commit(_ batch: PreparedBatch) {
        if let sequences = batch.sequences {
            precondition(sequences.lowerBound == lastSequence + 1, "a batch was committed out of order")
            lastSequence = sequences.upperBound
        }
        entries.appendTakingStorage(of: batch.entries)
        for account in batch.accounts {
            if let index = accountIndex[account.customer] {
                accounts[index] = account
            } else {
                _ = insertAccount(account)
            }
        }
        if owners.isEmpty {
            owners = batch.owners
        } else {
            owners.merge(batch.owners)
        }
    }

    private static func item(for violation: LedgerViolation, firstSequence: Int64) -> BatchRejection.Item {
        if violation.sequence >= firstSequence {
            return .init(index: Int(violation.sequence - firstSequence), violation: violation)
        }
        var invalidated = violation
        invalidated.code = .recordedEventInvalidated
        invalidated.message = "recorded event seq \(violation.sequence) would no longer hold: \(violation)"
        invalidated.field = nil
        return .init(index: nil, violation: invalidated)
    }
}

/// The customer of each event of a batch, and what could not be resolved: computed once,
/// used both to write the log's `stream` column and to check the batch.
public struct StreamResolution: Sendable {
    /// One per event; `nil` where no customer could be found.
    public var streams: [CustomerID?]
    /// The violations for the events without one.
    public var unresolved: [BatchRejection.Item]
    /// The documents the batch creates, with their customers.
    var batchOwners: DocumentOwners
}

extension Ledger {
    /// The customer each event is filed under (the log's `stream`): the one it names, else
    /// the owner of the document it names, recorded or anywhere in the batch; `nil` when
    /// there is none, with the violation that says so.
    ///
    /// Whether the document exists at the event's place in time is the timeline's check,
    /// not this one's: a file need not list a dispute after its invoice, only date it so.
    /// Documents are found in three rounds because ownership flows one way: invoices and
    /// orders name their customer; disputes are found through invoices; resolutions
    /// through disputes.
    public func resolveStreams(_ events: [Event]) -> StreamResolution {
        var resolver = StreamResolver(ledger: self)
        resolver.add(events)
        return resolver.finish(events)
    }
}

extension OwnerView {
    /// The customer an event is filed under: the one it names, else the owner of the
    /// document it names.
    func stream(of event: Event) -> CustomerID? {
        if let customer = event.namedCustomer { return customer }
        switch event {
        case .orderCancelled(let cancelled): return order(cancelled.order)
        case .disputeOpened(let opened): return invoice(opened.invoice)
        case .disputeResolved(let resolved): return dispute(resolved.dispute)
        default: return nil
        }
    }

    func unresolvedReference(_ event: Event, sequence: Int64) -> LedgerViolation {
        let (field, kind, id): (String, String, String) =
            switch event {
            case .orderCancelled(let cancelled): ("order", "order", cancelled.order.rawValue)
            case .disputeOpened(let opened): ("invoice", "invoice", opened.invoice.rawValue)
            case .disputeResolved(let resolved): ("dispute", "dispute", resolved.dispute.rawValue)
            default: ("customer", "customer", "")
            }
        return LedgerViolation(
            code: .unknownDocument,
            sequence: sequence,
            field: field,
            message: "\(kind) \"\(id)\" is unknown"
        )
    }
}
