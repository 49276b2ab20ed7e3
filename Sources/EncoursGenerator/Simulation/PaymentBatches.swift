/// Groups of invoices paid together: a customer's monthly payment run, or the invoices a
/// kept promise settles. Lists are recycled once paid so the pool stays small.
struct PaymentBatches {
    private var lists: [[Int32]] = []
    private var free: [Int32] = []

    /// A new batch holding `invoices`.
    mutating func make(_ invoices: [Int32]) -> Int32 {
        if let batch = free.popLast() {
            lists[Int(batch)] = invoices
            return batch
        }
        lists.append(invoices)
        return Int32(lists.count - 1)
    }

    mutating func add(_ invoice: Int32, to batch: Int32) {
        lists[Int(batch)].append(invoice)
    }

    /// The batch's invoices; the batch is freed.
    mutating func take(_ batch: Int32) -> [Int32] {
        let invoices = lists[Int(batch)]
        lists[Int(batch)] = []
        free.append(batch)
        return invoices
    }
}
