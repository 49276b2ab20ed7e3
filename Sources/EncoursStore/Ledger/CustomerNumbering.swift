import EncoursCore

/// Numbers customers in the order they first appear in a stretch of the log: the account
/// numbers of a cold replay's share, before the shares are put together.
struct CustomerNumbering {
    /// The customers by number.
    private(set) var customers: [CustomerID] = []
    private var numbers: [CustomerID: Int] = [:]

    /// The number of `customer`, a new one (the count so far) when it was not seen before.
    mutating func number(of customer: CustomerID) -> Int {
        if let number = numbers[customer] { return number }
        let number = customers.count
        customers.append(customer)
        numbers[customer] = number
        return number
    }

    /// The number of `customer`, if it has been seen.
    func existingNumber(of customer: CustomerID) -> Int? {
        numbers[customer]
    }
}
