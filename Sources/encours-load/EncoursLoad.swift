import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// `encours-load`: durable appends to a running encoursd from many concurrent clients, each
/// sending batches of distinct new events (a duplicate costs the daemon far less than a new
/// event, so replaying one body would flatter the figure). `Scripts/bench` drives it.
@main
struct EncoursLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encours-load",
        abstract: "Measure durable appends to encoursd from concurrent clients.",
        discussion: """
            Each batch registers a customer of its own and issues (batch − 1) invoices to it, all new.

            Example:
              encours-load --socket ./var/encours.sock --clients 16 --batch 100 --events 200000
            """
    )

    @Option(help: "The daemon's socket.")
    var socket: String

    @Option(help: "Concurrent clients, each with its own keep-alive connection.")
    var clients = 16

    @Option(help: "Events per request.")
    var batch = 100

    @Option(help: "Events to append in all.")
    var events = 200_000

    @Option(help: "Prefix of the generated ids, so that runs on one database do not collide.")
    var prefix = "L\(Int(Date().timeIntervalSince1970))"

    func run() async throws {
        let batches = events / batch
        let bodies = (0..<batches).map { Self.body(number: $0, size: batch, prefix: prefix) }
        guard let url = URL(httpURLWithSocketPath: socket, uri: "/v1/events") else {
            throw ValidationError("bad socket path")
        }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clients
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let stats = LoadStats()
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    while true {
                        let index = stats.nextIndex()
                        guard index < bodies.count else { return }
                        var request = HTTPClientRequest(url: url.absoluteString)
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/x-ndjson")
                        request.body = .bytes(ByteBuffer(string: bodies[index]))
                        let sent = ContinuousClock.now
                        do {
                            let response = try await client.execute(request, timeout: .seconds(120))
                            let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
                            if response.status != .ok {
                                stats.failures.withLock {
                                    $0.append("\(response.status.code): \(String(buffer: body).prefix(300))")
                                }
                            }
                        } catch {
                            stats.failures.withLock { $0.append("\(error)") }
                        }
                        let latency = ContinuousClock.now - sent
                        stats.latencies.withLock { $0.append(latency) }
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        try await client.shutdown()
        let sorted = stats.latencies.withLock { $0 }.sorted()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func percentile(_ p: Double) -> String {
            guard !sorted.isEmpty else { return "-" }
            let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return String(
                format: "%.1f ms",
                Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000
            )
        }
        let errors = stats.failures.withLock { $0 }
        print(
            "appends: \(batches * batch) events in \(batches) requests of \(batch) from \(clients) clients in "
                + String(format: "%.2f s = %.0f events/s", seconds, Double(batches * batch) / seconds)
                + "; latency per request p50 \(percentile(0.5)), p99 \(percentile(0.99)); \(errors.count) failed"
        )
        if let first = errors.first { print("first failure: \(first)") }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    static func body(number: Int, size: Int, prefix: String) -> String {
        let customer = "\(prefix)-C\(number)"
        var lines = [
            #"{"type":"customer.registered","customer":"\#(customer)","legal_name":"Load \#(number)","credit_limit":"50000.00","on":"2026-01-05"}"#
        ]
        for invoice in 1..<size {
            lines.append(
                #"{"type":"invoice.issued","customer":"\#(customer)","invoice":"\#(customer)-F\#(invoice)","amount":"\#(100 + invoice).50","on":"2026-01-06"}"#
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What the clients share: the next batch to send, and what came back.
final class LoadStats: Sendable {
    let latencies = Mutex<[Duration]>([])
    let failures = Mutex<[String]>([])
    private let next = Mutex(0)

    func nextIndex() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
