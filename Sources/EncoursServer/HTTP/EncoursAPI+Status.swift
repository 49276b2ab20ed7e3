import Prometheus
import EncoursStore
import EncoursCore
import Foundation
import Hummingbird
import NIOCore

/// `GET /v1/health`, `/v1/status`, `/metrics` and `/v1/openapi.json`: what operators and
/// monitoring ask.
extension EncoursAPI {
    func registerStatusRoutes(on router: Router<EncoursRequestContext>) {
        // Health answers any client that can reach the socket: a liveness probe holds no role.
        router.get("/v1/health") { _, _ in
            let last = database.read { $0.lastSequence }
            return JSONResponse.make("{\"status\":\"ready\",\"last_seq\":\(last)}")
        }
        router.get("/v1/status") { _, context in
            try context.require(.reader, toDo: "GET /v1/status")
            let (events, customers, last) = database.read { ($0.entryCount, $0.accounts.count, $0.lastSequence) }
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("version", status.version)
            writer.member("started_at", status.startedAt)
            writer.key("uptime_seconds")
            writer.raw(String(status.uptimeSeconds))
            writer.key("events")
            writer.raw(String(events))
            writer.key("customers")
            writer.raw(String(customers))
            writer.key("last_seq")
            writer.raw(String(last))
            writer.optionalMember("last_append_at", status.lastAppendAt)
            writer.key("database_bytes")
            writer.raw(String(databaseBytes()))
            writer.key("snapshot_seq")
            if let sequence = status.snapshotSequence { writer.raw(String(sequence)) } else { writer.null() }
            writer.optionalMember("snapshot_at", status.snapshotAt)
            writer.key("inbox")
            writeInbox(to: &writer)
            writer.endObject()
            return JSONResponse.make(writer.text)
        }
        router.get("/metrics") { _, context in
            try context.require(.reader, toDo: "GET /metrics")
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
        router.get("/v1/openapi.json") { _, _ in
            JSONResponse.make(OpenAPIDocument.json)
        }
    }

    /// The inbox folder and the files moved out of it since the start; `null` without one.
    private func writeInbox(to writer: inout JSONWriter) {
        guard let inbox = settings.current.inbox else {
            writer.null()
            return
        }
        let counts = status.inbox
        writer.beginObject()
        writer.member("folder", inbox.folder)
        writer.key("done")
        writer.raw(String(counts.done))
        writer.key("rejected")
        writer.raw(String(counts.rejected))
        writer.optionalMember("last_file_at", counts.lastFileAt)
        writer.endObject()
    }

    /// The database file and its write-ahead log, as `ls` would add them up.
    private func databaseBytes() -> Int64 {
        let path = database.log.path
        return [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }
}
