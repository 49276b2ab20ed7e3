import EncoursCore

extension EventFields {
    /// Payment terms may be anything from cash (0) to ten years: a longer term is a typo.
    static let maximumTermsDays = 3650

    /// An amount: a JSON number or a string, parsed exactly by `Money(utf8:)` from its
    /// literal text, so `1234.5` and `"1234.50"` are the same amount and neither ever is a
    /// `Double`. Negative amounts are refused: the event types say which way money moves.
    mutating func amount(at node: Int, _ path: FieldPath) -> Money? {
        let kind = document.kind(at: node)
        guard kind == .number || kind == .string else {
            recordWrongType(path, node: node, expected: "a decimal number or a string")
            return nil
        }
        if kind == .number, document.nodes[node].has(JSONNode.Flags.exponent) {
            record(path, .invalidAmount, "\(document.excerpt(at: node)) is not a plain decimal number (no exponent)")
            return nil
        }
        // An escaped string cannot be a decimal number (escapes only ever spell other
        // characters), and Money refuses it as such.
        let amount: Money
        do {
            amount = try Money(utf8: document.rawBytes(at: node))
        } catch {
            record(path, .invalidAmount, "\(document.excerpt(at: node)) \(Self.predicate(error))")
            return nil
        }
        guard !amount.isNegative else {
            record(path, .negativeAmount, "\(document.excerpt(at: node)) must not be negative")
            return nil
        }
        return amount
    }

    /// The rest of the sentence after the quoted value: `"12,50" is not a decimal number`.
    static func predicate(_ error: MoneyParseError) -> String {
        switch error {
        case .empty: "is empty, not a decimal number"
        case .notADecimalNumber: "is not a decimal number"
        case .tooManyDecimals: "has more than 2 decimals"
        case .outOfRange: "is out of range (at most \(Money.maximumInput.decimalString))"
        }
    }

    mutating func requiredAmount(_ field: WireField) -> Money {
        guard let node = required(field) else { return .zero }
        return amount(at: node, FieldPath(field)) ?? .zero
    }

    mutating func optionalAmount(_ field: WireField) -> Money? {
        guard let node = optional(field) else { return nil }
        return amount(at: node, FieldPath(field))
    }

    /// `terms_days`: a JSON whole number from 0 to ``maximumTermsDays``. A string is the
    /// wrong type, as it would be for any number.
    mutating func optionalTermsDays() -> Int? {
        let path = FieldPath(.termsDays)
        guard let node = optional(.termsDays) else { return nil }
        guard document.kind(at: node) == .number else {
            recordWrongType(path, node: node, expected: "a whole number")
            return nil
        }
        let text = document.rawBytes(at: node)
        var value = 0
        if document.nodes[node].flags == 0, text.count <= 4 {
            for byte in text { value = value * 10 + Int(byte &- .digitZero) }
            if value <= Self.maximumTermsDays { return value }
        }
        record(
            path,
            .invalidInteger,
            "\(document.excerpt(at: node)) is not a whole number of days from 0 to \(Self.maximumTermsDays)"
        )
        return nil
    }
}
