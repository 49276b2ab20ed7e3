/// How a dunning step reaches the customer: what the person working the list sends or does.
public enum DunningChannel: String, Sendable, Hashable, CaseIterable {
    case email
    case phone
    case letter
    /// A registered letter with acknowledgement of receipt ("lettre recommandée avec accusé de
    /// réception"): what a formal notice needs to prove it was received.
    case registeredLetter = "registered_letter"
}

/// Whose task a dunning step is: calls are the sales rep's, letters finance's. Plain names, not
/// the socket API's roles: the core knows nothing of Unix users.
public enum DunningOwner: String, Sendable, Hashable, CaseIterable {
    case sales
    case finance
}

/// What a step's offset counts from.
public enum DunningStepBase: String, Sendable, Hashable, CaseIterable {
    /// The invoice's due date: `due_on + offset` (negative before it, as a pre-due reminder).
    case dueDate = "due_date"
    /// The day the step before it was done for the invoice: such a step never comes due before
    /// its previous step is done.
    case previousStep = "previous_step"
}

/// One step of a dunning scenario ("relance"): when it comes due, how it is sent, by whom.
///
/// `reminder.sent` events name steps by `name` in their `level`; the order of the steps in
/// the scenario is their escalation order.
public struct DunningStep: Sendable, Hashable {
    public var name: String
    public var offsetDays: Int
    public var base: DunningStepBase
    public var channel: DunningChannel
    public var owner: DunningOwner
    /// The step encloses the customer's statement of account ("relevé de compte").
    public var statement: Bool
    /// The step's letter states the late-payment penalties and the 40 EUR indemnity owed
    /// (Code de commerce L441-10), as a formal notice must.
    public var penalties: Bool

    public init(
        name: String,
        offsetDays: Int,
        after base: DunningStepBase = .dueDate,
        channel: DunningChannel,
        owner: DunningOwner,
        statement: Bool = false,
        penalties: Bool = false
    ) {
        self.name = name
        self.offsetDays = offsetDays
        self.base = base
        self.channel = channel
        self.owner = owner
        self.statement = statement
        self.penalties = penalties
    }
}
