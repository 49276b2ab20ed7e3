import EncoursCore
import EncoursImport
import Testing

/// Reading on several cores must give exactly what reading on one gives: same events, same
/// line numbers, same errors, same error bound.
@Suite struct ParallelReadingTests {
    /// About 2.4 MB of invoices, with bad lines scattered through it.
    static func input(badEvery: Int?) -> [UInt8] {
        let writer = CanonicalEventWriter()
        var bytes: [UInt8] = []
        for number in 1...20_000 {
            if number % 997 == 0 { bytes.append(0x0A) }  // blank lines count as lines
            if let badEvery, number % badEvery == 0 {
                bytes += Array(#"{"type":"invoice.issued","customer":"C1","invoice":"X","amount":"12,50","on":"2026-01-01"}"#.utf8)
                bytes.append(0x0A)
                continue
            }
            let event = Event.invoiceIssued(
                InvoiceIssued(
                    customer: CustomerID("C\(number % 50)"), invoice: InvoiceID("FA-\(number)"),
                    amount: Money(minorUnits: Int64(number)), on: Day(iso: "2026-01-01")!))
            writer.appendLine(event, to: &bytes)
        }
        return bytes
    }

    @Test(arguments: [nil, 3_001, 7] as [Int?])
    func partsGiveTheSameResultAsOneCore(badEvery: Int?) {
        let bytes = Self.input(badEvery: badEvery)
        #expect(bytes.count > 1 << 20)
        let reader = CanonicalEventReader()
        bytes.withUnsafeBytes { buffer in
            let sequential = reader.readNDJSON(buffer, file: "big.ndjson")
            for parts in [2, 3, 8] {
                let parallel = reader.readNDJSON(buffer, file: "big.ndjson", parts: parts)
                #expect(parallel == sequential, "\(parts) parts")
            }
            if badEvery == 7 {
                #expect(sequential.errors.count == CanonicalEventReader.defaultErrorLimit)
                #expect(sequential.omittedErrorCount > 0)
            }
            #expect(sequential.events.last?.line == 20_000 + 20_000 / 997)
        }
    }
}
