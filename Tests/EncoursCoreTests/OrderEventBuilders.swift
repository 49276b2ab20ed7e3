import EncoursCore
import EncoursTestSupport

/// The events the order-decision tests write by hand, as short builders: named apart from
/// the other suites' helpers, which share this test module.
enum OrderEvents {
    static func placed(
        _ id: OrderID,
        _ customer: CustomerID,
        _ amount: String,
        on: String,
        override: String? = nil
    ) -> Event {
        .orderPlaced(OrderPlaced(customer: customer, order: id, amount: eur(amount), on: day(on), override: override))
    }

    static func cancelled(_ id: OrderID, on: String) -> Event {
        .orderCancelled(OrderCancelled(order: id, on: day(on)))
    }

    static func limit(_ customer: CustomerID, _ amount: String, on: String, until: String? = nil, reason: String? = nil)
        -> Event
    {
        .creditLimitSet(
            CreditLimitSet(customer: customer, limit: eur(amount), until: until.map(day), reason: reason, on: day(on))
        )
    }

    static func updated(_ customer: CustomerID, limit: String? = nil, policy: CreditPolicy? = nil, on: String) -> Event
    {
        .customerUpdated(
            CustomerUpdated(
                customer: customer,
                profile: CustomerProfile(creditLimit: limit.map(eur), policy: policy),
                on: day(on)
            )
        )
    }

    static func blocked(_ customer: CustomerID, on: String, reason: String? = nil) -> Event {
        .customerBlocked(CustomerBlockChange(customer: customer, reason: reason, on: day(on)))
    }

    static func unblocked(_ customer: CustomerID, on: String, reason: String? = nil) -> Event {
        .customerUnblocked(CustomerBlockChange(customer: customer, reason: reason, on: day(on)))
    }

    static func dispute(_ id: DisputeID, on invoice: InvoiceID, amount: String? = nil, opened: String) -> Event {
        .disputeOpened(DisputeOpened(invoice: invoice, dispute: id, amount: amount.map(eur), on: day(opened)))
    }

    static func resolved(_ id: DisputeID, on: String) -> Event {
        .disputeResolved(DisputeResolved(dispute: id, outcome: .rejected, on: day(on)))
    }
}
