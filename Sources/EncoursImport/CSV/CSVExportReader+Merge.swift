import Dispatch
import EncoursCore
import Synchronization

extension CSVExportReader {
    /// What reading the line of a customer to register gave: the event, to insert before the
    /// chunk's event at `before`, or the problems in its profile.
    private enum Registration: Sendable {
        case event(ParsedEvent, before: Int)
        case problems([ImportError])
    }

    /// Joins the chunks in file order and inserts a `customer.registered` just before the
    /// first document of each customer the ledger does not know, dated the earliest day of
    /// that customer's lines in the file (so that a file not sorted by date still has every
    /// document on or after its customer's registration).
    ///
    /// `text` gives a chunk's UTF-8 text, where its customers' lines are read again. The
    /// events are copied into the file's list on every core, each chunk's into its own
    /// place, and each chunk's list is let go of on the core that copied it.
    func merge(
        _ chunks: consuming [CSVChunk],
        columns: CSVColumns<CSVColumn>,
        file: String,
        text: @Sendable (Int) -> [UInt8]
    ) -> EventReadResult {
        let registrations = readRegistrations(toRegister(chunks), columns: columns, file: file, text: text)
        var offsets: [Int] = []
        var total = 0
        var errors: [ImportError] = []
        var omitted = 0
        var skipped: [SkippedLine] = []
        for (chunk, registered) in zip(chunks, registrations) {
            offsets.append(total)
            total += chunk.events.count
            var chunkErrors = chunk.errors
            for registration in registered {
                switch registration {
                case .event: total += 1
                case .problems(let problems): chunkErrors.append(contentsOf: problems)
                }
            }
            if chunkErrors.count > chunk.errors.count {
                // Stable, so a line's errors keep their column order.
                chunkErrors = chunkErrors.enumerated().sorted {
                    ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
                }
                .map(\.element)
            }
            errors.append(contentsOf: chunkErrors)
            omitted += chunk.omittedErrorCount
            skipped.append(contentsOf: chunk.skipped)
        }
        if errors.count > errorLimit {
            omitted += errors.count - errorLimit
            errors.removeLast(errors.count - errorLimit)
        }
        let events = Self.joined(consume chunks, registrations: registrations, offsets: offsets, total: total)
        return EventReadResult(file: file, events: events, errors: errors, omittedErrorCount: omitted, skipped: skipped)
    }

    /// For each chunk, the customers first named there that the ledger does not know, in the
    /// order the chunk names them, each with its earliest day over the whole file.
    private func toRegister(_ chunks: [CSVChunk]) -> [[CSVChunkCustomer]] {
        var registrations: [[CSVChunkCustomer]] = Array(repeating: [], count: chunks.count)
        var pending: [CustomerID: (chunk: Int, index: Int)] = [:]
        var known: Set<CustomerID> = []
        for (index, chunk) in chunks.enumerated() {
            for position in chunk.customers.indices {
                let customer = chunk.customers[position].customer
                if let earlier = pending[customer] {
                    let earliest = registrations[earlier.chunk][earlier.index].earliest
                    registrations[earlier.chunk][earlier.index].earliest = min(
                        earliest,
                        chunk.customers[position].earliest
                    )
                } else if !known.contains(customer) {
                    if knownCustomers.contains(customer) {
                        known.insert(customer)
                    } else {
                        pending[customer] = (index, registrations[index].count)
                        registrations[index].append(chunk.customers[position])
                    }
                }
            }
        }
        return registrations
    }

    /// Reads the profiles of the customers to register, the chunks on every core.
    private func readRegistrations(
        _ customers: [[CSVChunkCustomer]],
        columns: CSVColumns<CSVColumn>,
        file: String,
        text: @Sendable (Int) -> [UInt8]
    ) -> [[Registration]] {
        guard let customerColumns = columns.customer else { return customers.map { _ in [] } }
        let withCustomers = customers.indices.filter { !customers[$0].isEmpty }
        let results = Mutex<[[Registration]]>(customers.map { _ in [] })
        let selection = DelimitedRecordScanner.Selection(columns.indices)
        DispatchQueue.concurrentPerform(iterations: withCustomers.count) { item in
            let chunk = withCustomers[item]
            let chunkText = text(chunk)
            // Set up as the chunk's walk was, to read the lines again alike.
            var scanner = DelimitedRecordScanner(separator: mapping.separator, selection: selection)
            let writer = CanonicalEventWriter()
            var registrations: [Registration] = []
            for seen in customers[chunk] {
                let read = seen.record.withRecord(in: chunkText, scanner: &scanner) { record in
                    CSVCustomerProfile.read(customerColumns, record, mapping: mapping, file: file)
                }
                // The chunk's walk lent this line: walking its span again lends it again.
                guard let read else { continue }
                if read.errors.isEmpty {
                    let event = Event.customerRegistered(
                        CustomerRegistered(customer: seen.customer, profile: read.profile, on: seen.earliest)
                    )
                    let parsed = ParsedEvent(line: seen.record.line, event: event, payload: writer.json(event))
                    registrations.append(.event(parsed, before: seen.firstEvent))
                } else {
                    registrations.append(.problems(read.errors))
                }
            }
            results.withLock { $0[chunk] = registrations }
        }
        return results.withLock { $0 }
    }

    /// The events of every chunk in order, each registration before the chunk's event it
    /// names; `offsets` is where each chunk's events start.
    private static func joined(
        _ chunks: consuming [CSVChunk],
        registrations: [[Registration]],
        offsets: [Int],
        total: Int
    ) -> [ParsedEvent] {
        let count = chunks.count
        let owned = Mutex(chunks)
        return [ParsedEvent](unsafeUninitializedCapacity: total) { buffer, initialized in
            // Each chunk writes its own disjoint range; the loop returns once all are written.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                // Taken out, so that the chunk is let go of here, on this core.
                let events = owned.withLock { chunks in
                    defer { chunks[index] = CSVChunk() }
                    return chunks[index].events
                }
                var position = offsets[index]
                func write(_ event: ParsedEvent) {
                    (output.baseAddress! + position).initialize(to: event)
                    position += 1
                }
                var copied = 0
                for case .event(let event, let before) in registrations[index] {
                    for index in copied..<before { write(events[index]) }
                    write(event)
                    copied = before
                }
                for index in copied..<events.count { write(events[index]) }
            }
            initialized = total
        }
    }
}
