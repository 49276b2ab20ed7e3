extension Ledger {
    /// A ledger put together from a snapshot: its entries in log order, and the accounts
    /// and owners of its ``LedgerImage`` parts, as the ledger that wrote them held them.
    ///
    /// Nothing is applied again. What would make a query or a later append fail is checked,
    /// at the cost of one pass over the positions: sequences strictly increase, every entry
    /// belongs to exactly one account, customers are distinct.
    public init(
        restoringEntries entries: [LedgerEntry],
        accounts: [CustomerAccount],
        owners: DocumentOwners
    ) throws(LedgerImageError) {
        var previous: Int64 = 0
        for entry in entries {
            guard entry.sequence > previous else {
                throw LedgerImageError(at: nil, "sequence \(entry.sequence) does not follow \(previous)")
            }
            previous = entry.sequence
        }
        var owned = [Bool](repeating: false, count: entries.count)
        var accountIndex: [CustomerID: Int] = [:]
        accountIndex.reserveCapacity(accounts.count)
        for (index, account) in accounts.enumerated() {
            guard accountIndex.updateValue(index, forKey: account.customer) == nil else {
                throw LedgerImageError(at: nil, "customer \"\(account.customer)\" has two accounts")
            }
            for position in account.entryPositions {
                guard Int(position) < entries.count, !owned[Int(position)] else {
                    throw LedgerImageError(
                        at: nil,
                        "entry position \(position) of customer \"\(account.customer)\" is out of range or taken"
                    )
                }
                owned[Int(position)] = true
            }
        }
        guard !owned.contains(false) else { throw LedgerImageError(at: nil, "an entry belongs to no account") }
        self.init()
        self.entries = entries
        self.accounts = accounts
        self.accountIndex = accountIndex
        self.sortedAccountIndices = accounts.indices.sorted { accounts[$0].customer < accounts[$1].customer }
        self.owners = owners
        self.lastSequence = previous
    }
}
