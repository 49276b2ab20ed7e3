import EncoursCore

/// An event's payload type that knows its canonical members, in their fixed order.
///
/// Each event struct writes itself, next to the others of its family, so the writer's
/// dispatch stays one exhaustive switch and the order of each type's keys is in one place.
protocol CanonicalMembers {
    /// Appends the members after `"type"`: the explicit `id` first when there is one, then
    /// the fields in the order DESIGN §4 lists them, an optional `customer` leading.
    func appendMembers(to output: inout [UInt8])
}

extension CanonicalEventWriter {
    /// Each case calls its struct directly: boxing the structs in an existential would cost
    /// an allocation per event.
    func appendMembers(of event: Event, to output: inout [UInt8]) {
        switch event {
        case .customerRegistered(let event): event.appendMembers(to: &output)
        case .customerUpdated(let event): event.appendMembers(to: &output)
        case .creditLimitSet(let event): event.appendMembers(to: &output)
        case .customerBlocked(let event), .customerUnblocked(let event): event.appendMembers(to: &output)
        case .orderPlaced(let event): event.appendMembers(to: &output)
        case .orderCancelled(let event): event.appendMembers(to: &output)
        case .invoiceIssued(let event): event.appendMembers(to: &output)
        case .creditNoteIssued(let event): event.appendMembers(to: &output)
        case .paymentReceived(let event): event.appendMembers(to: &output)
        case .creditApplied(let event): event.appendMembers(to: &output)
        case .disputeOpened(let event): event.appendMembers(to: &output)
        case .disputeResolved(let event): event.appendMembers(to: &output)
        case .promiseMade(let event): event.appendMembers(to: &output)
        case .reminderSent(let event): event.appendMembers(to: &output)
        case .noteLogged(let event): event.appendMembers(to: &output)
        }
    }
}
