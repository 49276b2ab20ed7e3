import EncoursCore

// Short builders for the events the ledger tests write by hand: dates and amounts as people
// read them. The core tests and the store tests (the hand ledger) both build events this way.

/// A day from its ISO text; stops the test run on a malformed date.
public func day(_ text: String) -> Day {
    guard let value = Day(iso: text) else { fatalError("bad test date \(text)") }
    return value
}

/// An amount from its decimal text; stops the test run on a malformed amount.
public func eur(_ text: String) -> Money {
    do { return try Money(parsing: text) } catch { fatalError("bad test amount \(text)") }
}

/// A `customer.registered` event named "SAS <customer>".
public func register(
    _ customer: CustomerID,
    on: String,
    terms: Int? = nil,
    limit: String? = nil,
    policy: CreditPolicy? = nil
) -> Event {
    .customerRegistered(
        CustomerRegistered(
            customer: customer,
            profile: CustomerProfile(
                legalName: "SAS \(customer)",
                termsDays: terms,
                creditLimit: limit.map(eur),
                policy: policy
            ),
            on: day(on)
        )
    )
}

/// An `invoice.issued` event.
public func invoice(
    _ id: InvoiceID,
    _ customer: CustomerID,
    _ amount: String,
    on: String,
    due: String? = nil,
    order: OrderID? = nil
) -> Event {
    .invoiceIssued(
        InvoiceIssued(
            customer: customer,
            invoice: id,
            amount: eur(amount),
            on: day(on),
            dueOn: due.map(day),
            order: order
        )
    )
}

/// A `payment.received` event, with its allocations as (invoice, amount) pairs.
public func payment(
    _ id: PaymentID,
    _ customer: CustomerID,
    _ amount: String,
    on: String,
    allocations: [(InvoiceID, String)] = []
) -> Event {
    .paymentReceived(
        PaymentReceived(
            customer: customer,
            payment: id,
            amount: eur(amount),
            on: day(on),
            allocations: allocations.map { Allocation(invoice: $0.0, amount: eur($0.1)) }
        )
    )
}
