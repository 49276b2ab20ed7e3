/// The dunning scenario: the steps an unpaid invoice goes through, in escalation order.
///
/// It is configuration (`[dunning]` in the daemon's file), so queries take it as an argument;
/// the ledger only records which steps were done (`reminder.sent`).
public struct DunningScenario: Sendable, Hashable {
    public let steps: [DunningStep]

    /// French practice: a reminder before the due date, reminder 1 with the statement of
    /// account three days after it, a call ten days after reminder 1, the formal notice ("mise
    /// en demeure") by registered letter at 30 days, and the hand-over to litigation
    /// ("injonction de payer") at 45 days, announced by registered letter.
    public static let standard = DunningScenario(
        validSteps: [
            DunningStep(name: "pre_due", offsetDays: -5, channel: .email, owner: .finance),
            DunningStep(name: "reminder_1", offsetDays: 3, channel: .email, owner: .finance, statement: true),
            DunningStep(name: "reminder_2", offsetDays: 10, after: .previousStep, channel: .phone, owner: .sales),
            DunningStep(
                name: "formal_notice",
                offsetDays: 30,
                channel: .registeredLetter,
                owner: .finance,
                penalties: true
            ),
            DunningStep(name: "litigation", offsetDays: 45, channel: .registeredLetter, owner: .finance),
        ]
    )

    /// Checks the steps: at least one; names non-empty and distinct; the first counted from
    /// the due date (it has no previous step); an offset after a previous step not negative;
    /// the due-date offsets not decreasing along the scenario (a later step scheduled before
    /// an earlier one is a misordered scenario).
    public init(steps: [DunningStep]) throws(DunningScenarioError) {
        guard !steps.isEmpty else { throw DunningScenarioError(step: nil, field: "steps", "needs at least one step") }
        var seen: Set<String> = []
        var lastDueDateStep: Int?
        for (index, step) in steps.enumerated() {
            guard !step.name.isEmpty else { throw DunningScenarioError(step: index, field: "name", "is empty") }
            guard seen.insert(step.name).inserted else {
                throw DunningScenarioError(step: index, field: "name", "\"\(step.name)\" names an earlier step too")
            }
            switch step.base {
            case .previousStep:
                guard index > 0 else {
                    throw DunningScenarioError(
                        step: index,
                        field: "after",
                        "the first step has no previous step; count it from the due date"
                    )
                }
                guard step.offsetDays >= 0 else {
                    throw DunningScenarioError(
                        step: index,
                        field: "offset_days",
                        "\(step.offsetDays) would come before the previous step; give 0 or more days"
                    )
                }
            case .dueDate:
                if let earlier = lastDueDateStep, step.offsetDays < steps[earlier].offsetDays {
                    throw DunningScenarioError(
                        step: index,
                        field: "offset_days",
                        "\(step.offsetDays) days after the due date comes before step \"\(steps[earlier].name)\" "
                            + "(\(steps[earlier].offsetDays)); list the steps in escalation order"
                    )
                }
                lastDueDateStep = index
            }
        }
        self.steps = steps
    }

    private init(validSteps: [DunningStep]) {
        self.steps = validSteps
    }

    /// The position of the step named `level`, or `nil` for a level the scenario does not
    /// have (such a reminder is a contact, not a step).
    public func rank(ofLevel level: String) -> Int? {
        steps.firstIndex { $0.name == level }
    }
}

/// Why a list of steps is not a scenario: the step (0-based, as in the configuration's
/// `dunning.steps[N]`) and the field at fault.
public struct DunningScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `nil`: the scenario as a whole.
    public var step: Int?
    public var field: String
    public var message: String

    public init(step: Int?, field: String, _ message: String) {
        self.step = step
        self.field = field
        self.message = message
    }

    public var description: String {
        if let step { "steps[\(step)].\(field): \(message)" } else { "\(field): \(message)" }
    }
}
