/// Keeps the first errors of an import and counts the rest.
///
/// A file with a systematic mistake (a decimal comma in every amount) would otherwise print a
/// million lines; the first hundred show the pattern, and the count says how big it is.
struct ErrorCollector {
    let limit: Int
    private(set) var errors: [ImportError] = []
    private(set) var omittedCount = 0

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func add(_ error: ImportError) {
        if errors.count < limit {
            errors.append(error)
        } else {
            omittedCount += 1
        }
    }
}
