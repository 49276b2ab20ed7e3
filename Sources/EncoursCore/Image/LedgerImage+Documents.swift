/// The documents of one ``AccountState`` in an accounts part (see `LedgerImage+Accounts`
/// for their place), each array read with its id-to-position index rebuilt alongside, and
/// every id unique and every index in range.
extension LedgerImage {
    /// Invoices, with the index from id to position rebuilt as they are read. Dispute
    /// indices are checked once the disputes are known.
    static func readInvoices(into state: inout AccountState, from reader: inout ImageReader)
        throws(LedgerImageError)
    {
        let count = try reader.count()
        state.invoices.reserveCapacity(count)
        state.invoiceIndex.reserveCapacity(count)
        for position in 0..<count {
            let start = reader.offset
            let id = InvoiceID(try reader.string())
            let amount = try reader.money()
            let issuedOn = try reader.day()
            let dueOn = try reader.day()
            let order = try reader.optionalString().map { OrderID($0) }
            let settled = try reader.money()
            let paidOn = try reader.optionalDay()
            let disputeCount = try reader.count()
            var disputes: [Int32] = []
            if disputeCount > 0 {
                disputes.reserveCapacity(disputeCount)
                for _ in 0..<disputeCount { disputes.append(try reader.index(below: Int(Int32.max))) }
            }
            guard state.invoiceIndex.updateValue(Int32(position), forKey: id) == nil else {
                throw LedgerImageError(at: start, "invoice \"\(id)\" appears twice")
            }
            state.invoices.append(
                InvoiceState(
                    id: id,
                    amount: amount,
                    issuedOn: issuedOn,
                    dueOn: dueOn,
                    order: order,
                    settled: settled,
                    disputes: disputes,
                    paidOn: paidOn
                )
            )
        }
    }

    static func readOrders(into state: inout AccountState, from reader: inout ImageReader)
        throws(LedgerImageError)
    {
        let count = try reader.count()
        state.orders.reserveCapacity(count)
        state.orderIndex.reserveCapacity(count)
        for position in 0..<count {
            let start = reader.offset
            let id = OrderID(try reader.string())
            let order = OrderState(
                id: id,
                amount: try reader.money(),
                placedOn: try reader.day(),
                invoiced: try reader.money(),
                cancelledOn: try reader.optionalDay()
            )
            guard state.orderIndex.updateValue(Int32(position), forKey: id) == nil else {
                throw LedgerImageError(at: start, "order \"\(id)\" appears twice")
            }
            state.orders.append(order)
        }
    }

    static func readDisputes(into state: inout AccountState, from reader: inout ImageReader)
        throws(LedgerImageError)
    {
        let count = try reader.count()
        state.disputes.reserveCapacity(count)
        state.disputeIndex.reserveCapacity(count)
        for position in 0..<count {
            let start = reader.offset
            let id = DisputeID(try reader.string())
            let invoiceIndex = try reader.index(below: state.invoices.count)
            let amount = try reader.money()
            let reason = try reader.optionalString()
            let openedOn = try reader.day()
            let resolvedOn = try reader.optionalDay()
            let outcome = try reader.flag() ? try readOutcome(from: &reader) : nil
            guard state.disputeIndex.updateValue(Int32(position), forKey: id) == nil else {
                throw LedgerImageError(at: start, "dispute \"\(id)\" appears twice")
            }
            state.disputes.append(
                DisputeState(
                    id: id,
                    invoiceIndex: invoiceIndex,
                    amount: amount,
                    reason: reason,
                    openedOn: openedOn,
                    resolvedOn: resolvedOn,
                    outcome: outcome
                )
            )
        }
        for invoice in state.invoices {
            for index in invoice.disputes where Int(index) >= count {
                throw LedgerImageError(at: nil, "invoice \"\(invoice.id)\" names dispute \(index) of \(count)")
            }
        }
    }

    static func readPromises(into state: inout AccountState, from reader: inout ImageReader)
        throws(LedgerImageError)
    {
        let count = try reader.count()
        state.promises.reserveCapacity(count)
        state.promiseIDs.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.offset
            let id = PromiseID(try reader.string())
            let amount = try reader.money()
            let madeOn = try reader.day()
            let dueOn = try reader.day()
            let invoiceCount = try reader.count()
            var invoices: [InvoiceID] = []
            invoices.reserveCapacity(invoiceCount)
            for _ in 0..<invoiceCount { invoices.append(InvoiceID(try reader.string())) }
            // Checked against the payments once they are read (`readCollection`).
            let paymentsBefore = try reader.index(below: Int(Int32.max))
            guard state.promiseIDs.insert(id).inserted else {
                throw LedgerImageError(at: start, "promise \"\(id)\" appears twice")
            }
            state.promises.append(
                PromiseState(
                    id: id,
                    amount: amount,
                    madeOn: madeOn,
                    dueOn: dueOn,
                    invoices: invoices,
                    paymentsBefore: paymentsBefore
                )
            )
        }
    }
}
