/// The generator's only source of chance: xoshiro256** seeded through SplitMix64.
///
/// A ledger generated from a seed must be byte-identical on every machine and every run, so
/// nothing here touches the system generator, the clock or a platform's `libm`; only integer
/// arithmetic and correctly rounded IEEE-754 operations are used.
struct RandomSource {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    init(seed: UInt64) {
        // SplitMix64 spreads any seed, including 0, over a state that is never all zero.
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var value = mixer
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        state0 = splitMix()
        state1 = splitMix()
        state2 = splitMix()
        state3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    mutating func next() -> UInt64 {
        let result = rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = rotateLeft(state3, by: 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's method, without bias).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform fraction in `[0, 1)` with 53 random bits (exact, hence portable).
    mutating func fraction() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        fraction() < probability
    }

    /// One of `choices`, uniformly.
    mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[below(choices.count)]
    }

    private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
