extension Array {
    /// Appends `other`, taking its storage as it is when this array is empty.
    ///
    /// The first batch of a ledger (a first import) hands over a million entries and
    /// hundreds of thousands of search texts: appending them copied each one, retaining and
    /// later releasing every reference it holds, on the one core still working.
    public mutating func appendTakingStorage(of other: [Element]) {
        if isEmpty {
            self = other
        } else {
            append(contentsOf: other)
        }
    }
}
