/// Where a promise to pay stands on a date.
public enum PromiseStatus: String, Sendable, Hashable, CaseIterable {
    /// The payments counted toward it reached its amount.
    case kept
    /// Its last day (due date + grace) passed before they did.
    case broken
    /// Neither yet: it pauses the dunning of the invoices it covers.
    case pending
}

/// One promise to pay ("promesse de règlement") measured against the payments after it: what a
/// collector follows up and what a sales rep's word is judged on.
public struct PromiseOutcome: Sendable, Hashable {
    /// Days after its promised date that a promise can still be kept, unless configured
    /// otherwise (`[dunning] promise_grace_days`).
    public static let standardGraceDays = 3

    public var promise: PromiseState
    public var status: PromiseStatus
    /// The payments counted toward it by the date (each counts toward one promise only).
    public var paid: Money
    /// The day the payments reached its amount.
    public var keptOn: Day?
    /// The day after ``until``: the day it broke.
    public var brokeOn: Day?
    /// The last day a payment counts toward it: its due date + the grace days.
    public var until: Day

    init(promise: PromiseState, graceDays: Int) {
        self.promise = promise
        self.status = .pending
        self.paid = .zero
        self.keptOn = promise.amount.isPositive ? nil : promise.madeOn
        self.brokeOn = nil
        self.until = promise.dueOn.adding(days: graceDays)
    }
}

extension AccountState {
    /// Every promise of this account on `day`, in the order they were made; the state must be
    /// the account as of `day`.
    ///
    /// A payment after a promise (in the ledger's order: date, then log order) and dated no
    /// later than its due date + `graceDays` counts toward it; each payment counts, whole,
    /// toward one promise only: the earliest made that it can still count toward and that it
    /// has not yet kept.
    public func promiseOutcomes(asOf day: Day, graceDays: Int) -> [PromiseOutcome] {
        var outcomes: [PromiseOutcome] = []
        fillPromiseOutcomes(asOf: day, graceDays: graceDays, into: &outcomes)
        return outcomes
    }

    /// ``promiseOutcomes(asOf:graceDays:)`` into a buffer the caller reuses from one account to
    /// the next, so a whole-ledger query allocates once.
    func fillPromiseOutcomes(asOf day: Day, graceDays: Int, into outcomes: inout [PromiseOutcome]) {
        outcomes.removeAll(keepingCapacity: true)
        for promise in promises { outcomes.append(PromiseOutcome(promise: promise, graceDays: graceDays)) }
        for (position, payment) in paymentsSinceFirstPromise.enumerated() where payment.day <= day {
            for index in outcomes.indices {
                // Promises are in timeline order: from here on, all were made after this payment.
                guard Int(outcomes[index].promise.paymentsBefore) <= position else { break }
                guard outcomes[index].keptOn == nil, payment.day <= outcomes[index].until else { continue }
                outcomes[index].paid += payment.amount
                if outcomes[index].paid >= outcomes[index].promise.amount { outcomes[index].keptOn = payment.day }
                break
            }
        }
        for index in outcomes.indices {
            if outcomes[index].keptOn != nil {
                outcomes[index].status = .kept
            } else if day > outcomes[index].until {
                outcomes[index].status = .broken
                outcomes[index].brokeOn = outcomes[index].until.adding(days: 1)
            }
        }
    }
}
