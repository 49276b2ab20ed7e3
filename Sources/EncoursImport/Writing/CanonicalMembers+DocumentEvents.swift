import EncoursCore

extension OrderPlaced: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.order, id: order)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.on, day: on)
        output.appendMember(.override, string: override)
    }
}

extension OrderCancelled: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.order, id: order)
        output.appendMember(.on, day: on)
    }
}

extension InvoiceIssued: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.invoice, id: invoice)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.on, day: on)
        output.appendMember(.dueOn, day: dueOn)
        output.appendMember(.order, id: order)
    }
}

extension CreditNoteIssued: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.creditNote, id: creditNote)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.invoice, id: invoice)
        output.appendMember(.on, day: on)
    }
}

extension PaymentReceived: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.payment, id: payment)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.on, day: on)
        guard !allocations.isEmpty else { return }
        output.appendKey(.allocations)
        output.append(.openBracket)
        for (index, allocation) in allocations.enumerated() {
            if index > 0 { output.append(.comma) }
            // The object's first member has no leading comma, unlike appendMember's.
            output.append(contentsOf: #"{"invoice":"#.utf8)
            output.appendJSONString(allocation.invoice.rawValue)
            output.appendMember(.amount, amount: allocation.amount)
            output.append(.closeBrace)
        }
        output.append(.closeBracket)
    }
}

extension CreditApplied: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        output.appendMember(.invoice, id: invoice)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.on, day: on)
    }
}
