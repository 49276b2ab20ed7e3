import EncoursCore
import Testing

/// The scenario's checks: each refusal names the step and the field, as the configuration
/// file reports them (`dunning.steps[N].field`).
@Suite struct DunningScenarioTests {
    @Test func standardScenarioIsFrenchPractice() throws {
        let steps = DunningScenario.standard.steps
        #expect(steps.map(\.name) == ["pre_due", "reminder_1", "reminder_2", "formal_notice", "litigation"])
        #expect(steps.map(\.offsetDays) == [-5, 3, 10, 30, 45])
        #expect(steps.map(\.base) == [.dueDate, .dueDate, .previousStep, .dueDate, .dueDate])
        #expect(steps.map(\.channel) == [.email, .email, .phone, .registeredLetter, .registeredLetter])
        #expect(steps.map(\.owner) == [.finance, .finance, .sales, .finance, .finance])
        #expect(steps.map(\.statement) == [false, true, false, false, false])
        #expect(steps.map(\.penalties) == [false, false, false, true, false])
        #expect(try DunningScenario(steps: steps) == .standard)
    }

    static let refused: [([DunningStep], String)] = [
        ([], "steps: needs at least one step"),
        (
            [DunningStep(name: "", offsetDays: 0, channel: .email, owner: .finance)],
            "steps[0].name: is empty"
        ),
        (
            [
                DunningStep(name: "a", offsetDays: 0, channel: .email, owner: .finance),
                DunningStep(name: "a", offsetDays: 5, channel: .phone, owner: .sales),
            ],
            "steps[1].name: \"a\" names an earlier step too"
        ),
        (
            [DunningStep(name: "a", offsetDays: 3, after: .previousStep, channel: .email, owner: .finance)],
            "steps[0].after: the first step has no previous step; count it from the due date"
        ),
        (
            [
                DunningStep(name: "a", offsetDays: 3, channel: .email, owner: .finance),
                DunningStep(name: "b", offsetDays: -1, after: .previousStep, channel: .phone, owner: .sales),
            ],
            "steps[1].offset_days: -1 would come before the previous step; give 0 or more days"
        ),
        (
            [
                DunningStep(name: "a", offsetDays: 30, channel: .email, owner: .finance),
                DunningStep(name: "b", offsetDays: 5, after: .previousStep, channel: .phone, owner: .sales),
                DunningStep(name: "c", offsetDays: 10, channel: .letter, owner: .finance),
            ],
            "steps[2].offset_days: 10 days after the due date comes before step \"a\" (30); "
                + "list the steps in escalation order"
        ),
    ]

    @Test(arguments: refused) func refusesWithStepAndField(steps: [DunningStep], message: String) {
        #expect(throws: DunningScenarioError.self) { try DunningScenario(steps: steps) }
        do {
            _ = try DunningScenario(steps: steps)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rankOfLevelIsThePositionAndUnknownLevelsHaveNone() {
        #expect(DunningScenario.standard.rank(ofLevel: "pre_due") == 0)
        #expect(DunningScenario.standard.rank(ofLevel: "litigation") == 4)
        #expect(DunningScenario.standard.rank(ofLevel: "courtesy_call") == nil)
    }
}
