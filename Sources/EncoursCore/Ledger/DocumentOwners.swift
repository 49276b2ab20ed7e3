/// Which customer each referenced document belongs to, across the whole ledger.
///
/// An account only knows its own documents; this lets a violation say "invoice FA-9
/// belongs to customer C2" rather than "unknown invoice", and lets events that name only a
/// document (`order.cancelled`, `dispute.*`) find their customer.
public struct DocumentOwners: Sendable, Equatable {
    public internal(set) var invoices: [InvoiceID: CustomerID] = [:]
    public internal(set) var orders: [OrderID: CustomerID] = [:]
    public internal(set) var disputes: [DisputeID: CustomerID] = [:]

    public init() {}

    public var isEmpty: Bool { invoices.isEmpty && orders.isEmpty && disputes.isEmpty }

    mutating func record(_ event: Event, customer: CustomerID) {
        switch event {
        case .invoiceIssued(let issued): invoices[issued.invoice] = customer
        case .orderPlaced(let placed): orders[placed.order] = customer
        case .disputeOpened(let opened): disputes[opened.dispute] = customer
        default: break
        }
    }
}

/// The ledger's document owners seen together with those of a batch being checked, without
/// copying the ledger's tables.
struct OwnerView: Sendable {
    let recorded: DocumentOwners
    var batch = DocumentOwners()

    init(recorded: DocumentOwners, batch: DocumentOwners = DocumentOwners()) {
        self.recorded = recorded
        self.batch = batch
    }

    func invoice(_ id: InvoiceID) -> CustomerID? { recorded.invoices[id] ?? batch.invoices[id] }
    func order(_ id: OrderID) -> CustomerID? { recorded.orders[id] ?? batch.orders[id] }
    func dispute(_ id: DisputeID) -> CustomerID? { recorded.disputes[id] ?? batch.disputes[id] }
}

extension DocumentOwners {
    mutating func merge(_ other: DocumentOwners) {
        invoices.merge(other.invoices) { _, new in new }
        orders.merge(other.orders) { _, new in new }
        disputes.merge(other.disputes) { _, new in new }
    }
}

/// The documents a stretch of the log creates, each with the account it was filed under,
/// collected while the stretch is read: the document owners of a cold replay are then built
/// from these short lists rather than from every entry.
public struct DocumentBirths: Sendable {
    var invoices: [(InvoiceID, Int32)] = []
    var orders: [(OrderID, Int32)] = []
    var disputes: [(DisputeID, Int32)] = []

    public init() {}

    /// Notes the document `event` creates, if any, for the account numbered `account`.
    public mutating func record(_ event: Event, account: Int32) {
        switch event {
        case .invoiceIssued(let issued): invoices.append((issued.invoice, account))
        case .orderPlaced(let placed): orders.append((placed.order, account))
        case .disputeOpened(let opened): disputes.append((opened.dispute, account))
        default: break
        }
    }

    /// Renumbers the accounts: `account` becomes `numbers[account]`.
    public mutating func renumberAccounts(_ numbers: [Int32]) {
        for index in invoices.indices { invoices[index].1 = numbers[Int(invoices[index].1)] }
        for index in orders.indices { orders[index].1 = numbers[Int(orders[index].1)] }
        for index in disputes.indices { disputes[index].1 = numbers[Int(disputes[index].1)] }
    }
}

extension DocumentOwners {
    /// The owners of the documents `births` list, in log order (a later birth of the same
    /// id wins, as in a replay); `customers` names the accounts.
    init(births: [DocumentBirths], customers: [CustomerID]) {
        invoices.reserveCapacity(births.reduce(0) { $0 + $1.invoices.count })
        orders.reserveCapacity(births.reduce(0) { $0 + $1.orders.count })
        disputes.reserveCapacity(births.reduce(0) { $0 + $1.disputes.count })
        for share in births {
            for (id, account) in share.invoices { invoices[id] = customers[Int(account)] }
            for (id, account) in share.orders { orders[id] = customers[Int(account)] }
            for (id, account) in share.disputes { disputes[id] = customers[Int(account)] }
        }
    }
}
