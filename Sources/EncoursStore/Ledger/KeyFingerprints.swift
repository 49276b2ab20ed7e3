/// 64-bit fingerprints of every recorded idempotency key: a key whose fingerprint is absent
/// is certainly new, so only the rare possible duplicates cost a database look-up.
///
/// Re-importing a full export is the common case of duplicates; a first import of a
/// million events is the common case of none, and must not pay a million index look-ups.
struct KeyFingerprints {
    private var fingerprints = FingerprintSet()

    /// FNV-1a: stable across runs and processes, unlike Swift's seeded `Hasher`.
    static func fingerprint(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    func mayContain(_ fingerprint: UInt64) -> Bool {
        fingerprints.contains(fingerprint)
    }

    mutating func insert(_ fingerprint: UInt64) {
        fingerprints.insert(fingerprint)
    }

    mutating func insert(bytes: UnsafeRawBufferPointer) {
        fingerprints.insert(Self.fingerprint(bytes))
    }

    mutating func reserveCapacity(_ count: Int) {
        fingerprints.reserveCapacity(count)
    }
}
