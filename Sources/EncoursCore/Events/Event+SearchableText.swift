extension Event {
    /// What people wrote on this event that a search should find, or `nil` when it holds
    /// nothing worth searching (docs/definitions.md, "Search"): a note's text and tags, a
    /// dispute's reason, a reminder's note, the reasons finance gives, an order's override
    /// reason, a customer's legal and trade names.
    ///
    /// One definition, in the core, for the words the log indexes as it appends and those
    /// it indexes when an older log is first opened.
    public var searchableText: String? {
        let parts: [String?]
        switch self {
        case .noteLogged(let note): parts = [note.text] + note.tags
        case .disputeOpened(let opened): parts = [opened.reason]
        case .reminderSent(let reminder): parts = [reminder.note]
        case .customerBlocked(let change), .customerUnblocked(let change): parts = [change.reason]
        case .creditLimitSet(let decision): parts = [decision.reason]
        case .orderPlaced(let placed): parts = [placed.override]
        case .customerRegistered(let registered): parts = [registered.profile.legalName, registered.profile.tradeName]
        case .customerUpdated(let updated): parts = [updated.profile.legalName, updated.profile.tradeName]
        default: return nil
        }
        let words = parts.compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
