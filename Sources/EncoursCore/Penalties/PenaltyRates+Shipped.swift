extension PenaltyRates {
    /// The table shipped with the product: 2015-H1 to 2026-H2, statutory margin.
    public static let shipped = PenaltyRates(ecbRates: shippedECBRates)

    /// The ECB main refinancing operations rate in force on each 1 January and 1 July, in
    /// basis points. From the ECB's decisions (effective dates): 0.05 % from 2014-09-10,
    /// 0.00 % from 2016-03-16, 0.50 % from 2022-07-27, 1.25 % from 2022-09-14, 2.00 % from
    /// 2022-11-02, 2.50 % from 2022-12-21, 3.00 % from 2023-02-08, 3.50 % from 2023-03-22,
    /// 3.75 % from 2023-05-10, 4.00 % from 2023-06-21, 4.25 % from 2023-08-02, 4.50 % from
    /// 2023-09-20, 4.25 % from 2024-06-12, 3.65 % from 2024-09-18, 3.40 % from 2024-10-23,
    /// 3.15 % from 2024-12-18, 2.90 % from 2025-02-05, 2.65 % from 2025-03-12, 2.40 % from
    /// 2025-04-23, 2.15 % from 2025-06-11 (unchanged since, as far as this table knows).
    /// Only the rate in force on the half-year's first day counts: a change on 27 July 2022
    /// leaves 2022-H2 at 0.00 %.
    static let shippedECBRates: [HalfYear: Int] = {
        let table: [(year: Int, first: Int, second: Int)] = [
            (2015, 5, 5),
            (2016, 5, 0),
            (2017, 0, 0),
            (2018, 0, 0),
            (2019, 0, 0),
            (2020, 0, 0),
            (2021, 0, 0),
            (2022, 0, 0),
            (2023, 250, 400),
            (2024, 450, 425),
            (2025, 315, 215),
            (2026, 215, 215),
        ]
        var rates: [HalfYear: Int] = [:]
        for row in table {
            // The literal years and halves above are valid.
            rates[HalfYear(year: row.year, half: 1)!] = row.first
            rates[HalfYear(year: row.year, half: 2)!] = row.second
        }
        return rates
    }()
}
