import EncoursTestSupport
import Foundation
import Testing

/// 100 MB of what is no export at all, in each format: the import must refuse it quickly,
/// with a bounded report naming the file and a line, and leave the ledger as it was.
@Suite("encours import: 100 MB of garbage", .serialized)
struct GarbageInputTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.importHandLedger()
    }

    static let size = 100 << 20

    /// Deterministic bytes (xorshift), so that a failure can be reproduced.
    static func garbage(printable: Bool) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                buffer.storeBytes(of: state, toByteOffset: index, as: UInt64.self)
                index += 8
            }
        }
        if printable {
            // Printable ASCII with line feeds, semicolons, tabs, pipes and quotes among it:
            // text every reader must get through line by line.
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789 ,.;;;\t|\"{}:[]\n\n".utf8)
            for index in bytes.indices { bytes[index] = alphabet[Int(bytes[index]) % alphabet.count] }
        }
        return Data(bytes)
    }

    static let mapping = """
        [file]
        separator = ";"
        encoding = "ENCODING"
        decimal = ","
        date_format = "dd/MM/yyyy"

        [kind]
        fixed = "invoice"

        [invoice]
        invoice = "Pièce"
        customer = "Client"
        on = "Date"
        amount = "Montant"
        """

    func arguments(format: String, encoding: String) throws -> [String] {
        switch format {
        case "csv":
            let path = workspace.file("garbage.toml")
            try Data(Self.mapping.replacingOccurrences(of: "ENCODING", with: encoding).utf8)
                .write(to: URL(fileURLWithPath: path))
            return ["--format", "csv", "--mapping", path]
        default:
            return ["--format", format]
        }
    }

    @Test(
        "garbage is refused, the report stays short, and nothing is appended",
        arguments: [
            ("ndjson", "utf-8", false), ("csv", "utf-8", false), ("csv", "windows-1252", false), ("fec", "", false),
            ("ndjson", "utf-8", true), ("csv", "utf-8", true), ("fec", "", true),
        ]
    )
    func garbageIsRefused(format: String, encoding: String, printable: Bool) throws {
        let file = workspace.file("garbage.\(format)")
        try Self.garbage(printable: printable).write(to: URL(fileURLWithPath: file))
        let before = try workspace.eventRowCount()
        let run = try workspace.encours(
            ["import", "--db", workspace.db] + arguments(format: format, encoding: encoding) + [file]
        )
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stderr.hasSuffix("nothing was imported\n"), "\(run)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("garbage.\(format):") == true, "\(run)")
        // The first hundred errors show the pattern; the rest are counted, not printed.
        #expect(lines.count <= 103, "\(lines.count) lines of errors")
        #expect(run.stderr.utf8.count < 64 << 10)
        #expect(try workspace.eventRowCount() == before)
        try FileManager.default.removeItem(atPath: file)
    }
}
