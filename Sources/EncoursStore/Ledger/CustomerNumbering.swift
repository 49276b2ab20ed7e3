import EncoursCore

/// Numbers customers in the order they first appear in the rows a thread reads: the account
/// numbers of a cold replay's reading thread, before the threads' numbers are put together
/// in log order (``ledgerOrder(_:)``).
struct CustomerNumbering {
    /// The customers by number.
    private(set) var customers: [CustomerID] = []
    /// The sequence of the row where each customer, by number, was first seen.
    private(set) var firstSeen: [Int64] = []
    private var numbers: [CustomerID: Int] = [:]

    /// The number of `customer`, a new one (the count so far) when it was not seen before;
    /// `seq` is the row being read, read in increasing order.
    mutating func number(of customer: CustomerID, at seq: Int64) -> Int {
        if let number = numbers[customer] { return number }
        let number = customers.count
        customers.append(customer)
        firstSeen.append(seq)
        numbers[customer] = number
        return number
    }

    /// The customers of several numberings in the order they first appear in the log, and
    /// for each numbering the ledger-wide number of each of its own.
    static func ledgerOrder(_ numberings: [CustomerNumbering]) -> (customers: [CustomerID], numbers: [[Int32]]) {
        var first: [CustomerID: Int64] = [:]
        for numbering in numberings {
            for (customer, seq) in zip(numbering.customers, numbering.firstSeen) where seq < first[customer, default: .max] {
                first[customer] = seq
            }
        }
        // No two customers were first seen on the same row.
        let customers = first.map { (seq: $0.value, customer: $0.key) }.sorted { $0.seq < $1.seq }.map(\.customer)
        var ledgerNumber: [CustomerID: Int32] = [:]
        ledgerNumber.reserveCapacity(customers.count)
        for (number, customer) in customers.enumerated() { ledgerNumber[customer] = Int32(number) }
        return (customers, numberings.map { $0.customers.map { ledgerNumber[$0]! } })
    }
}
