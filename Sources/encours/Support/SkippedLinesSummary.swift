import EncoursImport

/// How many lines of an export became no event, per reason, most frequent first.
///
/// An FEC holds every account of the books, so most of its lines are skipped by design; a
/// person must still see at a glance that nothing was dropped by mistake (a customer
/// account outside 411…, a sales journal not recognised) without reading a hundred
/// thousand lines. Lines are counted by their category (every account that is not a
/// customer's is one row) and `--show-skipped` lists every line when a count raises a doubt.
struct SkippedLinesSummary {
    let file: String
    let skipped: [SkippedLine]

    /// `FEC.txt: 785 lines skipped, by reason:` then one row per reason: count, reason.
    var lines: [String] {
        guard !skipped.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        var particulars: [String: Set<String>] = [:]
        for line in skipped {
            let key = line.category ?? line.reason
            counts[key, default: 0] += 1
            if line.category != nil { particulars[key, default: []].insert(line.reason) }
        }
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let width = String(rows.first?.value ?? 0).count
        let noun = skipped.count == 1 ? "line" : "lines"
        var lines = ["\(file): \(skipped.count) \(noun) skipped, by reason:"]
        for (key, count) in rows {
            let padding = String(repeating: " ", count: max(0, width - String(count).count))
            var text = key
            if let reasons = particulars[key], reasons.count > 1 {
                text += " (\(reasons.count) variants; --show-skipped lists each line)"
            }
            lines.append("  \(padding)\(count)  \(text)")
        }
        return lines
    }
}
