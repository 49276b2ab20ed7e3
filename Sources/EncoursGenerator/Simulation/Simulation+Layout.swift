import EncoursCore

extension Simulation {
    /// Decides who the customers are before the first day: when each registers, how much
    /// business it brings (its exact share of the configured invoices) and how it pays.
    mutating func layOutCustomers() {
        let count = configuration.customers
        let dayCount = agenda.dayCount
        // Most of the customer base exists on the first day; the rest joins over the first
        // three quarters of the period, numbered in the order they join.
        let atStart = max(1, count - count * 3 / 10)
        var offsets = [Int](repeating: 0, count: count)
        for index in atStart..<count {
            offsets[index] = 1 + random.below(max(1, dayCount * 3 / 4))
        }
        offsets[atStart...].sort()

        var weights: [Int64] = []
        var keyAccounts: [Bool] = []
        weights.reserveCapacity(count)
        keyAccounts.reserveCapacity(count)
        let table = AmountDistribution.customerWeightsPermille
        for index in 0..<count {
            let isKey = index == min(2, count - 1) || random.below(200) == 0
            let weight = table[random.below(table.count)] * (isKey ? 8 : 1)
            keyAccounts.append(isKey)
            weights.append(weight * Int64(dayCount - offsets[index]))
        }
        let quotas = Simulation.apportion(configuration.invoices, weights: weights)

        customers.reserveCapacity(count)
        for index in 0..<count {
            let registeredOn = start.adding(days: offsets[index])
            let plan = drawPlan(registeredOn: registeredOn, quota: quotas[index], isKeyAccount: keyAccounts[index])
            customers.append(drawCustomer(number: index + 1, plan: plan))
            agenda.schedule(.register(customer: Int32(index)), on: registeredOn, today: start)
        }
    }

    /// Splits `total` in proportion to `weights`, exactly (largest remainders, ties to the
    /// lower index), in integers so every machine splits alike.
    static func apportion(_ total: Int, weights: [Int64]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { Int(Int64(total) * $0 / sum) }
        let remainder = total - shares.reduce(0, +)
        let byRemainder = weights.indices.sorted { lhs, rhs in
            let left = Int64(total) * weights[lhs] % sum
            let right = Int64(total) * weights[rhs] % sum
            return left != right ? left > right : lhs < rhs
        }
        for index in byRemainder.prefix(remainder) { shares[index] += 1 }
        return shares
    }

    private mutating func drawPlan(registeredOn: Day, quota: Int, isKeyAccount: Bool) -> CustomerPlan {
        let behaviour: PaymentBehaviour
        let draw = random.below(100)
        if isKeyAccount {
            behaviour = draw < 60 ? .punctual : .late
        } else {
            behaviour = draw < 48 ? .punctual : draw < 83 ? .late : draw < 96 ? .chronic : .defaulting
        }
        let allocationDraw = random.below(100)
        let allocationPercent = isKeyAccount ? 90 : allocationDraw < 50 ? 85 : allocationDraw < 80 ? 10 : 50
        let runsPayments = percent(quota >= 60 ? 60 : 15)
        return CustomerPlan(
            registeredOn: registeredOn,
            invoiceQuota: quota,
            isKeyAccount: isKeyAccount,
            behaviour: behaviour,
            allocationPercent: allocationPercent,
            paymentRunDay: runsPayments ? random.pick([10, 15, 31]) : 0,
            appliesCreditLater: percent(30),
            sendsPreDueReminders: quota <= 150 && percent(25),
            ticketScalePermille: Int64(isKeyAccount ? random.int(in: 1000...3000) : random.int(in: 400...2500)),
            reviewWeekday: random.below(5)
        )
    }

    private mutating func drawCustomer(number: Int, plan: CustomerPlan) -> SimulatedCustomer {
        let termsDraw = random.below(100)
        let terms = termsDraw < 45 ? 30 : termsDraw < 75 ? 45 : 60
        let limitDraw = random.below(100)
        let limit: Int64?
        if limitDraw < 9 {
            limit = nil
        } else if limitDraw < 12 {
            limit = 0
        } else {
            // About the sales of the terms plus one month, sometimes set too low on purpose.
            let monthlyCents =
                Int64(plan.invoiceQuota) * 240_000 * plan.ticketScalePermille / 1000
                / Int64(max(1, configuration.months))
            var cents = monthlyCents * Int64(terms + 30) / 30
            if percent(20) { cents = cents * 6 / 10 }
            limit = max(300_000, (cents + 99_999) / 100_000 * 100_000)
        }
        return SimulatedCustomer(
            id: CustomerID(DocumentNumbering.customer(number: number)),
            plan: plan,
            termsDays: terms,
            salesRep: random.int(in: 1...12),
            limitCents: limit,
            policy: percent(30) ? .block : .alert
        )
    }
}
