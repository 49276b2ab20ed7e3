extension Ledger {
    /// The dunning worklist on `day`: for every customer (or one), the steps of `scenario` due
    /// that day, grouped by customer and step, and the invoices whose step is due but paused
    /// by a dispute or a pending promise (docs/definitions.md, "Dunning").
    ///
    /// Reads each account's current state when `day` is on or after its last event (no copy,
    /// no allocation for an account with nothing due), and replays the timeline otherwise.
    public func dunningWorklist(
        on day: Day,
        scenario: DunningScenario = .standard,
        promiseGraceDays: Int = PromiseOutcome.standardGraceDays,
        customer: CustomerID? = nil,
        owner: DunningOwner? = nil,
        currency: String = "EUR"
    ) -> DunningWorklist {
        var collector = DunningCollector(day: day, scenario: scenario, graceDays: promiseGraceDays)
        // Through the buffer, an account's state is read where it lies: the array's getter
        // would copy each state (some twenty references retained and released).
        accounts.withUnsafeBufferPointer { accounts in
            if let customer {
                if let index = accountIndex[customer] { collect(accounts, at: index, on: day, into: &collector) }
            } else {
                for index in sortedAccountIndices { collect(accounts, at: index, on: day, into: &collector) }
            }
        }
        var actions = collector.actions
        var paused = collector.paused
        if let owner {
            actions.removeAll { $0.step.owner != owner }
            paused.removeAll { $0.step.owner != owner }
        }
        actions.sort { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank > rhs.rank }
            if lhs.daysLate != rhs.daysLate { return lhs.daysLate > rhs.daysLate }
            if lhs.open != rhs.open { return lhs.open > rhs.open }
            return lhs.customer < rhs.customer
        }
        return DunningWorklist(
            on: day,
            currency: currency,
            promiseGraceDays: promiseGraceDays,
            actions: actions,
            paused: paused
        )
    }

    private func collect(
        _ accounts: UnsafeBufferPointer<CustomerAccount>,
        at index: Int,
        on day: Day,
        into collector: inout DunningCollector
    ) {
        guard let lastDay = accounts[index].state.lastDay else { return }
        if lastDay <= day {
            guard accounts[index].state.registeredOn != nil else { return }
            guard
                Self.mayHaveAStepDue(
                    accounts[index].state,
                    on: day,
                    firstOffsetDays: collector.firstOffsetDays,
                    chainingLevels: collector.chainingLevels
                )
            else { return }

            collector.add(accounts[index].state, customer: accounts[index].customer)
        } else if let past = state(of: accounts[index], asOf: day) {
            collector.add(past, customer: accounts[index].customer)
        }
    }
}

extension Ledger {
    /// Whether a step can be due on `day` for one of the account's open invoices, read in
    /// place (inlined: a call would copy the state). Most accounts owe nothing, or nothing
    /// due yet, and stop here; the others are worked out in full.
    ///
    /// A step comes due for an invoice (DunningScenario's checks make this hold) only:
    /// - from its due date + the first step's offset, the smallest offset of a step counted
    ///   from the due date (the first step is one);
    /// - or earlier, when a promise covers it (its break makes the next step due);
    /// - or earlier, when a reminder concerning it did a step whose next step counts from it
    ///   (`chainingLevels`).
    @inline(__always)
    static func mayHaveAStepDue(
        _ state: AccountState,
        on day: Day,
        firstOffsetDays: Int,
        chainingLevels: [String]
    ) -> Bool {
        var position = state.settlementQueue.head
        while position < state.settlementQueue.order.count {
            let index = Int(state.settlementQueue.order[position])
            position += 1
            guard state.invoices[index].openAmount.isPositive else { continue }
            if state.invoices[index].dueOn.adding(days: firstOffsetDays) <= day { return true }
            let issuedOn = state.invoices[index].issuedOn
            for promise in state.promises.indices where state.promises[promise].madeOn >= issuedOn {
                if state.promises[promise].invoices.isEmpty
                    || state.promises[promise].invoices.contains(state.invoices[index].id)
                {
                    return true
                }
            }
            for reminder in state.reminders.indices where state.reminders[reminder].day >= issuedOn {
                guard chainingLevels.contains(state.reminders[reminder].level) else { continue }
                let start = Int(state.reminders[reminder].invoiceStart)
                let count = Int(state.reminders[reminder].invoiceCount)
                if count == 0 || state.reminderInvoices[start..<start + count].contains(Int32(index)) { return true }
            }
        }
        return false
    }
}

/// Builds a worklist account by account, with buffers reused from one account to the next:
/// most accounts have nothing due, and a whole-ledger list must not pay an allocation for each.
struct DunningCollector {
    let day: Day
    let scenario: DunningScenario
    let graceDays: Int
    /// The first step's offset from the due date: the earliest any invoice has a step due.
    let firstOffsetDays: Int
    /// The steps whose next step counts from the day they were done.
    let chainingLevels: [String]
    var actions: [DunningAction] = []
    var paused: [DunningPause] = []
    private var reminderRanks: [Int] = []
    private var outcomes: [PromiseOutcome] = []
    private var due: [(index: Int, step: DueStep)] = []
    private var accountPauses: [DunningPause] = []

    init(day: Day, scenario: DunningScenario, graceDays: Int) {
        self.day = day
        self.scenario = scenario
        self.graceDays = graceDays
        self.firstOffsetDays = scenario.steps[0].offsetDays
        self.chainingLevels = zip(scenario.steps, scenario.steps.dropFirst()).compactMap { step, next in
            next.base == .previousStep ? step.name : nil
        }
    }

    mutating func add(_ state: AccountState, customer: CustomerID) {
        let queue = state.settlementQueue
        var anyOpen = false
        for position in queue.head..<queue.order.count
        where state.invoices[Int(queue.order[position])].openAmount.isPositive {
            anyOpen = true
            break
        }
        guard anyOpen else { return }
        reminderRanks.removeAll(keepingCapacity: true)
        for position in state.reminders.indices {
            reminderRanks.append(scenario.rank(ofLevel: state.reminders[position].level) ?? -1)
        }
        if state.promises.isEmpty {
            outcomes.removeAll(keepingCapacity: true)
        } else {
            state.fillPromiseOutcomes(asOf: day, graceDays: graceDays, into: &outcomes)
        }
        due.removeAll(keepingCapacity: true)
        accountPauses.removeAll(keepingCapacity: true)
        for position in queue.head..<queue.order.count {
            let index = Int(queue.order[position])
            guard state.invoices[index].openAmount.isPositive else { continue }
            addInvoice(index, of: state, customer: customer)
        }
        if !accountPauses.isEmpty {
            if accountPauses.count > 1 { sortAccountPauses() }
            paused.append(contentsOf: accountPauses)
        }
        guard !due.isEmpty else { return }
        addActions(of: state, customer: customer)
    }

    private mutating func sortAccountPauses() {
        accountPauses.sort { lhs, rhs in
            lhs.invoice.dueOn != rhs.invoice.dueOn
                ? lhs.invoice.dueOn < rhs.invoice.dueOn : lhs.invoice.invoice < rhs.invoice.invoice
        }
    }

    private mutating func addInvoice(_ index: Int, of state: AccountState, customer: CustomerID) {
        let done = state.lastStepDone(ofInvoice: index, reminderRanks: reminderRanks)
        var brokenPromiseDay: Day?
        var pausing: PromiseOutcome?
        for outcome in outcomes where state.promise(outcome.promise, covers: index) {
            switch outcome.status {
            case .kept:
                break
            case .pending:
                if pausing.map({ outcome.until > $0.until }) ?? true { pausing = outcome }
            case .broken:
                // Broken since the last step done: that step's follow-up is due at once.
                guard let brokeOn = outcome.brokeOn, done.rank < 0 || brokeOn > done.day else { break }
                brokenPromiseDay = min(brokenPromiseDay ?? brokeOn, brokeOn)
            }
        }
        guard
            let step = state.dueStep(
                ofInvoice: index,
                on: day,
                scenario: scenario,
                done: done,
                brokenPromiseDay: brokenPromiseDay
            )
        else { return }
        let invoice = state.invoices[index]
        let disputed = state.disputedAmount(of: invoice).isPositive
        guard disputed || pausing != nil else {
            due.append((index, step))
            return
        }
        // A dispute pauses the invoice whatever promise covers it.
        accountPauses.append(
            DunningPause(
                customer: customer,
                invoice: line(invoice, dueSince: step.dueSince),
                step: scenario.steps[step.rank],
                reason: disputed ? .dispute : .promise,
                promise: disputed ? nil : pausing
            )
        )
    }

    /// One action per step due, its invoices by due date then id.
    private mutating func addActions(of state: AccountState, customer: CustomerID) {
        if due.count > 1 {
            // The invoices alone are captured: a closure capturing the state would copy it.
            let invoices = state.invoices
            due.sort { lhs, rhs in
                if lhs.step.rank != rhs.step.rank { return lhs.step.rank > rhs.step.rank }
                if invoices[lhs.index].dueOn != invoices[rhs.index].dueOn {
                    return invoices[lhs.index].dueOn < invoices[rhs.index].dueOn
                }
                return invoices[lhs.index].id < invoices[rhs.index].id
            }
        }
        var openPromise: PromiseOutcome?
        for outcome in outcomes where outcome.status == .pending {
            if openPromise.map({ outcome.promise.dueOn < $0.promise.dueOn }) ?? true { openPromise = outcome }
        }
        var start = 0
        while start < due.count {
            let rank = due[start].step.rank
            var end = start
            var invoices: [DunningInvoice] = []
            var open = Money.zero
            var daysLate = Int.min
            var dueSince = due[start].step.dueSince
            while end < due.count, due[end].step.rank == rank {
                let item = line(state.invoices[due[end].index], dueSince: due[end].step.dueSince)
                invoices.append(item)
                open += item.open
                daysLate = max(daysLate, item.daysLate)
                dueSince = min(dueSince, item.dueSince)
                end += 1
            }
            actions.append(
                DunningAction(
                    customer: customer,
                    step: scenario.steps[rank],
                    rank: rank,
                    invoices: invoices,
                    open: open,
                    daysLate: daysLate,
                    dueSince: dueSince,
                    lastContact: state.lastContact,
                    openPromise: openPromise
                )
            )
            start = end
        }
    }

    private func line(_ invoice: InvoiceState, dueSince: Day) -> DunningInvoice {
        DunningInvoice(
            invoice: invoice.id,
            dueOn: invoice.dueOn,
            open: invoice.openAmount,
            daysLate: day.days(since: invoice.dueOn),
            dueSince: dueSince
        )
    }
}
