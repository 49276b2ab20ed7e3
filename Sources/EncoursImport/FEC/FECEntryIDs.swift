import EncoursCore

/// The ids of the documents and payments an FEC's customer lines become.
///
/// An id must be the same in every export that holds the line, so that importing a
/// cumulative FEC again finds the recorded events as duplicates. So it is made of what a
/// validated entry never changes, and of nothing that depends on other entries:
/// `JournalCode-EcritureDate-EcritureNum` (`VE-20230109-00000001`), followed by `-n` when the
/// entry has several lines on customer accounts (`AN-20230101-00000192-7`: its seventh,
/// in file order). The date keeps ids apart across fiscal years, whose entry numbers
/// usually start again at 1.
///
/// `PieceRef` is not used: exporters often put a batch or monthly reference there (`VE 0323`
/// on every sale of March) rather than the invoice number, and choosing it only where it
/// happens to be unique would change an id the day a later entry reuses the reference.
enum FECEntryIDs {
    private struct Entry: Hashable {
        var journal: String
        var date: Day
        var number: String
    }

    /// The id of each line, in the same order.
    static func ids(for lines: [FECCustomerLine]) -> [String] {
        // One dictionary access per line: how many lines the entry has had so far, and its
        // first; the second line of an entry marks the first as sharing it.
        var entries: [Entry: (count: Int, first: Int)] = [:]
        entries.reserveCapacity(lines.count)
        var ranks = [Int](repeating: 1, count: lines.count)
        var shared = [Bool](repeating: false, count: lines.count)
        func count(_ slot: inout (count: Int, first: Int)) -> (count: Int, first: Int) {
            slot.count += 1
            return slot
        }
        for (position, line) in lines.enumerated() {
            let entry = Entry(journal: line.journal, date: line.entryDate, number: line.entryNumber)
            let (rank, first) = count(&entries[entry, default: (0, position)])
            ranks[position] = rank
            if rank > 1 {
                shared[position] = true
                shared[first] = true
            }
        }
        var ids: [String] = []
        ids.reserveCapacity(lines.count)
        for (position, line) in lines.enumerated() {
            let base = "\(line.journal)-\(line.entryDateText)-\(line.entryNumber)"
            ids.append(shared[position] ? "\(base)-\(ranks[position])" : base)
        }
        return ids
    }
}
