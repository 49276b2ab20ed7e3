import EncoursCore

extension DisputeOpened: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.invoice, id: invoice)
        output.appendMember(.dispute, id: dispute)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.reason, string: reason)
        output.appendMember(.on, day: on)
    }
}

extension DisputeResolved: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.dispute, id: dispute)
        output.appendMember(.outcome, string: outcome?.rawValue)
        output.appendMember(.on, day: on)
    }
}

extension PromiseMade: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        output.appendMember(.promise, id: promise)
        output.appendMember(.amount, amount: amount)
        output.appendMember(.dueOn, day: dueOn)
        output.appendMember(.invoices, ids: invoices)
        output.appendMember(.on, day: on)
    }
}

extension ReminderSent: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        output.appendMember(.level, string: level)
        output.appendMember(.channel, string: channel)
        output.appendMember(.invoices, ids: invoices)
        output.appendMember(.note, string: note)
        output.appendMember(.on, day: on)
    }
}

extension NoteLogged: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        output.appendMember(.text, string: text)
        output.appendMember(.tags, strings: tags)
        output.appendMember(.on, day: on)
    }
}
