import Foundation
import EncoursCore
import EncoursImport
import EncoursStore
import Hummingbird
import NIOCore

/// `POST /v1/events`: canonical events as NDJSON or a JSON array, checked like an import,
/// appended in one transaction, acknowledged once durable.
extension EncoursAPI {
    static let bodySource = "request body"

    func registerEventRoutes(on router: Router<EncoursRequestContext>) {
        router.post("/v1/events") { request, context in
            // A client with no role is refused before its body is read; the others learn
            // the role their events need.
            if context.role == nil { try context.require(.sales, toDo: "POST /v1/events") }
            let parsed = try await readEvents(request)
            try Self.requireRole(toAppend: parsed.map(\.event), context, route: "POST /v1/events")
            let report = try await append(parsed, context)
            return JSONResponse.make(Self.resultJSON(report, parsed: parsed))
        }
    }

    /// Refuses `events` unless the client holds the highest role any of them needs, naming
    /// the events that need it.
    static func requireRole(
        toAppend events: [Event],
        _ context: EncoursRequestContext,
        route: String
    ) throws(APIError) {
        let needed = events.map(Role.needed(toAppend:)).max() ?? .sales
        let names = Set(events.filter { Role.needed(toAppend: $0) == needed }.map(Role.describe))
        try context.require(needed, toDo: "\(route) with \(names.sorted().joined(separator: ", "))")
    }

    /// Appends `parsed` through the one writer, new orders decided on their way in; a
    /// refusal is the API's error.
    func append(_ parsed: [ParsedEvent], _ context: EncoursRequestContext) async throws
        -> LedgerDatabase.AppendReport
    {
        let submissions = parsed.map { LedgerDatabase.Submission(event: $0.event, payload: $0.payload) }
        let actor = context.peer?.actor ?? "unknown"
        do {
            return try await writer.append(submissions, actor: actor)
        } catch let error as LedgerDatabaseError {
            throw EventRejection.apiError(error, parsed: parsed)
        } catch let error as WriterStoppedError {
            throw APIError(status: .serviceUnavailable, code: "stopping", message: error.description)
        }
    }

    /// The body's events, or a 4xx naming every bad one.
    private func readEvents(_ request: Request) async throws -> [ParsedEvent] {
        let contentType = request.headers[.contentType].map {
            $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        }
        // curl sends form-urlencoded unless told otherwise; the body is read as events whatever it claims.
        let accepted = [
            "application/json", "application/x-ndjson", "application/ndjson", "text/plain",
            "application/x-www-form-urlencoded",
        ]
        if let contentType, !accepted.contains(contentType.lowercased()) {
            throw APIError(
                status: .unsupportedMediaType,
                code: "unsupported_media_type",
                message: "Content-Type \(contentType) is not accepted: send application/x-ndjson or application/json"
            )
        }
        let limit = settings.current.maxBodyBytes
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(
                status: .contentTooLarge,
                code: "too_large",
                message: "the request body is larger than \(limit) bytes (limits.max_body_bytes); "
                    + "nothing was appended: send it in smaller batches"
            )
        }
        let bytes = body.readableBytesView
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw APIError(status: .badRequest, code: "empty", message: "the request body holds no events")
        }
        let reader = CanonicalEventReader()
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            return first == UInt8(ascii: "[")
                ? reader.readJSONArray(raw, source: Self.bodySource) : reader.readNDJSON(raw, file: Self.bodySource)
        }!
        guard result.isValid else { throw EventRejection.invalid(result) }
        guard !result.events.isEmpty else {
            throw APIError(status: .badRequest, code: "empty", message: "the request body holds no events")
        }
        return result.events
    }

    static func resultJSON(_ report: LedgerDatabase.AppendReport, parsed: [ParsedEvent]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("appended")
        writer.raw(String(report.appendedCount))
        writer.key("duplicates")
        writer.raw(String(report.duplicateCount))
        writer.key("events")
        writer.beginArray()
        for (outcome, event) in zip(report.outcomes, parsed) {
            writer.beginObject()
            writer.key("line")
            writer.raw(String(event.line))
            writer.member("type", event.event.type.rawValue)
            switch outcome {
            case .appended: writer.member("result", "appended")
            case .duplicate: writer.member("result", "duplicate")
            }
            writer.key("seq")
            writer.raw(String(outcome.seq))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
