/// The numbering series of the generated documents (`FA-2025-000001`, `RG-…`, `C000001`).
///
/// French invoices are numbered in one unbroken chronological series per year; the other
/// documents follow the same habit. Each series restarts at 1 each year, and the year in the
/// number keeps ids unique across years.
struct DocumentNumbering {
    /// A document series and its prefix.
    enum Series: Int, CaseIterable {
        case invoice, creditNote, payment, order, dispute, promise
        case customerUpdate, creditLimit, block, unblock, reminder, note, creditApplication

        var prefix: String {
            switch self {
            case .invoice: "FA"
            case .creditNote: "AV"
            case .payment: "RG"
            case .order: "CMD"
            case .dispute: "LIT"
            case .promise: "PR"
            case .customerUpdate: "MAJ"
            case .creditLimit: "LIM"
            case .block: "BLQ"
            case .unblock: "DBQ"
            case .reminder: "REL"
            case .note: "NOTE"
            case .creditApplication: "LET"
            }
        }
    }

    private var years = [Int](repeating: 0, count: Series.allCases.count)
    private var counters = [Int](repeating: 0, count: Series.allCases.count)

    /// The next number of `series` for a document dated in `year`.
    mutating func next(_ series: Series, year: Int) -> String {
        let slot = series.rawValue
        if years[slot] != year {
            years[slot] = year
            counters[slot] = 0
        }
        counters[slot] += 1
        return DocumentNumbering.format(prefix: series.prefix, year: year, number: counters[slot])
    }

    /// `PREFIX-YYYY-NNNNNN` (more digits once a year passes 999,999 documents).
    static func format(prefix: String, year: Int, number: Int) -> String {
        prefix + "-" + padded(year, width: 4) + "-" + padded(number, width: 6)
    }

    /// `C000001`: customer numbers run across the whole period.
    static func customer(number: Int) -> String {
        "C" + padded(number, width: 6)
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        let missing = width - digits.utf8.count
        return missing > 0 ? String(repeating: "0", count: missing) + digits : digits
    }
}
