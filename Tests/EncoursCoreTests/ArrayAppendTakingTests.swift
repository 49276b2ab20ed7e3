import EncoursCore
import Testing

/// Appending a batch to a ledger's arrays: the same elements, in the same order, whether the
/// array was empty (its storage is taken) or not.
@Suite("Array.appendTakingStorage(of:)")
struct ArrayAppendTakingTests {
    @Test func anEmptyArrayBecomesTheOther() {
        var entries: [String] = []
        let batch = ["a", "b", "c"]
        entries.appendTakingStorage(of: batch)
        #expect(entries == ["a", "b", "c"])
        entries.append("d")
        #expect(batch == ["a", "b", "c"])
    }

    @Test func aNonEmptyArrayAppendsTheOtherAfterItsOwn() {
        var entries = ["a"]
        entries.appendTakingStorage(of: ["b", "c"])
        entries.appendTakingStorage(of: [])
        #expect(entries == ["a", "b", "c"])
    }
}
