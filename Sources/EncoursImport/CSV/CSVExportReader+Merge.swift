import EncoursCore

extension CSVExportReader {
    /// A customer to register: new to the ledger, first named in chunk `chunk`.
    private struct Registration {
        var chunk: Int
        var seen: CSVChunkCustomer
    }

    /// Joins the chunks in file order and inserts a `customer.registered` just before the
    /// first document of each customer the ledger does not know, dated the earliest day of
    /// that customer's lines in the file (so that a file not sorted by date still has every
    /// document on or after its customer's registration).
    func merge(_ chunks: [CSVChunk], columns: CSVColumns<CSVColumn>, file: String) -> EventReadResult {
        let customerColumns = columns.customer
        // Set up as the chunks' walks were, to read the registrations' lines again alike.
        var scanner = DelimitedRecordScanner(
            separator: mapping.separator,
            selection: DelimitedRecordScanner.Selection(columns.indices)
        )
        var registrations: [Registration] = []
        var pending: [CustomerID: Int] = [:]
        var known: Set<CustomerID> = []
        for (index, chunk) in chunks.enumerated() {
            for seen in chunk.customers {
                let customer = seen.customer
                if let earlier = pending[customer] {
                    registrations[earlier].seen.earliest = min(registrations[earlier].seen.earliest, seen.earliest)
                } else if !known.contains(customer) {
                    if knownCustomers.contains(customer) {
                        known.insert(customer)
                    } else {
                        pending[customer] = registrations.count
                        registrations.append(Registration(chunk: index, seen: seen))
                    }
                }
            }
        }

        let writer = CanonicalEventWriter()
        var events: [ParsedEvent] = []
        events.reserveCapacity(chunks.reduce(registrations.count) { $0 + $1.events.count })
        var errors: [ImportError] = []
        var omitted = 0
        var skipped: [SkippedLine] = []
        var next = 0
        for (index, chunk) in chunks.enumerated() {
            var chunkErrors = chunk.errors
            var copied = 0
            // Registrations are in chunk order, and in each chunk in the order of first mention.
            while next < registrations.count, registrations[next].chunk == index {
                let registration = registrations[next]
                next += 1
                events.append(contentsOf: chunk.events[copied..<registration.seen.firstEvent])
                copied = registration.seen.firstEvent
                guard let customerColumns else { continue }
                let seen = registration.seen
                let read = seen.record.withRecord(in: chunk, scanner: &scanner) { record in
                    CSVCustomerProfile.read(customerColumns, record, mapping: mapping, file: file)
                }
                // The chunk's walk lent this line: walking its span again lends it again.
                guard let read else { continue }
                let (profile, problems) = read
                if problems.isEmpty {
                    let event = Event.customerRegistered(
                        CustomerRegistered(customer: seen.customer, profile: profile, on: seen.earliest)
                    )
                    events.append(ParsedEvent(line: seen.record.line, event: event, payload: writer.json(event)))
                } else {
                    chunkErrors.append(contentsOf: problems)
                }
            }
            events.append(contentsOf: chunk.events[copied...])
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
        return EventReadResult(file: file, events: events, errors: errors, omittedErrorCount: omitted, skipped: skipped)
    }
}
