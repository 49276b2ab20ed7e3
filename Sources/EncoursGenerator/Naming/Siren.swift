/// French company numbers (SIREN): 8 digits and a Luhn check digit.
///
/// Generated numbers must pass the checks a real import applies, and must not collide: each
/// customer's number comes from a bijection of its index, shifted by the seed.
enum Siren {
    /// Nine-digit numbers not starting with 0: 10,000,000 … 99,999,999 before the check digit.
    private static let bodyCount: UInt64 = 90_000_000
    /// Coprime with 90,000,000 (= 2⁷·3²·5⁷), so index ↦ index × multiplier is a bijection;
    /// large, so that consecutive customers get unrelated-looking numbers.
    private static let multiplier: UInt64 = 61_803_401

    /// The SIREN of the customer at `index` (distinct for distinct indices below 90 million).
    static func number(index: Int, seed: UInt64) -> String {
        var seedSource = RandomSource(seed: seed)
        let offset = seedSource.next() % bodyCount
        let body = 10_000_000 + (UInt64(index) &* multiplier &+ offset) % bodyCount
        var digits = [UInt8](repeating: 0, count: 9)
        var rest = body
        for position in stride(from: 7, through: 0, by: -1) {
            digits[position] = UInt8(rest % 10)
            rest /= 10
        }
        digits[8] = checkDigit(digits[0..<8])
        return String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// The Luhn check digit that completes `body` (the digits before it).
    static func checkDigit(_ body: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        // Walking from the right, the digit next to the check digit is doubled first.
        for (offset, digit) in body.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// Whether a digit string passes the Luhn check.
    static func isValid(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard digits.count == 9, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return false
        }
        let values = digits.map { $0 - UInt8(ascii: "0") }
        return checkDigit(values[0..<8]) == values[8]
    }
}
