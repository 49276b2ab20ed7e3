extension AccountState {
    /// The index of one of this customer's invoices, or a violation saying why there is none
    /// at this place in the timeline.
    ///
    /// `field` is only spelled out for a violation: replay looks up millions of references
    /// and names none of them.
    func invoiceIndex(
        _ id: InvoiceID,
        field: @autoclosure () -> String,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) -> Int {
        if let index = invoiceIndex[id] { return Int(index) }
        throw missing("invoice", id.rawValue, owner: owners?.invoice(id), field: field(), sequence: sequence)
    }

    func orderIndex(
        _ id: OrderID,
        field: @autoclosure () -> String,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) -> Int {
        if let index = orderIndex[id] { return Int(index) }
        throw missing("order", id.rawValue, owner: owners?.order(id), field: field(), sequence: sequence)
    }

    func disputeIndex(
        _ id: DisputeID,
        field: @autoclosure () -> String,
        sequence: Int64,
        owners: OwnerView?
    ) throws(LedgerViolation) -> Int {
        if let index = disputeIndex[id] { return Int(index) }
        throw missing("dispute", id.rawValue, owner: owners?.dispute(id), field: field(), sequence: sequence)
    }

    func checkInvoices(_ ids: [InvoiceID], sequence: Int64, owners: OwnerView?) throws(LedgerViolation) {
        for (position, id) in ids.enumerated() {
            _ = try invoiceIndex(id, field: "invoices[\(position)]", sequence: sequence, owners: owners)
        }
    }

    private func missing(
        _ kind: String,
        _ id: String,
        owner: CustomerID?,
        field: String,
        sequence: Int64
    ) -> LedgerViolation {
        if let owner, owner != customer {
            return LedgerViolation(
                code: .documentOfAnotherCustomer,
                sequence: sequence,
                field: field,
                message: "\(kind) \"\(id)\" belongs to customer \"\(owner)\", not \"\(customer)\""
            )
        }
        // Known to this customer's future, or to nobody: either way it does not exist yet here.
        return LedgerViolation(
            code: .unknownDocument,
            sequence: sequence,
            field: field,
            message: "\(kind) \"\(id)\" does not exist at this date (unknown, or dated later)"
        )
    }
}

extension CustomerProfile {
    /// Takes every field the update gives; leaves the others as they were.
    mutating func merge(_ update: CustomerProfile) {
        if let value = update.legalName { legalName = value }
        if let value = update.tradeName { tradeName = value }
        if let value = update.siren { siren = value }
        if let value = update.incorporatedOn { incorporatedOn = value }
        if let value = update.salesRep { salesRep = value }
        if let value = update.termsDays { termsDays = value }
        if let value = update.creditLimit { creditLimit = value }
        if let value = update.policy { policy = value }
        if let value = update.insurer { insurer = value }
        if let value = update.insurerCover { insurerCover = value }
    }
}
