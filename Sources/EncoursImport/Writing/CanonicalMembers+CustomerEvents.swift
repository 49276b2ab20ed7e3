import EncoursCore

extension CustomerRegistered: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.customer, id: customer)
        profile.appendMembers(to: &output)
        output.appendMember(.on, day: on)
    }
}

extension CustomerUpdated: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        profile.appendMembers(to: &output)
        output.appendMember(.on, day: on)
    }
}

extension CustomerProfile: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.legalName, string: legalName)
        output.appendMember(.tradeName, string: tradeName)
        output.appendMember(.siren, string: siren)
        output.appendMember(.incorporatedOn, day: incorporatedOn)
        output.appendMember(.salesRep, id: salesRep)
        output.appendMember(.termsDays, integer: termsDays)
        output.appendMember(.creditLimit, amount: creditLimit)
        output.appendMember(.policy, string: policy?.rawValue)
        output.appendMember(.insurer, string: insurer)
        output.appendMember(.insurerCover, amount: insurerCover)
    }
}

extension CreditLimitSet: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        output.appendMember(.limit, amount: limit)
        output.appendMember(.until, day: until)
        output.appendMember(.reason, string: reason)
        output.appendMember(.on, day: on)
    }
}

extension CustomerBlockChange: CanonicalMembers {
    func appendMembers(to output: inout [UInt8]) {
        output.appendMember(.id, string: id)
        output.appendMember(.customer, id: customer)
        output.appendMember(.reason, string: reason)
        output.appendMember(.on, day: on)
    }
}
