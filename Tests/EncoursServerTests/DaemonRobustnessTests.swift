import EncoursTestSupport
import Foundation
import Testing

/// What a careless or hostile client sends: the daemon answers 4xx and keeps serving.
@Suite("encoursd robustness")
struct DaemonRobustnessTests {
    @Test func malformedHTTPGetsA4xxAndTheDaemonKeepsServing() async throws {
        let daemon = try await RunningDaemon()
        let garbage = try RawSocket.exchange(
            path: daemon.socketPath,
            bytes: Array("GARBAGE \u{1}\u{2} nonsense\r\n\r\n".utf8)
        )
        #expect(garbage.isEmpty || garbage.hasPrefix("HTTP/1.1 4"), "\(garbage)")
        let badHeader = try RawSocket.exchange(
            path: daemon.socketPath,
            bytes: Array("GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".utf8)
        )
        #expect(badHeader.isEmpty || badHeader.hasPrefix("HTTP/1.1 4"), "\(badHeader)")
        let health = try await daemon.client.get("/v1/health")
        #expect(health.status == 200)
    }

    @Test func malformedJSONGetsA400NamingTheLine() async throws {
        let daemon = try await RunningDaemon()
        let reply = try await daemon.client.post("/v1/events", body: "{\"type\":\"customer.registered\",\n{oops")
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_events")
        let health = try await daemon.client.get("/v1/health")
        #expect(health.status == 200)
    }

    @Test func anOversizedBodyGets413AndNothingIsAppended() async throws {
        let daemon = try await RunningDaemon(environment: ["ENCOURS_MAX_BODY_BYTES": "2048"])
        let big = String(repeating: DaemonRoutesTests.ledger + "\n", count: 10)
        let reply = try await daemon.client.post("/v1/events", body: big)
        #expect(reply.status == 413, "\(reply)")
        #expect(reply.errorCode == "too_large")
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":0"))
        let small = try await daemon.client.post("/v1/events", body: DaemonRoutesTests.ledger)
        #expect(small.status == 200)
    }

    @Test func unsupportedContentTypeGets415() async throws {
        let daemon = try await RunningDaemon()
        let reply = try await daemon.client.post("/v1/events", body: "a,b,c", contentType: "text/csv")
        #expect(reply.status == 415)
        #expect(reply.errorCode == "unsupported_media_type")
    }
}
