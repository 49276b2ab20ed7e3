import ArgumentParser
import EncoursCore
import EncoursGenerator
import EncoursImport
import Foundation

/// `encours generate`: a deterministic demo ledger as canonical NDJSON.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic, deterministic demo ledger as canonical NDJSON events.",
        discussion: """
            The same options and seed give byte-identical output on every machine. Every event type appears: \
            limits and terms, orders, invoices with and without orders, partial, late, early and over-payments, \
            credit notes, disputes, temporary limits, blocks, promises, reminders, notes. About 2.7 events per \
            invoice.

            Examples:
              encours generate --customers 200 --invoices 5000 > demo.ndjson
              encours generate --customers 10000 --invoices 400000 --seed 3 --output big.ndjson
            """
    )

    @Option(help: "Number of customers.")
    var customers: Int

    @Option(help: "Number of invoices, in total.")
    var invoices: Int

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = 1

    @Option(help: "First day of the simulated period, YYYY-MM-DD.")
    var start: Day = GeneratorConfiguration.defaultStart

    @Option(help: "Length of the simulated period in months.")
    var months: Int = 12

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    var configuration: GeneratorConfiguration {
        GeneratorConfiguration(customers: customers, invoices: invoices, seed: seed, start: start, months: months)
    }

    func validate() throws {
        do {
            try configuration.validate()
        } catch {
            throw ValidationError("--\(error.field.replacingOccurrences(of: "_", with: "-")): \(error.message)")
        }
    }

    func run() throws {
        let generator = try LedgerGenerator(configuration)
        let sink = try OutputSink(path: output)
        let writer = CanonicalEventWriter()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var written = 0
        var failure: (any Error)?
        let summary = generator.generate { event in
            writer.appendLine(event, to: &buffer)
            written += 1
            if buffer.count >= 1 << 20 {
                do { try sink.write(buffer) } catch { failure = failure ?? error }
                buffer.removeAll(keepingCapacity: true)
                if written % 100_000 < 400 { Terminal.progress("generated \(written) events") }
            }
        }
        try sink.write(buffer)
        try sink.close()
        if let failure { throw failure }
        Terminal.endProgress()
        if output != nil || Terminal.standardErrorIsTerminal {
            Terminal.warn("generated \(summary.eventCount) events (\(invoices) invoices, \(customers) customers)")
        }
    }
}

/// Standard output or a file, written in large blocks.
final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private let name: String

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            ownsHandle = false
            name = "standard output"
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CommandFailure("error: cannot create \(path): check the folder exists and is writable")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        ownsHandle = true
        name = path
    }

    func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw CommandFailure("error: cannot write to \(name): \(error.localizedDescription)")
        }
    }

    func close() throws {
        if ownsHandle { try handle.close() }
    }
}
