/// The ageing buckets by days past due: `not_due` (≤ 0 days), then one bucket per boundary,
/// then the rest. The default boundaries 30, 60, 90 give `not_due`, `1_30`, `31_60`, `61_90`,
/// `over_90` (DESIGN §5); configuration may choose others.
public struct AgeingBuckets: Sendable, Hashable {
    /// Upper bounds (inclusive, in days past due) of the buckets between `not_due` and the last.
    public let boundaries: [Int]

    public static let standard = AgeingBuckets(validBoundaries: [30, 60, 90])

    /// Fails unless the boundaries are positive and strictly increasing.
    public init?(boundaries: [Int]) {
        guard !boundaries.isEmpty, boundaries[0] >= 1,
            zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 < $1 })
        else { return nil }
        self.boundaries = boundaries
    }

    private init(validBoundaries: [Int]) {
        self.boundaries = validBoundaries
    }

    /// The bucket names as result keys use them.
    public var names: [String] {
        var names = ["not_due"]
        var lower = 1
        for upper in boundaries {
            names.append("\(lower)_\(upper)")
            lower = upper + 1
        }
        names.append("over_\(boundaries.last!)")
        return names
    }

    public var count: Int { boundaries.count + 2 }

    /// The bucket of an amount `daysPastDue` days late.
    public func index(daysPastDue: Int) -> Int {
        if daysPastDue <= 0 { return 0 }
        for (position, upper) in boundaries.enumerated() where daysPastDue <= upper {
            return position + 1
        }
        return boundaries.count + 1
    }
}
