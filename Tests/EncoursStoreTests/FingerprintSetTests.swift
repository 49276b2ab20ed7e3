@testable import EncoursStore
import Testing

/// The flat table that says whether a key's fingerprint was seen: a wrong answer either way
/// would append a duplicate or send a new batch down the slow path.
@Suite("Fingerprint set")
struct FingerprintSetTests {
    @Test func holdsWhatWasInsertedThroughEveryGrowth() {
        var set = FingerprintSet()
        var expected = Set<UInt64>()
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<50_000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            // Few distinct values, so that many inserts are repeats.
            let fingerprint = state % 30_000
            let inserted = set.insert(fingerprint)
            #expect(inserted == expected.insert(fingerprint).inserted)
        }
        #expect(set.count == expected.count)
        for fingerprint in 0..<UInt64(31_000) {
            #expect(set.contains(fingerprint) == expected.contains(fingerprint))
        }
    }

    @Test func zeroIsAFingerprintLikeAnyOther() {
        var set = FingerprintSet()
        #expect(!set.contains(0))
        let first = set.insert(0)
        let second = set.insert(0)
        #expect(first && !second)
        #expect(set.contains(0))
        #expect(set.count == 1)
        #expect(!set.contains(1))
    }

    @Test func reservingKeepsTheFingerprints() {
        var set = FingerprintSet()
        for fingerprint in [UInt64.max, 7, 1 << 63, 0] { set.insert(fingerprint) }
        set.reserveCapacity(100_000)
        #expect(set.count == 4)
        for fingerprint in [UInt64.max, 7, 1 << 63, 0] { #expect(set.contains(fingerprint)) }
        let seven = set.insert(7)
        let eight = set.insert(8)
        #expect(!seven && eight)
    }
}
