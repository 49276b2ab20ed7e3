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
    /// Adds `other`'s documents, recorded after these: where both name one, `other` wins.
    public mutating func merge(_ other: DocumentOwners) {
        invoices.merge(other.invoices) { _, new in new }
        orders.merge(other.orders) { _, new in new }
        disputes.merge(other.disputes) { _, new in new }
    }
}
