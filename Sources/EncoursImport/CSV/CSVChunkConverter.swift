import EncoursCore

/// Turns the records of one chunk of a CSV export into events, on one core.
///
/// Every column was resolved to an index before; a line costs reading its cells' bytes, the
/// parsing of its amount and days, and the writing of its canonical JSON, nothing looked up
/// by name and no string but those the event keeps.
struct CSVChunkConverter {
    let columns: CSVColumns<CSVColumn>
    /// Whether the mapping registers customers (has `[customer]` columns).
    let registersCustomers: Bool
    let file: String
    /// Records starting before this line are the header.
    let firstDataLine: Int
    let errorLimit: Int
    /// The values of the kind column as UTF-8, compared with the cells' bytes.
    private let kindValues: [(utf8: [UInt8], value: CSVKindValue)]
    private let writer = CanonicalEventWriter()
    /// Reused for every event's JSON: each payload is then one allocation, its string.
    private var payload: [UInt8] = []
    /// Reused for every line.
    private var reader: CSVLineReader
    private(set) var chunk = CSVChunk()

    init(mapping: CSVMapping, columns: CSVColumns<CSVColumn>, file: String, firstDataLine: Int, errorLimit: Int) {
        self.columns = columns
        self.registersCustomers = columns.customer != nil
        self.reader = CSVLineReader(
            file: file,
            record: .none,
            amountFormat: mapping.amountFormat,
            dayFormat: mapping.dayFormat
        )
        self.file = file
        self.firstDataLine = firstDataLine
        self.errorLimit = errorLimit
        if case .column(_, let values) = columns.kind {
            kindValues = values.map { (Array($0.value.utf8), $0) }
        } else {
            kindValues = []
        }
        payload.reserveCapacity(512)
    }

    /// Makes room for the events and customers of about `bytes` bytes of text: a chunk's
    /// lists are then seldom copied to grow.
    mutating func reserveCapacity(forBytes bytes: Int) {
        chunk.events.reserveCapacity(bytes / 64 + 16)
        if registersCustomers {
            // A customer per hundred bytes or so at most: a line names one.
            chunk.customerIndex.reserveCapacity(bytes / 128 + 16)
            chunk.customers.reserveCapacity(bytes / 128 + 16)
        }
    }

    mutating func convert(_ record: DelimitedRecordView, _ source: DelimitedRecordSource) {
        guard record.line >= firstDataLine else { return }
        reader.start(record)
        let event: Event?
        var skipped: SkippedLine?
        switch Self.kind(columns.kind, kindValues, &reader, skipped: &skipped) {
        case nil:
            if let skipped { chunk.skipped.append(skipped) }
            event = nil
        case .invoice: event = if let columns = columns.invoice { Self.invoice(columns, &reader) } else { nil }
        case .creditNote: event = if let columns = columns.creditNote { Self.creditNote(columns, &reader) } else { nil }
        case .payment: event = if let columns = columns.payment { Self.payment(columns, &reader) } else { nil }
        case .order: event = if let columns = columns.order { Self.order(columns, &reader) } else { nil }
        }
        guard reader.errors.isEmpty else {
            keep(reader.errors)
            return
        }
        guard let event else { return }
        if registersCustomers, let customer = event.namedCustomer {
            track(customer, on: event.on, record: record, source: source)
        }
        payload.removeAll(keepingCapacity: true)
        writer.append(event, to: &payload)
        chunk.events.append(
            ParsedEvent(line: record.line, event: event, payload: String(decoding: payload, as: UTF8.self))
        )
    }

    private mutating func keep(_ errors: [ImportError]) {
        for error in errors {
            if chunk.errors.count < errorLimit {
                chunk.errors.append(error)
            } else {
                chunk.omittedErrorCount += 1
            }
        }
    }

    /// The line's kind; `nil` for a line the mapping ignores (then `skipped` says why) or
    /// one whose kind is unknown (then an error).
    private static func kind(
        _ rule: CSVKindRule<CSVColumn>,
        _ kindValues: [(utf8: [UInt8], value: CSVKindValue)],
        _ reader: inout CSVLineReader,
        skipped: inout SkippedLine?
    ) -> CSVDocumentKind? {
        switch rule {
        case .fixed(let kind):
            return kind
        case .column(let column, let values):
            guard let cell = reader.cell(column, nil) else { return nil }
            // Bytes first; then as strings, which compare canonically equivalent text equal.
            let value =
                kindValues.first(where: { $0.utf8.elementsEqual(cell) })?.value
                ?? values.first(where: { $0.value == CSVLineReader.text(cell) })
            guard let value else {
                let known = values.map { "\"\($0.value)\"" }.joined(separator: ", ")
                reader.add(
                    column,
                    nil,
                    .unknownKind,
                    "\"\(CSVLineReader.text(cell))\" is not a value the mapping lists in [kind] (\(known))"
                )
                return nil
            }
            guard let kind = value.kind else {
                let text = CSVLineReader.text(cell)
                let reason = "column \"\(column.label)\" is \"\(text)\", which the mapping ignores (kind.ignore)"
                skipped = SkippedLine(file: reader.file, line: reader.line, reason: reason)
                return nil
            }
            return kind
        }
    }

    // MARK: - Kinds

    /// An invoice, or the credit note a negative invoice stands for when the mapping says so.
    private static func invoice(_ columns: CSVInvoiceColumns<CSVColumn>, _ reader: inout CSVLineReader) -> Event? {
        let type = EventType.invoiceIssued
        let invoice = reader.requiredText(columns.invoice, type, "the invoice number")
        let customer = reader.requiredText(columns.customer, type, "the customer's id")
        let on = reader.requiredDay(columns.on, type, "the issue date")
        let amount = reader.amount(columns.amount, type, negativeAllowed: columns.negativeAmount == .creditNote)
        guard let invoice, let customer, let on, let amount else { return nil }
        if amount.isNegative {
            let credited = columns.creditedInvoice.flatMap { reader.optionalText($0, .creditNoteIssued) }
            return .creditNoteIssued(
                CreditNoteIssued(
                    customer: CustomerID(customer),
                    creditNote: CreditNoteID(invoice),
                    amount: -amount,
                    invoice: credited.map { InvoiceID($0) },
                    on: on
                )
            )
        }
        let dueOn = columns.dueOn.flatMap { reader.optionalDay($0, type) }
        let order = columns.order.flatMap { reader.optionalText($0, type) }
        return .invoiceIssued(
            InvoiceIssued(
                customer: CustomerID(customer),
                invoice: InvoiceID(invoice),
                amount: amount,
                on: on,
                dueOn: dueOn,
                order: order.map { OrderID($0) }
            )
        )
    }

    private static func creditNote(_ columns: CSVCreditNoteColumns<CSVColumn>, _ reader: inout CSVLineReader) -> Event?
    {
        let type = EventType.creditNoteIssued
        let creditNote = reader.requiredText(columns.creditNote, type, "the credit note number")
        let customer = reader.requiredText(columns.customer, type, "the customer's id")
        let on = reader.requiredDay(columns.on, type, "the issue date")
        let amount = reader.amount(columns.amount, type)
        let invoice = columns.invoice.flatMap { reader.optionalText($0, type) }
        guard let creditNote, let customer, let on, let amount else { return nil }
        return .creditNoteIssued(
            CreditNoteIssued(
                customer: CustomerID(customer),
                creditNote: CreditNoteID(creditNote),
                amount: amount,
                invoice: invoice.map { InvoiceID($0) },
                on: on
            )
        )
    }

    /// A payment; the invoice it settles, when the line names one, gets the whole amount.
    private static func payment(_ columns: CSVPaymentColumns<CSVColumn>, _ reader: inout CSVLineReader) -> Event? {
        let type = EventType.paymentReceived
        let payment = reader.requiredText(columns.payment, type, "the payment's reference")
        let customer = reader.requiredText(columns.customer, type, "the customer's id")
        let on = reader.requiredDay(columns.on, type, "the day it was received")
        let amount = reader.amount(columns.amount, type)
        let invoice = columns.invoice.flatMap { reader.optionalText($0, type) }
        guard let payment, let customer, let on, let amount else { return nil }
        return .paymentReceived(
            PaymentReceived(
                customer: CustomerID(customer),
                payment: PaymentID(payment),
                amount: amount,
                on: on,
                allocations: invoice.map { [Allocation(invoice: InvoiceID($0), amount: amount)] } ?? []
            )
        )
    }

    private static func order(_ columns: CSVOrderColumns<CSVColumn>, _ reader: inout CSVLineReader) -> Event? {
        let type = EventType.orderPlaced
        let order = reader.requiredText(columns.order, type, "the order number")
        let customer = reader.requiredText(columns.customer, type, "the customer's id")
        let on = reader.requiredDay(columns.on, type, "the order date")
        let amount = reader.amount(columns.amount, type)
        guard let order, let customer, let on, let amount else { return nil }
        return .orderPlaced(OrderPlaced(customer: CustomerID(customer), order: OrderID(order), amount: amount, on: on))
    }

    // MARK: - Customers

    private mutating func track(
        _ customer: CustomerID,
        on day: Day,
        record: DelimitedRecordView,
        source: DelimitedRecordSource
    ) {
        // One look-up: the slot is filled with the next index when the customer is new.
        let next = chunk.customers.count
        func index(_ slot: inout Int) -> Int { slot }
        let index = index(&chunk.customerIndex[customer, default: next])
        if index < next {
            if day < chunk.customers[index].earliest { chunk.customers[index].earliest = day }
            return
        }
        chunk.customers.append(
            CSVChunkCustomer(
                customer: customer,
                firstEvent: chunk.events.count,
                record: kept(record, source),
                earliest: day
            )
        )
    }

    /// The line as the merge will read it again: where it is, or a copy when the library
    /// read it with its neighbours.
    private func kept(_ record: DelimitedRecordView, _ source: DelimitedRecordSource) -> CSVKeptLine {
        switch source {
        case .span(let range): .span(range, line: record.line)
        case .library: .fields(record.materialized())
        }
    }
}
