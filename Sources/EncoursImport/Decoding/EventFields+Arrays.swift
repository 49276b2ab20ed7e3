import EncoursCore

extension EventFields {
    /// The tape indexes of an optional array field's elements; empty when absent, `null` or
    /// `[]`, and after recording a wrong type.
    mutating func elements(of field: WireField) -> [Int] {
        guard let node = optional(field) else { return [] }
        guard document.kind(at: node) == .array else {
            recordWrongType(FieldPath(field), node: node, expected: "an array")
            return []
        }
        var elements: [Int] = []
        elements.reserveCapacity(Int(document.nodes[node].count))
        var element = document.firstChild(of: node)
        while element < document.end(of: node) {
            elements.append(element)
            element = document.sibling(of: element)
        }
        return elements
    }

    /// `invoices`: an array of invoice ids.
    mutating func idArray<Kind>(_ field: WireField) -> [Identifier<Kind>] {
        var ids: [Identifier<Kind>] = []
        for (index, element) in elements(of: field).enumerated() {
            if let text = nonEmptyString(at: element, FieldPath(field, index: index)) {
                ids.append(Identifier(text))
            }
        }
        return ids
    }

    /// `tags`: an array of free strings.
    mutating func stringArray(_ field: WireField) -> [String] {
        var strings: [String] = []
        for (index, element) in elements(of: field).enumerated() {
            if let text = string(at: element, FieldPath(field, index: index)) {
                strings.append(text)
            }
        }
        return strings
    }

    /// `allocations`: an array of `{"invoice": id, "amount": amount}`, both required.
    mutating func allocations() -> [Allocation] {
        var allocations: [Allocation] = []
        for (index, element) in elements(of: .allocations).enumerated() {
            let path = FieldPath(.allocations, index: index)
            guard document.kind(at: element) == .object else {
                recordWrongType(path, node: element, expected: "an object")
                continue
            }
            var invoiceNode: Int?
            var amountNode: Int?
            var key = document.firstChild(of: element)
            while key < document.end(of: element) {
                switch EventFields.field(named: key, in: document) {
                case .invoice: invoiceNode = key + 1
                case .amount: amountNode = key + 1
                default: break  // unknown fields are ignored here as at the top level
                }
                key = document.sibling(of: key + 1)
            }
            let invoicePath = FieldPath(.allocations, index: index, subfield: .invoice)
            let amountPath = FieldPath(.allocations, index: index, subfield: .amount)
            let invoice = required(at: invoiceNode, invoicePath).flatMap { nonEmptyString(at: $0, invoicePath) }
            let amount = required(at: amountNode, amountPath).flatMap { self.amount(at: $0, amountPath) }
            if let invoice, let amount {
                allocations.append(Allocation(invoice: InvoiceID(invoice), amount: amount))
            }
        }
        return allocations
    }
}
