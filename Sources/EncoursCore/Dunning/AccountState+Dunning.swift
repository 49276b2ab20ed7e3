/// The step due on a day for one invoice, and when it came due.
struct DueStep {
    var rank: Int
    var dueSince: Day
}

extension AccountState {
    /// The most advanced step of `scenario` done for the invoice at `index`, and the first
    /// day it was done; rank −1 when none was.
    ///
    /// A reminder counts for the invoices it names, or, naming none, for every invoice issued
    /// by its day. `reminderRanks` holds each reminder's step rank (−1: a level the scenario
    /// does not have, a contact only).
    func lastStepDone(ofInvoice index: Int, reminderRanks: [Int]) -> (rank: Int, day: Day) {
        var rank = -1
        var day = Day(daysSinceEpoch: 0)
        let issuedOn = invoices[index].issuedOn
        for position in reminders.indices {
            let reminderRank = reminderRanks[position]
            // Strictly more advanced only: a step done again keeps the day it was first done.
            guard reminderRank > rank else { continue }
            let reminder = reminders[position]
            let concerns =
                reminder.namesInvoices
                ? invoiceIndices(of: reminder).contains(Int32(index))
                : issuedOn <= reminder.day
            if concerns {
                rank = reminderRank
                day = reminder.day
            }
        }
        return (rank, day)
    }

    /// The step due on `day` for the invoice at `index`: the most advanced step after the last
    /// one done (`done`, from ``lastStepDone(ofInvoice:reminderRanks:)``) whose scheduled day
    /// has come, or `nil`.
    ///
    /// A step counted from the due date is scheduled on `due_on + offset`; one counted from
    /// its previous step, on the day that step was done + offset, and only once it was done.
    /// A step scheduled before the due date lapses once the due date has passed.
    /// `brokenPromiseDay`: the day a promise covering the invoice broke, after the last step
    /// done; the next step is then due from that day if its own day is later.
    func dueStep(
        ofInvoice index: Int,
        on day: Day,
        scenario: DunningScenario,
        done: (rank: Int, day: Day),
        brokenPromiseDay: Day?
    ) -> DueStep? {
        let dueOn = invoices[index].dueOn
        let steps = scenario.steps
        var found: DueStep?
        var nextFound = false
        var rank = done.rank + 1
        while rank < steps.count {
            defer { rank += 1 }
            var scheduled: Day
            switch steps[rank].base {
            case .dueDate:
                scheduled = dueOn.adding(days: steps[rank].offsetDays)
            case .previousStep:
                guard rank == done.rank + 1 else { continue }
                scheduled = done.day.adding(days: steps[rank].offsetDays)
            }
            if scheduled < dueOn, day > dueOn { continue }
            if !nextFound {
                nextFound = true
                if let broken = brokenPromiseDay, broken < scheduled { scheduled = broken }
            }
            if scheduled <= day { found = DueStep(rank: rank, dueSince: scheduled) }
        }
        return found
    }

    /// Whether `promise` covers the invoice at `index`: it names it, or, naming none, the
    /// invoice was issued by the promise's day.
    func promise(_ promise: PromiseState, covers index: Int) -> Bool {
        if promise.invoices.isEmpty { return invoices[index].issuedOn <= promise.madeOn }
        return promise.invoices.contains(invoices[index].id)
    }
}
