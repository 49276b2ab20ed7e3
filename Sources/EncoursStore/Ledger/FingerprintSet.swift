/// A set of 64-bit key fingerprints (``KeyFingerprints/fingerprint(_:)``) in one flat table.
///
/// The fingerprints are hashes already: a multiply spreads them over the table, where
/// `Set<UInt64>` would hash each again with SipHash. On a million-event import, checking
/// that no key came twice took the preparing thread about a quarter of a second with
/// `Set`. The multiplier is drawn once per process, so that a file cannot be written to
/// pile its fingerprints onto a few slots.
struct FingerprintSet {
    /// `0` marks an empty slot; the fingerprint `0` itself is ``holdsZero``.
    private var slots: [UInt64]
    private var holdsZero = false
    /// How far the product is shifted right to give a slot: 64 minus log2 of the slot count.
    private var shift: UInt64
    private(set) var count = 0

    private static let multiplier = UInt64.random(in: 1...UInt64.max) | 1

    init(minimumCapacity: Int = 0) {
        var slotCount = 16
        while slotCount < minimumCapacity * 2 { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
        shift = UInt64(64 - slotCount.trailingZeroBitCount)
    }

    func contains(_ fingerprint: UInt64) -> Bool {
        guard fingerprint != 0 else { return holdsZero }
        var slot = self.slot(of: fingerprint)
        while true {
            let held = slots[slot]
            if held == fingerprint { return true }
            if held == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds `fingerprint`; `false` when it was there already.
    @discardableResult
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        guard fingerprint != 0 else {
            defer { holdsZero = true }
            if !holdsZero { count += 1 }
            return !holdsZero
        }
        // At most half full: probes stay short.
        if (count + 1) * 2 > slots.count { grow() }
        var slot = self.slot(of: fingerprint)
        while true {
            let held = slots[slot]
            if held == fingerprint { return false }
            if held == 0 { break }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = fingerprint
        count += 1
        return true
    }

    mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard minimumCapacity * 2 > slots.count else { return }
        rehash(into: FingerprintSet(minimumCapacity: minimumCapacity))
    }

    private func slot(of fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: (fingerprint &* Self.multiplier) >> shift)
    }

    private mutating func grow() {
        rehash(into: FingerprintSet(minimumCapacity: slots.count))
    }

    private mutating func rehash(into larger: FingerprintSet) {
        var larger = larger
        for fingerprint in slots where fingerprint != 0 { larger.insert(fingerprint) }
        if holdsZero { larger.insert(0) }
        self = larger
    }
}
