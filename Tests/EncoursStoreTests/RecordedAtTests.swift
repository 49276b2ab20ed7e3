import EncoursStore
import Testing

@Suite("recorded_at")
struct RecordedAtTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_434_880_123, "2026-11-23T11:54:40.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func formatsMillisecondsSinceTheEpoch(milliseconds: Int64, expected: String) {
        #expect(RecordedAt.string(unixMilliseconds: milliseconds) == expected)
        #expect(RecordedAt.isValid(expected))
    }

    @Test func acceptsOnlyUTCISO8601() {
        #expect(RecordedAt.isValid("2026-11-23T11:54:40Z"))
        #expect(RecordedAt.isValid("2026-11-23T11:54:40.123456789Z"))
        for text in [
            "", "2026-11-23", "2026-11-23T11:54:40", "2026-11-23T11:54:40+01:00", "2026-02-30T11:54:40Z",
            "2026-11-23T24:00:00Z", "2026-11-23T11:60:00Z", "2026-11-23T11:54:40.Z", "2026-11-23T11:54:40.1a3Z",
            "2026-11-23t11:54:40Z",
        ] {
            #expect(!RecordedAt.isValid(text), "\(text)")
        }
    }
}
