extension DelimitedRecordScanner {
    /// The columns whose quoted fields are unquoted; the others are lent as written.
    struct Selection {
        /// For each column number, whether it is selected; past the end, `remaining`.
        private var selected: [Bool]
        private var remaining: Bool

        /// Every column: for readers that keep every field (a header, tests).
        static let all = Selection(selected: [], remaining: true)

        /// The columns at `indices` (0-based).
        init(_ indices: some Sequence<Int>) {
            var selected: [Bool] = []
            for index in indices {
                if index >= selected.count {
                    selected.append(contentsOf: repeatElement(false, count: index + 1 - selected.count))
                }
                selected[index] = true
            }
            self.init(selected: selected, remaining: false)
        }

        private init(selected: [Bool], remaining: Bool) {
            self.selected = selected
            self.remaining = remaining
        }

        func contains(_ index: Int) -> Bool {
            index < selected.count ? selected[index] : remaining
        }
    }
}
