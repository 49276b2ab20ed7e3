/// The receivables ledger: every customer's account, built from the event log.
///
/// The log is the truth; the ledger is its projection, rebuilt by replay and kept current
/// by applying checked batches. It is a value with no I/O: the store feeds it, the server
/// and the CLI ask it questions.
///
/// `Equatable` so that a ledger restored from a snapshot can be checked against a replay.
public struct Ledger: Sendable, Equatable {
    /// Every entry, in log order; accounts refer to them by position.
    public internal(set) var entries: [LedgerEntry] = []
    public internal(set) var accounts: [CustomerAccount] = []
    var accountIndex: [CustomerID: Int] = [:]
    /// Account indices in customer-id byte order, the order results are listed in.
    public internal(set) var sortedAccountIndices: [Int] = []
    public internal(set) var owners = DocumentOwners()
    /// The sequence of the latest entry the ledger holds (0 when empty).
    public internal(set) var lastSequence: Int64 = 0

    public init() {}

    public func account(_ customer: CustomerID) -> CustomerAccount? {
        accountIndex[customer].map { accounts[$0] }
    }

    /// Accounts in customer-id byte order, optionally only one.
    public func accountsInOrder(only customer: CustomerID? = nil) -> [CustomerAccount] {
        if let customer {
            return account(customer).map { [$0] } ?? []
        }
        return sortedAccountIndices.map { accounts[$0] }
    }

    public var entryCount: Int { entries.count }

    /// The customer's entries in timeline order.
    public func entries(of account: CustomerAccount) -> [LedgerEntry] {
        account.entryPositions.map { entries[Int($0)] }
    }

    /// The account as it stood at the end of business date `day`, or `nil` when the customer
    /// was not yet registered then.
    public func state(of account: CustomerAccount, asOf day: Day) -> AccountState? {
        if let lastDay = account.state.lastDay, lastDay <= day {
            return account.state.isRegistered ? account.state : nil
        }
        var past = AccountState(customer: account.customer)
        for position in account.entryPositions {
            guard entries[Int(position)].on <= day else { break }
            let entry = entries[Int(position)]
            // A recorded timeline was checked when it was appended; it cannot fail here.
            try? past.apply(entry, owners: nil)
        }
        return past.isRegistered ? past : nil
    }

    mutating func insertAccount(_ account: CustomerAccount) -> Int {
        let index = accounts.count
        accounts.append(account)
        accountIndex[account.customer] = index
        var low = 0
        var high = sortedAccountIndices.count
        while low < high {
            let middle = (low + high) / 2
            if accounts[sortedAccountIndices[middle]].customer < account.customer {
                low = middle + 1
            } else {
                high = middle
            }
        }
        sortedAccountIndices.insert(index, at: low)
        return index
    }
}
