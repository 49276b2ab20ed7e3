import EncoursCore
import TOMLKit

/// `[dunning]`: the grace days of a promise to pay and the scenario's steps, one
/// `[[dunning.steps]]` table each, in escalation order. Given steps replace the whole standard
/// scenario; every error names the step by its position (`dunning.steps[2].channel`).
extension TOMLFileReader {
    static let dunningStepKeys: Set<String> = [
        "name", "offset_days", "after", "channel", "owner", "statement", "penalties",
    ]

    func promiseGraceDays(_ table: TOMLTable) throws(ConfigurationError) -> Int? {
        guard let value = table["promise_grace_days"] else { return nil }
        guard let days = value.int, (0...365).contains(days) else {
            throw error("dunning.promise_grace_days", "must be a whole number of days from 0 to 365")
        }
        return days
    }

    func dunningScenario(_ table: TOMLTable) throws(ConfigurationError) -> DunningScenario? {
        guard let value = table["steps"] else { return nil }
        guard let array = value.array else {
            throw error("dunning.steps", "must be an array of [[dunning.steps]] tables")
        }
        var steps: [DunningStep] = []
        for (index, element) in array.enumerated() {
            let key = "dunning.steps[\(index)]"
            guard let step = element.table else { throw error(key, "must be a [[dunning.steps]] table") }
            steps.append(try dunningStep(step, key: key))
        }
        do {
            return try DunningScenario(steps: steps)
        } catch {
            throw self.error(
                "dunning.\(error.step.map { "steps[\($0)].\(error.field)" } ?? error.field)",
                error.message
            )
        }
    }

    private func dunningStep(_ table: TOMLTable, key: String) throws(ConfigurationError) -> DunningStep {
        for name in table.keys where !Self.dunningStepKeys.contains(name) {
            throw error(
                "\(key).\(name)",
                "unknown key (known in [[dunning.steps]]: \(Self.dunningStepKeys.sorted().joined(separator: ", ")))"
            )
        }
        guard let name = try string(table, key, "name") else { throw error("\(key).name", "is missing") }
        guard let offset = table["offset_days"] else { throw error("\(key).offset_days", "is missing") }
        guard let offsetDays = offset.int, (-3660...3660).contains(offsetDays) else {
            throw error("\(key).offset_days", "must be a whole number of days from -3660 to 3660")
        }
        let base: DunningStepBase = try choice(table, key, "after") ?? .dueDate
        guard let channel: DunningChannel = try choice(table, key, "channel") else {
            throw error("\(key).channel", "is missing")
        }
        guard let owner: DunningOwner = try choice(table, key, "owner") else {
            throw error("\(key).owner", "is missing")
        }
        return DunningStep(
            name: name,
            offsetDays: offsetDays,
            after: base,
            channel: channel,
            owner: owner,
            statement: try flag(table, key, "statement") ?? false,
            penalties: try flag(table, key, "penalties") ?? false
        )
    }

    /// One of an enumeration's names, or an error listing them.
    private func choice<Choice: RawRepresentable & CaseIterable>(
        _ table: TOMLTable,
        _ key: String,
        _ field: String
    ) throws(ConfigurationError) -> Choice? where Choice.RawValue == String {
        guard let text = try string(table, key, field) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw error("\(key).\(field)", "\"\(text)\" is not one of \(names)")
        }
        return value
    }

    private func flag(_ table: TOMLTable, _ key: String, _ field: String) throws(ConfigurationError) -> Bool? {
        guard let value = table[field] else { return nil }
        guard let flag = value.bool else { throw error("\(key).\(field)", "must be true or false") }
        return flag
    }
}
