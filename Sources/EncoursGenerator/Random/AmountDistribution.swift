/// Realistic amounts without floating-point transcendental functions.
///
/// Invoice amounts of an SME are roughly log-normal: many small invoices, a long tail of
/// large ones. `exp` and `log` are not guaranteed to round identically on every platform,
/// so the distribution is a table of its quantiles (computed once, offline) that a uniform
/// draw interpolates in integer cents: the same seed gives the same amounts everywhere.
enum AmountDistribution {
    /// Quantiles 0/128 … 128/128 of a log-normal invoice amount in cents (median 1,500 EUR,
    /// σ = 1), with the ends pinned to 100 EUR and 50,000 EUR.
    static let invoiceQuantilesCents: [Int64] = [
        10000, 13371, 17405, 20557, 23287, 25764, 28070, 30254,
        32347, 34369, 36337, 38261, 40150, 42011, 43850, 45671,
        47479, 49276, 51066, 52851, 54633, 56415, 58198, 59984,
        61774, 63571, 65374, 67186, 69007, 70840, 72684, 74541,
        76412, 78299, 80201, 82120, 84058, 86014, 87990, 89987,
        92006, 94048, 96114, 98205, 100322, 102466, 104638, 106839,
        109071, 111334, 113630, 115960, 118325, 120727, 123166, 125646,
        128166, 130728, 133335, 135988, 138687, 141437, 144237, 147091,
        150000, 152967, 155993, 159082, 162235, 165456, 168748, 172113,
        175554, 179075, 182680, 186372, 190155, 194033, 198012, 202095,
        206288, 210597, 215027, 219585, 224278, 229112, 234096, 239238,
        244548, 250035, 255710, 261585, 267673, 273988, 280545, 287361,
        294455, 301846, 309559, 317618, 326052, 334892, 344174, 353937,
        364229, 375100, 386610, 398829, 411836, 425725, 440606, 456610,
        473894, 492650, 513112, 535571, 560397, 588066, 619203, 654651,
        695587, 743705, 801572, 873323, 966196, 1094511, 1292728, 1682766,
        5000000,
    ]

    /// Midpoint quantiles of a log-normal (σ = 1.4) in thousandths: how much business one
    /// customer brings relative to another. A few accounts weigh tens of times the median.
    static let customerWeightsPermille: [Int64] = [
        34, 62, 85, 106, 127, 148, 168, 189,
        210, 232, 254, 277, 301, 325, 350, 376,
        402, 430, 459, 489, 520, 553, 587, 622,
        659, 697, 738, 780, 825, 872, 921, 973,
        1028, 1086, 1147, 1212, 1282, 1355, 1434, 1518,
        1608, 1705, 1809, 1922, 2045, 2178, 2324, 2485,
        2662, 2859, 3078, 3326, 3608, 3932, 4308, 4752,
        5285, 5940, 6771, 7868, 9407, 11779, 16158, 29506,
    ]

    static let smallestInvoiceCents: Int64 = 10_000
    static let largestInvoiceCents: Int64 = 5_000_000

    /// An invoice amount in cents, scaled by the customer's typical ticket (in thousandths)
    /// and kept within 100–50,000 EUR.
    static func invoiceCents(scalePermille: Int64, random: inout RandomSource) -> Int64 {
        let table = invoiceQuantilesCents
        let index = random.below(table.count - 1)
        let low = table[index]
        let high = table[index + 1]
        let step = Int64(random.next() >> 32)
        let base = low + (((high - low) * step) >> 32)
        let scaled = base * scalePermille / 1000
        if scaled > largestInvoiceCents {
            return largestInvoiceCents - Int64(random.below(2_000_000))
        }
        return max(scaled, smallestInvoiceCents + Int64(random.below(5_000)))
    }

    /// `percent` of `amount` in cents, rounded down, at least one cent when `amount` is positive.
    static func share(_ amount: Int64, percent: Int) -> Int64 {
        max(min(amount, 1), amount * Int64(percent) / 100)
    }
}
