/// The commission rates of the sales team: one for everybody, and any rep's own.
///
/// Commission is earned on invoices and held until each invoice is fully paid, which is
/// why the scorecards report it: a rep is paid on cash, not on sales.
public struct CommissionPlan: Sendable, Hashable {
    public var standard: CommissionRate
    public var byRep: [SalesRepID: CommissionRate]

    public init(standard: CommissionRate = .zero, byRep: [SalesRepID: CommissionRate] = [:]) {
        self.standard = standard
        self.byRep = byRep
    }

    public func rate(for rep: SalesRepID) -> CommissionRate {
        byRep[rep] ?? standard
    }
}
