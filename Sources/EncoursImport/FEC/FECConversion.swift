import Dispatch
import EncoursCore
import Synchronization

/// Turns the customer lines of an FEC into canonical events: the customers it meets for the
/// first time, invoices, credit notes and payments, with lettering as allocations.
///
/// Pure (no I/O, no clock): the same lines, options and known customers give the same
/// events, in the ledger's order (day, then registrations, invoices, credit notes,
/// payments, then file order), which is what lets a payment be allocated to an invoice of
/// the same day. The rules are in docs/imports.md ("FEC").
struct FECConversion: Sendable {
    let file: String
    let options: FECOptions
    let knownCustomers: KnownCustomers

    /// What the lines became.
    struct Result: Sendable {
        var events: [ParsedEvent]
        var skipped: [SkippedLine]
    }

    /// The customers the lines name, in order of first appearance.
    struct Customers {
        var ids: [String] = []
        /// The name on each customer's first line, and that line.
        var names: [String] = []
        var firstLines: [Int] = []
        /// The day of each customer's earliest event; `nil` when all its lines were skipped.
        var earliest: [Day?] = []
    }

    func convert(_ lines: [FECCustomerLine]) -> Result {
        var skipped: [SkippedLine] = []
        var customers = Customers()
        var documents = self.documents(lines, customers: &customers, skipped: &skipped)
        if options.usesLettering { Self.settleLettering(&documents, customerCount: customers.ids.count) }
        var events = registrations(customers)
        events.reserveCapacity(events.count + documents.count)
        for document in documents {
            events.append((document.on, document.kind.rawValue, document.line, event(document, customers)))
        }
        events.sort { lhs, rhs in
            if lhs.on != rhs.on { return lhs.on < rhs.on }
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return lhs.line < rhs.line
        }
        return Result(events: Self.parsedEvents(events), skipped: skipped)
    }

    // MARK: - Lines to documents

    private func documents(
        _ lines: [FECCustomerLine],
        customers: inout Customers,
        skipped: inout [SkippedLine]
    ) -> [FECDocument] {
        let ids = FECEntryIDs.ids(for: lines)
        let journals = FECJournals(options)
        var kinds: [String: FECJournalKind] = [:]
        var lastJournal: (code: String, kind: FECJournalKind)?
        var customerIndex: [String: Int] = [:]
        var documents: [FECDocument] = []
        documents.reserveCapacity(lines.count)
        for (position, line) in lines.enumerated() {
            let customer: Int
            if let known = customerIndex[line.customer] {
                customer = known
            } else {
                customer = customers.ids.count
                customerIndex[line.customer] = customer
                customers.ids.append(line.customer)
                customers.names.append(line.customerName)
                customers.firstLines.append(line.line)
                customers.earliest.append(nil)
            }
            guard !line.amount.isZero else {
                skipped.append(SkippedLine(file: file, line: line.line, reason: "zero amount"))
                continue
            }
            let journal: FECJournalKind
            if let lastJournal, lastJournal.code == line.journal {
                journal = lastJournal.kind
            } else if let known = kinds[line.journal] {
                journal = known
            } else {
                journal = journals.kind(code: line.journal, label: line.journalLabel)
                kinds[line.journal] = journal
            }
            lastJournal = (line.journal, journal)
            let isDebit = line.amount.isPositive
            var on = line.entryDate
            let kind: FECDocument.Kind
            switch (journal, isDebit) {
            case (.sales, true):
                kind = .invoice
            case (.sales, false):
                kind = .creditNote
            case (.opening, true):
                kind = .invoice
                // Software that carries the original invoice's date forward writes it here.
                if let pieceDate = line.pieceDate, pieceDate < on { on = pieceDate }
            case (.opening, false), (.other, false):
                kind = .payment
            case (.other, true):
                skipped.append(
                    SkippedLine(
                        file: file,
                        line: line.line,
                        reason: "a debit on a customer account in journal \(line.journal), neither a sales nor an "
                            + "opening journal (a refund, a rejected payment or an adjustment)",
                        category: "a debit on a customer account outside sales and opening journals"
                    )
                )
                continue
            }
            if customers.earliest[customer].map({ on < $0 }) ?? true { customers.earliest[customer] = on }
            documents.append(
                FECDocument(
                    kind: kind,
                    line: line.line,
                    id: ids[position],
                    customer: customer,
                    amount: isDebit ? line.amount : -line.amount,
                    on: on,
                    lettering: line.lettering
                )
            )
        }
        return documents
    }

    /// Settles each lettering group (one customer, one `EcritureLet`): the groups are found
    /// with one dictionary access per lettered document and laid out in one flat array.
    private static func settleLettering(_ documents: inout [FECDocument], customerCount: Int) {
        struct Group: Hashable {
            var customer: Int
            var lettering: String
        }
        var groupIndex: [Group: Int] = [:]
        var groupOf = [Int](repeating: -1, count: documents.count)
        var sizes: [Int] = []
        for (index, document) in documents.enumerated() where !document.lettering.isEmpty {
            let group = Group(customer: document.customer, lettering: document.lettering)
            let number: Int
            if let known = groupIndex[group] {
                number = known
            } else {
                number = sizes.count
                groupIndex[group] = number
                sizes.append(0)
            }
            groupOf[index] = number
            sizes[number] += 1
        }
        var starts = [Int](repeating: 0, count: sizes.count + 1)
        for (group, size) in sizes.enumerated() { starts[group + 1] = starts[group] + size }
        var members = [Int](repeating: 0, count: starts[sizes.count])
        var filled = starts
        for (index, group) in groupOf.enumerated() where group >= 0 {
            members[filled[group]] = index
            filled[group] += 1
        }
        for group in sizes.indices {
            FECLettering.settle(members[starts[group]..<starts[group + 1]], in: &documents)
        }
    }

    // MARK: - Events

    private typealias Placed = (on: Day, rank: Int, line: Int, event: Event)

    /// A `customer.registered` for each customer the ledger does not know, dated on its
    /// earliest event and named from its first line in the file.
    private func registrations(_ customers: Customers) -> [Placed] {
        var placed: [Placed] = []
        for index in customers.ids.indices {
            guard let on = customers.earliest[index] else { continue }  // every line of it skipped
            let customer = CustomerID(customers.ids[index])
            guard !knownCustomers.contains(customer) else { continue }
            let name = customers.names[index].isEmpty ? customers.ids[index] : customers.names[index]
            let registered = CustomerRegistered(
                customer: customer,
                profile: CustomerProfile(legalName: name, termsDays: options.termsDays),
                on: on
            )
            placed.append((on, 0, customers.firstLines[index], .customerRegistered(registered)))
        }
        return placed
    }

    private func event(_ document: FECDocument, _ customers: Customers) -> Event {
        let customer = CustomerID(customers.ids[document.customer])
        switch document.kind {
        case .invoice:
            return .invoiceIssued(
                InvoiceIssued(
                    customer: customer,
                    invoice: InvoiceID(document.id),
                    amount: document.amount,
                    on: document.on
                )
            )
        case .creditNote:
            return .creditNoteIssued(
                CreditNoteIssued(
                    customer: customer,
                    creditNote: CreditNoteID(document.id),
                    amount: document.amount,
                    invoice: document.invoice.map { InvoiceID($0) },
                    on: document.on
                )
            )
        case .payment:
            return .paymentReceived(
                PaymentReceived(
                    customer: customer,
                    payment: PaymentID(document.id),
                    amount: document.amount,
                    on: document.on,
                    allocations: document.allocations
                )
            )
        }
    }

    /// Events with their canonical JSON, written on every core: the payload is the largest
    /// part of the work once lines are read.
    private static func parsedEvents(_ placed: [Placed]) -> [ParsedEvent] {
        let chunkSize = 16_384
        let chunkCount = (placed.count + chunkSize - 1) / chunkSize
        let results = Mutex<[[ParsedEvent]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let writer = CanonicalEventWriter()
            let range = (chunk * chunkSize)..<min(placed.count, (chunk + 1) * chunkSize)
            var events: [ParsedEvent] = []
            events.reserveCapacity(range.count)
            // One buffer for the chunk: each payload is then one allocation, its string.
            var output: [UInt8] = []
            output.reserveCapacity(512)
            for index in range {
                let item = placed[index]
                output.removeAll(keepingCapacity: true)
                writer.append(item.event, to: &output)
                events.append(
                    ParsedEvent(line: item.line, event: item.event, payload: String(decoding: output, as: UTF8.self))
                )
            }
            results.withLock { $0[chunk] = events }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
