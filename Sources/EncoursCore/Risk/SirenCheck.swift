/// The check a SIREN (the 9-digit number INSEE gives each French company) carries: its last
/// digit makes the Luhn sum of the nine a multiple of 10, so a mistyped or truncated number
/// is caught before a credit decision rests on it.
public enum SirenCheck {
    /// Whether `siren` is 9 ASCII digits whose Luhn sum is a multiple of 10. Spaces are not
    /// accepted: the contract keeps a SIREN as given, and `"732 829 320"` is written
    /// differently from the register's number.
    public static func isValid(_ siren: String) -> Bool {
        let digits = Array(siren.utf8)
        guard digits.count == 9, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return false
        }
        var sum = 0
        // From the right, every second digit is doubled: with nine digits, those at the even
        // 0-based positions from the left stay, the odd ones are doubled.
        for (position, byte) in digits.enumerated() {
            var value = Int(byte - UInt8(ascii: "0"))
            if position % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
