import EncoursTestSupport
import Foundation
import Testing

/// `openapi.yaml`, as the daemon serves it at `/v1/openapi.json`, against the code: the same
/// routes (from the source, a list kept here, and the running daemon), and every answer of
/// a real daemon, good and bad, valid under the schema of its path, method and status.
@Suite("OpenAPI document and conformance")
struct OpenAPIConformanceTests {
    struct Route: Hashable, Comparable, CustomStringConvertible {
        var method: String
        var path: String
        /// The least role that may use it; `none`: any client that reaches the socket.
        var role: String

        var description: String { "\(method) \(path) (\(role))" }
        static func < (lhs: Route, rhs: Route) -> Bool { lhs.description < rhs.description }
    }

    /// The routes the code registers, kept by hand: a route added to the code or the
    /// document alone fails `theCodeRegistersExactlyTheDocumentedRoutes`.
    static let routes: Set<Route> = [
        Route(method: "GET", path: "/v1/health", role: "none"),
        Route(method: "GET", path: "/v1/status", role: "reader"),
        Route(method: "POST", path: "/v1/events", role: "sales"),
        Route(method: "GET", path: "/v1/ageing", role: "reader"),
        Route(method: "GET", path: "/v1/exposure", role: "reader"),
        Route(method: "GET", path: "/v1/dso", role: "reader"),
        Route(method: "GET", path: "/v1/penalties", role: "reader"),
        Route(method: "GET", path: "/v1/dunning/worklist", role: "reader"),
        Route(method: "GET", path: "/v1/promises", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}/events", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}/statement", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}/risk", role: "reader"),
        Route(method: "GET", path: "/v1/risk", role: "reader"),
        Route(method: "GET", path: "/v1/scorecards", role: "reader"),
        Route(method: "GET", path: "/v1/sales-reps/{id}/scorecard", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}/incidents", role: "reader"),
        Route(method: "GET", path: "/v1/search", role: "reader"),
        Route(method: "GET", path: "/v1/customers/{id}/limits", role: "reader"),
        Route(method: "POST", path: "/v1/orders/check", role: "reader"),
        Route(method: "POST", path: "/v1/orders", role: "sales"),
        Route(method: "GET", path: "/metrics", role: "reader"),
        Route(method: "GET", path: "/v1/openapi.json", role: "none"),
    ]

    /// The JSON body each POST route other than `/v1/events` answers 200 to.
    static let postBodies: [String: String] = [
        "/v1/orders/check": #"{"customer":"C1","amount":"100.00"}"#,
        "/v1/orders": #"{"customer":"C1","order":"O-SERVED","amount":"1.00","on":"2026-01-04"}"#,
    ]

    static let roles = ["none", "reader", "sales", "feeder", "finance"]

    /// One event of each type, each readable on its own (so that the role check, which
    /// follows the reading, decides), for an empty ledger.
    static let eventOfEachType: [String: String] = [
        "customer.registered": #"{"type":"customer.registered","customer":"R1","legal_name":"R","on":"2026-01-02"}"#,
        "customer.updated": #"{"type":"customer.updated","customer":"R1","trade_name":"R","on":"2026-01-03"}"#,
        "credit_limit.set": #"{"type":"credit_limit.set","customer":"R1","limit":"100.00","on":"2026-01-03"}"#,
        "customer.blocked": #"{"type":"customer.blocked","customer":"R1","on":"2026-01-03"}"#,
        "customer.unblocked": #"{"type":"customer.unblocked","customer":"R1","on":"2026-01-04"}"#,
        "order.placed": #"{"type":"order.placed","customer":"R1","order":"O1","amount":"10.00","on":"2026-01-03"}"#,
        "order.cancelled": #"{"type":"order.cancelled","order":"O1","on":"2026-01-04"}"#,
        "invoice.issued":
            #"{"type":"invoice.issued","customer":"R1","invoice":"F1","amount":"10.00","on":"2026-01-03"}"#,
        "credit_note.issued":
            #"{"type":"credit_note.issued","customer":"R1","credit_note":"A1","amount":"1.00","on":"2026-01-04"}"#,
        "payment.received":
            #"{"type":"payment.received","customer":"R1","payment":"P1","amount":"1.00","on":"2026-01-04"}"#,
        "dispute.opened": #"{"type":"dispute.opened","invoice":"F1","dispute":"D1","on":"2026-01-04"}"#,
        "dispute.resolved": #"{"type":"dispute.resolved","dispute":"D1","on":"2026-01-05"}"#,
        "promise.made":
            #"{"type":"promise.made","customer":"R1","promise":"PR1","amount":"1.00","due_on":"2026-01-20","on":"2026-01-04"}"#,
        "reminder.sent": #"{"type":"reminder.sent","customer":"R1","level":"reminder_1","on":"2026-01-04"}"#,
        "note.logged": #"{"type":"note.logged","customer":"R1","text":"called","on":"2026-01-04"}"#,
        "credit.applied":
            #"{"type":"credit.applied","customer":"R1","invoice":"F1","amount":"1.00","on":"2026-01-05"}"#,
    ]

    // MARK: - The validator itself

    @Test func theValidatorRejectsWhatASchemaForbids() throws {
        let document = try JSONValue.parse(
            #"""
            {"components":{"schemas":{
              "Amount":{"type":"string","pattern":"^-?[0-9]+\\.[0-9]{2}$","not":{"const":"-0.00"}},
              "Line":{"type":"object","required":["customer","total"],"additionalProperties":false,"minProperties":3,
                "properties":{"customer":{"type":"string","minLength":1},"total":{"$ref":"#/components/schemas/Amount"},
                  "limit":{"type":["string","null"]},"days":{"type":"integer","minimum":0,"maximum":10},
                  "status":{"enum":["ok","warning"]},"on":{"type":"string","format":"date"}},
                "patternProperties":{"^over_[0-9]+$":{"$ref":"#/components/schemas/Amount"}}},
              "Page":{"type":"object","properties":{"items":{"type":"array","items":{"const":1},"maxItems":2}}},
              "Either":{"oneOf":[{"type":"integer"},{"type":"number","minimum":0}]},
              "Any":{"anyOf":[{"const":"a"},{"const":"b"}]}
            }}}
            """#
        )
        let validator = JSONSchemaValidator(document: document)
        func errors(_ json: String, _ name: String) throws -> [String] {
            try validator.errors(
                JSONValue.parse(json),
                against: .object(["$ref": .string("#/components/schemas/\(name)")])
            )
        }
        let good = #"{"customer":"C1","total":"-20.00","limit":null,"days":3,"status":"ok","over_90":"1.00"}"#
        #expect(try errors(good, "Line") == [])
        #expect(try errors(#"{"customer":"C1","total":"1.00","on":"2026-02-28"}"#, "Line") == [])
        for bad in [
            #"{"customer":"C1"}"#,  // required
            #"{"customer":"C1","total":"1.00","extra":1}"#,  // additionalProperties: false
            #"{"customer":"C1","total":"1.5","days":1}"#,  // pattern
            #"{"customer":"C1","total":"-0.00","days":1}"#,  // not
            #"{"customer":"C1","total":1.50,"days":1}"#,  // type
            #"{"customer":"","total":"1.00","days":1}"#,  // minLength
            #"{"customer":"C1","total":"1.00","days":-1}"#,  // minimum
            #"{"customer":"C1","total":"1.00","days":11}"#,  // maximum
            #"{"customer":"C1","total":"1.00","days":1.5}"#,  // integer
            #"{"customer":"C1","total":"1.00","limit":3}"#,  // type list
            #"{"customer":"C1","total":"1.00","status":"bad"}"#,  // enum
            #"{"customer":"C1","total":"1.00","over_90":"x"}"#,  // patternProperties
            #"{"customer":"C1","total":"1.00","on":"2026-02-30"}"#,  // format date
            #"{"customer":"C1","total":"1.00"}"#,  // minProperties
            #"["customer"]"#,  // type object
        ] {
            #expect(try !errors(bad, "Line").isEmpty, "\(bad) passed")
        }
        #expect(try errors(#"{"items":[1,1]}"#, "Page") == [])
        #expect(try !errors(#"{"items":[1,2]}"#, "Page").isEmpty)
        #expect(try !errors(#"{"items":[1,1,1]}"#, "Page").isEmpty)
        #expect(try errors("-1", "Either") == [])
        #expect(try !errors("1", "Either").isEmpty, "oneOf: both alternatives match")
        #expect(try !errors("-1.5", "Either").isEmpty, "oneOf: none matches")
        #expect(try errors(#""b""#, "Any") == [])
        #expect(try !errors(#""c""#, "Any").isEmpty)
        // Nothing is skipped silently: an unknown keyword, format or reference fails.
        #expect(try !errors("1", "Missing").isEmpty)
        let unknownKeyword = JSONValue.object(["type": .string("integer"), "multipleOf": .integer(2)])
        #expect(!validator.errors(.integer(3), against: unknownKeyword).isEmpty)
        #expect(!validator.schemaProblems(unknownKeyword, at: "#").isEmpty)
        let unknownFormat = JSONValue.object(["type": .string("string"), "format": .string("email")])
        #expect(!validator.errors(.string("a@b"), against: unknownFormat).isEmpty)
        // A YAML `on` read as a boolean would leave `true` in `required`.
        let yamlBoolean = JSONValue.object(["required": .array([.bool(true)])])
        #expect(!validator.schemaProblems(yamlBoolean, at: "#").isEmpty)
    }

    // MARK: - Routes

    @Test func theCodeRegistersExactlyTheDocumentedRoutes() async throws {
        let fromSource = try Self.routesInSource()
        #expect(fromSource == Self.routes, "source: \(fromSource.sorted()), list: \(Self.routes.sorted())")
        let daemon = try await RunningDaemon()
        let spec = try await OpenAPISpec.load(from: daemon)
        #expect(spec.routes == Self.routes, "document: \(spec.routes.sorted()), list: \(Self.routes.sorted())")
        await daemon.stop()
    }

    @Test func everyDocumentedRouteIsServed() async throws {
        let daemon = try await RunningDaemon()
        let spec = try await OpenAPISpec.load(from: daemon)
        #expect(try await daemon.client.post("/v1/events", body: DaemonRoutesTests.ledger).status == 200)
        let salesRep = #"{"type":"customer.updated","customer":"C1","sales_rep":"R1","on":"2026-01-03"}"#
        #expect(try await daemon.client.post("/v1/events", body: salesRep).status == 200)
        for route in spec.routes.sorted() {
            // What each route needs to answer 200: a sales rep's id, the words to search.
            let id = route.path.hasPrefix("/v1/sales-reps/") ? "R1" : "C1"
            let query = route.path == "/v1/search" ? "?q=damaged" : ""
            let path = route.path.replacingOccurrences(of: "{id}", with: id) + query
            let reply =
                route.method == "POST"
                ? try await daemon.client.post(
                    path,
                    body: Self.postBodies[route.path] ?? DaemonRoutesTests.ledger,
                    contentType: Self.postBodies[route.path] == nil ? "application/x-ndjson" : "application/json"
                )
                : try await daemon.client.get(path)
            #expect(
                !(reply.status == 404 && reply.errorCode == "not_found"),
                "\(route) is documented, not served: \(reply)"
            )
            #expect(reply.status == 200, "\(route): \(reply)")
        }
        // The probe can tell: a path or method not served is 404 `not_found`, as documented.
        for (method, path) in [("GET", "/v1/events"), ("GET", "/v1/nothing-here"), ("POST", "/v1/ageing")] {
            let reply =
                method == "POST"
                ? try await daemon.client.post(path, body: DaemonRoutesTests.ledger) : try await daemon.client.get(path)
            #expect(reply.status == 404 && reply.errorCode == "not_found", "\(method) \(path): \(reply)")
            let schema = try #require(
                spec.validator.resolve("#/components/responses/NoRoute/content/application~1json/schema")
            )
            #expect(try spec.validator.errors(JSONValue.parse(reply.body), against: schema) == [])
        }
        await daemon.stop()
    }

    // MARK: - The document

    @Test func theDocumentIsWellFormed() async throws {
        let daemon = try await RunningDaemon()
        let spec = try await OpenAPISpec.load(from: daemon)
        await daemon.stop()
        let document = spec.document
        #expect(document["openapi"] == .string("3.1.0"))
        #expect(document["info"]?["title"] == .string("Encours socket API"))
        #expect(document["info"]?["version"] == .string("0.5.0"))
        var problems: [String] = []
        for (name, schema) in document["components"]?["schemas"]?.members ?? [:] {
            problems += spec.validator.schemaProblems(schema, at: "#/components/schemas/\(name)")
        }
        var operationIDs: [String] = []
        for route in spec.routes.sorted() {
            let operation = try #require(spec.operation(route.method, route.path))
            let here = "\(route.method) \(route.path)"
            operationIDs.append(operation["operationId"]?.string ?? "")
            let description = operation["description"]?.string ?? ""
            #expect(
                description.contains(route.role == "none" ? "any client" : "`\(route.role)`"),
                "\(here): the description names the role"
            )
            var pathParameters: Set<String> = []
            for parameter in operation["parameters"]?.elements ?? [] {
                let resolved = spec.resolved(parameter)
                let name = resolved["name"]?.string ?? "?"
                #expect(["query", "path"].contains(resolved["in"]?.string ?? ""), "\(here) \(name)")
                if resolved["in"] == .string("path") {
                    pathParameters.insert(name)
                    #expect(resolved["required"] == .bool(true), "\(here): path parameter \(name) must be required")
                }
                let schema = try #require(resolved["schema"], "\(here) \(name): no schema")
                problems += spec.validator.schemaProblems(schema, at: "\(here) parameter \(name)")
                if let example = resolved["example"] {
                    problems += spec.validator.errors(example, against: schema, at: "\(here) parameter \(name) example")
                }
            }
            let templated = Set(
                route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            )
            #expect(pathParameters == templated, "\(here): path parameters")
            let bodies = operation["requestBody"]?["content"]?.members ?? [:]
            #expect(bodies.isEmpty == (route.method == "GET"), "\(here): a request body exactly for POST")
            for (mediaType, content) in bodies {
                problems += mediaTypeProblems(content, spec, at: "\(here) request \(mediaType)")
            }
            let responses = operation["responses"]?.members ?? [:]
            #expect(responses["200"] != nil, "\(here): no 200")
            for (status, response) in responses {
                #expect(
                    JSONSchemaValidator.matches(status, "^[1-5][0-9]{2}$"),
                    "\(here): status \(status) (unquoted in YAML?)"
                )
                let resolved = spec.resolved(response)
                #expect(resolved["description"]?.string?.isEmpty == false, "\(here) \(status): no description")
                let contents = resolved["content"]?.members ?? [:]
                #expect(!contents.isEmpty, "\(here) \(status): no content")
                for (mediaType, content) in contents {
                    problems += mediaTypeProblems(content, spec, at: "\(here) \(status) \(mediaType)")
                }
                if status.first != "2" {
                    #expect(contents.keys.sorted() == ["application/json"], "\(here) \(status): errors are JSON")
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count && !operationIDs.contains(""), "\(operationIDs)")
        #expect(problems == [])

        // Appending: the role of each event type, for all 16 of them.
        let types = Set(document["components"]?["schemas"]?["EventType"]?["enum"]?.elements?.compactMap(\.string) ?? [])
        #expect(types == Set(Self.eventOfEachType.keys))
        let append = try #require(spec.operation("POST", "/v1/events"))
        let byType = try #require(append["x-required-role-by-event-type"]?.members)
        #expect(Set(byType.keys) == types)
        for (type, role) in byType {
            #expect(["sales", "feeder", "finance"].contains(role.string ?? ""), "\(type): \(role)")
        }
    }

    private func mediaTypeProblems(_ content: JSONValue, _ spec: OpenAPISpec, at place: String) -> [String] {
        guard let schema = content["schema"] else { return ["\(place): no schema"] }
        var problems = spec.validator.schemaProblems(schema, at: place)
        if let example = content["example"] {
            problems += spec.validator.errors(example, against: schema, at: "\(place) example")
        }
        return problems
    }

    // MARK: - Answers

    /// A second batch for the first ledger: a customer with no limit, blocked, with
    /// unapplied credit (nulls and negative figures).
    static let secondCustomer = """
        {"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","trade_name":"Beta","siren":"123456789","incorporated_on":"2020-05-01","sales_rep":"rep1","policy":"block","on":"2026-01-10"}
        {"type":"payment.received","customer":"C2","payment":"P2","amount":"20.00","on":"2026-01-15"}
        {"type":"customer.blocked","customer":"C2","reason":"late","on":"2026-01-20"}
        """

    @Test func everyAnswerMatchesTheDocument() async throws {
        // A small body limit, so that 413 is cheap to provoke; an inbox, so that its status
        // and metrics are there.
        let inboxFolder = try TemporaryDirectory(prefix: "encoursd-openapi")
        let inboxConfiguration = inboxFolder.file("encours.toml")
        try "[inbox]\nfolder = \"inbox\"\n".write(toFile: inboxConfiguration, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(
            folder: inboxFolder,
            arguments: ["--config", inboxConfiguration],
            environment: ["ENCOURS_MAX_BODY_BYTES": "1000"]
        )
        let spec = try await OpenAPISpec.load(from: daemon)
        let check = OpenAPIConformance(spec: spec)
        let client = daemon.client
        func get(_ path: String, _ template: String, _ status: Int, _ code: String? = nil) async throws {
            let reply = try await client.get(path)
            check.verify(reply, "GET", template, status, code: code, request: path)
        }
        func post(_ body: String, _ status: Int, _ code: String? = nil, contentType: String = "application/x-ndjson")
            async throws
        {
            let reply = try await client.post("/v1/events", body: body, contentType: contentType)
            check.verify(reply, "POST", "/v1/events", status, code: code, request: String(body.prefix(80)))
        }

        try await get("/v1/health", "/v1/health", 200)
        try await get("/v1/status", "/v1/status", 200)
        try await get("/v1/openapi.json", "/v1/openapi.json", 200)

        // Appending, and every way it refuses.
        try await post("", 400, "empty")
        try await post(" \n\r\n", 400, "empty")
        try await post("[]", 400, "empty", contentType: "application/json")
        try await post(DaemonRoutesTests.ledger, 200)
        try await post(Self.secondCustomer, 200)
        try await post(DaemonRoutesTests.ledger, 200)
        let array = "[" + DaemonRoutesTests.ledger.split(separator: "\n").joined(separator: ",") + "]"
        try await post(array, 200, contentType: "application/json")
        try await post(array, 200, contentType: "application/x-www-form-urlencoded")
        try await post(DaemonRoutesTests.ledger, 200, contentType: "application/json; charset=utf-8")
        try await post(
            """
            {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-02"}
            {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"12,50","on":"2026-01-05"}
            {"type":"no.such_type","on":"2026-01-05"}
            not json
            """,
            400,
            "invalid_events"
        )
        try await post("[]x", 400, "invalid_events", contentType: "application/json")
        try await post("[1]", 400, "invalid_events", contentType: "application/json")
        try await post(
            #"{"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"999.00","on":"2026-01-05"}"#,
            409,
            "conflict"
        )
        try await post(
            """
            {"type":"invoice.issued","customer":"C1","invoice":"F9","amount":"10.00","on":"2026-02-20"}
            {"type":"invoice.issued","customer":"C1","invoice":"F9","amount":"11.00","on":"2026-02-20"}
            """,
            409,
            "conflict"
        )
        try await post(
            #"{"type":"payment.received","customer":"C9","payment":"P9","amount":"10.00","on":"2026-01-06"}"#,
            422,
            "rejected"
        )
        try await post(DaemonRoutesTests.ledger, 415, "unsupported_media_type", contentType: "text/xml")
        let note =
            #"{"type":"note.logged","customer":"C1","text":"a long call about the disputed delivery","on":"2026-02-13"}"#
        let tooLarge = try await client.post(
            "/v1/events",
            body: Array(repeating: note, count: 20).joined(separator: "\n")
        )
        check.verify(tooLarge, "POST", "/v1/events", 413, code: "too_large", request: "a body over the limit")
        try await get("/v1/status", "/v1/status", 200)

        // The reports, in every format, and every way they refuse.
        for report in ["ageing", "exposure", "dso", "penalties"] {
            let template = "/v1/\(report)"
            for query in [
                "", "?as_of=2026-02-28", "?as_of=2026-01-12", "?as_of=2025-12-31", "?customer=C1&as_of=2026-02-28",
                "?customer=C2", "?known_at=4&as_of=2026-02-28", "?known_at=0", "?format=json",
            ] {
                try await get(template + query, template, 200)
            }
            try await get(template + "?format=csv", template, 200)
            try await get(template + "?format=table&as_of=2026-02-28", template, 200)
            for query in [
                "?as_of=2026-02-30", "?as_of=28/02/2026", "?as_of=", "?as_of=2026-02-28&as_of=2026-02-27",
                "?known_at=99", "?known_at=-1", "?known_at=x", "?format=xml", "?customer=",
            ] {
                try await get(template + query, template, 400, "bad_request")
            }
            try await get(template + "?customer=NOPE", template, 404, "unknown_customer")
        }
        // The bucket keys follow the bounds, in order, in every line and in the total.
        for (query, names) in [
            ("", ["not_due", "1_30", "31_60", "61_90", "over_90"]),
            ("?as_of=2026-02-28&buckets=15,45", ["not_due", "1_15", "16_45", "over_45"]),
            ("?buckets=7", ["not_due", "1_7", "over_7"]),
            (
                "?buckets=10,20,30,40,50,60,90,120&as_of=2026-06-30",
                ["not_due", "1_10", "11_20", "21_30", "31_40", "41_50", "51_60", "61_90", "91_120", "over_120"]
            ),
        ] {
            let reply = try await client.get("/v1/ageing" + query)
            check.verify(reply, "GET", "/v1/ageing", 200, request: query)
            let body = try JSONValue.parse(reply.body)
            let fixed: Set<String> = ["customer", "disputed", "unapplied", "total"]
            for line in (body["customers"]?.elements ?? []) + [body["total"] ?? .null] {
                #expect(Set(line.members?.keys.map { $0 } ?? []).subtracting(fixed) == Set(names), "\(query): \(line)")
            }
            let positions = (names + ["disputed", "unapplied", "total"]).map {
                reply.body.range(of: "\"\($0)\":").map {
                    reply.body.distance(from: reply.body.startIndex, to: $0.lowerBound)
                }
                    ?? -1
            }
            #expect(positions == positions.sorted() && !positions.contains(-1), "\(query): key order \(reply.body)")
        }
        for query in ["?buckets=60,30", "?buckets=0,30", "?buckets=x", "?buckets=30,-60"] {
            try await get("/v1/ageing" + query, "/v1/ageing", 400, "bad_request")
        }
        for query in ["?buckets=30,,60", "?buckets=,30", "?buckets=+30"] {
            try await get("/v1/ageing" + query, "/v1/ageing", 400, "bad_request")
        }
        try await get("/v1/dso?method=simple&as_of=2026-02-28", "/v1/dso", 200)
        try await get("/v1/dso?method=countback&as_of=2026-02-28", "/v1/dso", 200)
        try await get("/v1/dso?method=average", "/v1/dso", 400, "bad_request")

        // Dunning and promises: a reminder, a promise and a note give every key a value.
        try await post(
            """
            {"type":"reminder.sent","customer":"C1","level":"reminder_1","channel":"email","invoices":["F1"],"on":"2026-02-07"}
            {"type":"promise.made","customer":"C1","promise":"PR1","amount":"100.00","due_on":"2026-02-20","invoices":["F1"],"on":"2026-02-14"}
            {"type":"note.logged","customer":"C2","text":"called","on":"2026-02-15"}
            """,
            200
        )
        for (template, day) in [("/v1/dunning/worklist", "on"), ("/v1/promises", "as_of")] {
            for query in [
                "", "?\(day)=2026-02-16", "?\(day)=2026-03-10", "?\(day)=2025-12-31", "?customer=C1&\(day)=2026-03-10",
                "?known_at=4&\(day)=2026-03-10", "?format=csv&\(day)=2026-03-10", "?format=table&\(day)=2026-03-10",
            ] {
                try await get(template + query, template, 200)
            }
            for query in ["?\(day)=2026-02-30", "?\(day)=", "?format=xml", "?customer=", "?known_at=x"] {
                try await get(template + query, template, 400, "bad_request")
            }
            try await get(template + "?customer=NOPE", template, 404, "unknown_customer")
        }
        try await get("/v1/dunning/worklist?owner=sales&on=2026-02-18", "/v1/dunning/worklist", 200)
        try await get("/v1/dunning/worklist?owner=boss", "/v1/dunning/worklist", 400, "bad_request")

        // One customer, and its history.
        let detail = "/v1/customers/{id}"
        for path in ["/v1/customers/C1", "/v1/customers/C1?as_of=2026-02-28", "/v1/customers/C2?as_of=2026-02-28"] {
            try await get(path, detail, 200)
        }
        try await get("/v1/customers/C1?as_of=2026-13-01", detail, 400, "bad_request")
        try await get("/v1/customers/NOPE", detail, 404, "unknown_customer")
        try await get("/v1/customers/C1?as_of=2025-12-31", detail, 404, "not_registered")
        let history = "/v1/customers/{id}/events"
        for path in [
            "/v1/customers/C1/events", "/v1/customers/C1/events?limit=4", "/v1/customers/C1/events?after=4&limit=4",
            "/v1/customers/C1/events?after=999",
            "/v1/customers/C2/events?limit=1000",
        ] {
            try await get(path, history, 200)
        }
        for query in ["?limit=x", "?limit=1001", "?after=-1", "?limit=", "?limit=0"] {
            try await get("/v1/customers/C1/events" + query, history, 400, "bad_request")
        }
        try await get("/v1/customers/NOPE/events", history, 404, "unknown_customer")

        // Statements of account and risk files, in every format, and every way they refuse.
        for (template, formats) in [
            ("/v1/customers/{id}/statement", ["json", "csv", "text", "html"]),
            ("/v1/customers/{id}/risk", ["json", "csv", "table"]),
        ] {
            for customer in ["C1", "C2"] {
                let path = template.replacingOccurrences(of: "{id}", with: customer)
                for query in ["", "?as_of=2026-02-28", "?known_at=7&as_of=2026-02-28"] + formats.map({ "?format=\($0)" }) {
                    try await get(path + query, template, 200)
                }
                for query in ["?as_of=2026-02-30", "?as_of=", "?format=xml", "?known_at=x"] {
                    try await get(path + query, template, 400, "bad_request")
                }
            }
            let unknown = template.replacingOccurrences(of: "{id}", with: "NOPE")
            try await get(unknown, template, 404, "unknown_customer")
            let early = template.replacingOccurrences(of: "{id}", with: "C1") + "?as_of=2025-12-31"
            try await get(early, template, 404, "not_registered")
        }
        for query in [
            "", "?as_of=2026-02-28", "?flagged=true", "?flagged=false&as_of=2026-02-28", "?customer=C2",
            "?known_at=4", "?format=csv", "?format=table&flagged=true",
        ] {
            try await get("/v1/risk" + query, "/v1/risk", 200)
        }
        for query in ["?flagged=yes", "?flagged=", "?as_of=x", "?format=html"] {
            try await get("/v1/risk" + query, "/v1/risk", 400, "bad_request")
        }
        try await get("/v1/risk?customer=NOPE", "/v1/risk", 404, "unknown_customer")

        // Scorecards, incident histories and search, in every format, and every way they refuse.
        try await post(#"{"type":"customer.updated","customer":"C1","sales_rep":"R1","on":"2026-01-03"}"#, 200)
        for query in ["", "?to=2026-02-28", "?from=2026-01-01&to=2026-02-28", "?format=csv", "?format=table"] {
            try await get("/v1/scorecards" + query, "/v1/scorecards", 200)
            try await get("/v1/sales-reps/R1/scorecard" + query, "/v1/sales-reps/{id}/scorecard", 200)
        }
        try await get("/v1/scorecards?known_at=4", "/v1/scorecards", 200)
        for query in ["?from=2026-03-01&to=2026-02-01", "?to=2026-02-30", "?from=", "?format=xml", "?known_at=x"] {
            try await get("/v1/scorecards" + query, "/v1/scorecards", 400, "bad_request")
            try await get("/v1/sales-reps/R1/scorecard" + query, "/v1/sales-reps/{id}/scorecard", 400, "bad_request")
        }
        try await get("/v1/sales-reps/R9/scorecard", "/v1/sales-reps/{id}/scorecard", 404, "unknown_sales_rep")
        let incidents = "/v1/customers/{id}/incidents"
        for path in [
            "/v1/customers/C1/incidents", "/v1/customers/C1/incidents?as_of=2026-02-28",
            "/v1/customers/C2/incidents?format=csv", "/v1/customers/C1/incidents?format=table",
        ] {
            try await get(path, incidents, 200)
        }
        for query in ["?as_of=2026-02-30", "?as_of=", "?format=xml"] {
            try await get("/v1/customers/C1/incidents" + query, incidents, 400, "bad_request")
        }
        try await get("/v1/customers/NOPE/incidents", incidents, 404, "unknown_customer")
        try await get("/v1/customers/C1/incidents?as_of=2025-12-31", incidents, 404, "not_registered")
        for query in ["?q=damaged", "?q=alpha", "?q=called&customer=C2", "?q=nothing+here", "?q=damaged&format=csv",
            "?q=damaged&format=table&limit=1"]
        {
            try await get("/v1/search" + query, "/v1/search", 200)
        }
        for query in ["", "?q=", "?q=+++", "?q=a&limit=0", "?q=a&limit=501", "?q=a&format=xml"] {
            try await get("/v1/search" + query, "/v1/search", 400, "bad_request")
        }

        try await checkOrderAnswers(client, check)

        // Metrics: text, every family in it named in the document, and every name it gives there.
        let metrics = try await client.get("/metrics")
        check.verify(metrics, "GET", "/metrics", 200, request: "/metrics")
        let described = spec.operation("GET", "/metrics")?["description"]?.string ?? ""
        let labels: Set<String> = ["http_route", "http_request_method", "http_response_status_code"]
        let documentedNames = Set(Self.backticked(described).filter { $0.contains("_") }).subtracting(labels)
        let families = Set(
            metrics.body.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map {
                String($0.split(separator: " ")[2])
            }
        )
        #expect(!families.isEmpty)
        #expect(
            families.subtracting(documentedNames).isEmpty,
            "undocumented metrics: \(families.subtracting(documentedNames))"
        )
        #expect(
            documentedNames.subtracting(families).isEmpty,
            "documented, not served: \(documentedNames.subtracting(families))"
        )
        for label in labels.sorted() {
            #expect(metrics.body.contains("\(label)=\""), "label \(label)")
        }
        await daemon.stop()

        // A client without a role: 403 everywhere but health and this document.
        let folder = try TemporaryDirectory(prefix: "encoursd-openapi")
        let configuration = folder.file("encours.toml")
        try "[roles]\ndaemon_user = \"none\"\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        let locked = try await RunningDaemon(folder: folder, arguments: ["--config", configuration])
        for route in Self.routes.sorted() {
            let path = route.path.replacingOccurrences(of: "{id}", with: "C1")
            let reply =
                route.method == "POST"
                ? try await locked.client.post(path, body: DaemonRoutesTests.ledger) : try await locked.client.get(path)
            if route.role == "none" {
                check.verify(reply, route.method, route.path, 200, request: path)
            } else {
                check.verify(reply, route.method, route.path, 403, code: "forbidden", request: path)
            }
        }
        await locked.stop()

        // Every documented answer was seen, but the server failures no request can cause.
        let unreachable = spec.documentedAnswers.filter { $0.hasSuffix(" 500") || $0.hasSuffix(" 503") }
        let missing = spec.documentedAnswers.subtracting(unreachable).subtracting(check.seen)
        #expect(missing.isEmpty, "documented, never seen: \(missing.sorted())")
        #expect(check.checkedBodies > 100)
    }

    /// Order decisions, placed orders and limit histories, good and bad, on the ledger of
    /// `everyAnswerMatchesTheDocument` (C1 owes overdue invoices, C2 is blocked without a
    /// limit), with C3 added: its usual orders and a lowered limit.
    func checkOrderAnswers(_ client: SocketClient, _ check: OpenAPIConformance) async throws {
        func post(
            _ path: String,
            _ template: String,
            _ body: String,
            _ status: Int,
            _ code: String? = nil,
            contentType: String = "application/json"
        ) async throws {
            let reply = try await client.post(path, body: body, contentType: contentType)
            check.verify(reply, "POST", template, status, code: code, request: "\(path) \(body.prefix(70))")
        }
        func get(_ path: String, _ status: Int, _ code: String? = nil) async throws {
            let reply = try await client.get(path)
            check.verify(reply, "GET", "/v1/customers/{id}/limits", status, code: code, request: path)
        }
        let third = """
            {"type":"customer.registered","customer":"C3","legal_name":"Gamma SA","credit_limit":"5000.00","on":"2026-01-02"}
            {"type":"order.placed","customer":"C3","order":"O31","amount":"100.00","on":"2026-01-05"}
            {"type":"order.placed","customer":"C3","order":"O32","amount":"100.00","on":"2026-01-06"}
            {"type":"order.placed","customer":"C3","order":"O33","amount":"100.00","on":"2026-01-07"}
            {"type":"credit_limit.set","customer":"C3","limit":"4000.00","until":"2026-12-31","reason":"review","on":"2026-02-01"}
            """
        #expect(try await client.post("/v1/events", body: third).status == 200)

        let decide = "/v1/orders/check"
        for body in [
            #"{"customer":"C1","amount":"100.00","on":"2026-02-28"}"#,
            #"{"customer":"C1","amount":5000,"on":"2026-02-28"}"#,
            #"{"customer":"C2","amount":"1.00","on":"2026-02-28"}"#,
            #"{"customer":"C1","amount":"1.00","on":"2026-01-02"}"#,
            #"{"customer":"C3","amount":"300.01","on":"2026-02-28"}"#,
            #"{"customer":"C3","amount":"4000.00"}"#,
        ] {
            try await post(decide, decide, body, 200)
        }
        for format in ["csv", "table"] {
            try await post(decide + "?format=\(format)", decide, #"{"customer":"C1","amount":"100.00"}"#, 200)
        }
        for body in [
            #"{"customer":"C1","amount":"12,50"}"#, #"{"customer":"C1","amount":"0"}"#, #"{"amount":"1.00"}"#,
            "not json", "[]", #"{"customer":"C1","amount":"1.00","on":"2026-02-30"}"#,
        ] {
            try await post(decide, decide, body, 400, "bad_request")
        }
        try await post(decide + "?format=xml", decide, #"{"customer":"C1","amount":"1.00"}"#, 400, "bad_request")
        try await post(decide, decide, #"{"customer":"NOPE","amount":"1.00"}"#, 404, "unknown_customer")
        try await post(decide, decide, #"{"customer":"C1","amount":"1.00","on":"2025-12-31"}"#, 404, "not_registered")
        let huge = #"{"customer":"C1","amount":"1.00","note":""# + String(repeating: "x", count: 70_000) + #""}"#
        try await post(decide, decide, huge, 413, "too_large")
        try await post(decide, decide, "<order/>", 415, "unsupported_media_type", contentType: "text/xml")

        let place = "/v1/orders"
        let placed = #"{"customer":"C1","order":"OP1","amount":"10.00","on":"2031-01-05"}"#
        try await post(place, place, placed, 200)
        try await post(place, place, placed, 200)
        try await post(place, place, #"{"customer":"C1","order":"OP2","amount":"10.00","on":"2026-02-20"}"#, 200)
        try await post(place, place, #"{"customer":"C2","order":"OP3","amount":"10.00","override":"agreed"}"#, 200)
        let blocked = #"{"customer":"C2","order":"OP4","amount":"10.00","on":"2031-01-05"}"#
        try await post(place, place, blocked, 409, "order_refused")
        let changed = #"{"customer":"C1","order":"OP1","amount":"99.00","on":"2031-01-05"}"#
        try await post(place, place, changed, 409, "conflict")
        try await post(place, place, #"{"customer":"C9","order":"OP5","amount":"10.00"}"#, 422, "rejected")
        try await post(place, place, #"{"customer":"C1","amount":"10.00"}"#, 400, "bad_request")
        try await post(place, place, huge, 413, "too_large")
        try await post(place, place, "<order/>", 415, "unsupported_media_type", contentType: "text/xml")
        let refused = #"{"type":"order.placed","customer":"C2","order":"OP6","amount":"1.00","on":"2031-01-05"}"#
        try await post("/v1/events", "/v1/events", refused, 409, "order_refused", contentType: "application/x-ndjson")

        for path in [
            "/v1/customers/C1/limits", "/v1/customers/C2/limits?as_of=2026-02-28", "/v1/customers/C3/limits",
            "/v1/customers/C3/limits?format=csv", "/v1/customers/C3/limits?format=table&as_of=2026-02-28",
        ] {
            try await get(path, 200)
        }
        for query in ["?as_of=2026-02-30", "?as_of=", "?format=xml"] {
            try await get("/v1/customers/C1/limits" + query, 400, "bad_request")
        }
        try await get("/v1/customers/NOPE/limits", 404, "unknown_customer")
        try await get("/v1/customers/C1/limits?as_of=2025-12-31", 404, "not_registered")
    }

    /// Each event type needs the role the document gives it: below it 403, at it accepted
    /// (appended, or refused by the ledger's rules, never by the role).
    @Test(arguments: ["reader", "sales", "feeder", "finance"])
    func eachEventTypeNeedsItsDocumentedRole(role: String) async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-openapi")
        let configuration = folder.file("encours.toml")
        try "[roles]\ndaemon_user = \"\(role)\"\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", configuration])
        let spec = try await OpenAPISpec.load(from: daemon)
        let check = OpenAPIConformance(spec: spec)
        let byType = spec.operation("POST", "/v1/events")?["x-required-role-by-event-type"]?.members ?? [:]
        #expect(byType.count == Self.eventOfEachType.count)
        let rank = try #require(Self.roles.firstIndex(of: role))
        for (type, event) in Self.eventOfEachType.sorted(by: { $0.key < $1.key }) {
            let needed = try #require(byType[type]?.string.flatMap { Self.roles.firstIndex(of: $0) }, "\(type)")
            let reply = try await daemon.client.post("/v1/events", body: event)
            if needed > rank {
                check.verify(reply, "POST", "/v1/events", 403, code: "forbidden", request: type)
            } else {
                #expect([200, 422].contains(reply.status), "\(role) appending \(type): \(reply)")
                check.verify(reply, "POST", "/v1/events", reply.status, request: type)
            }
        }
        // A batch needs the highest role of its events.
        let mixed = try #require(Self.eventOfEachType["note.logged"]) + "\n" + Self.eventOfEachType["customer.blocked"]!
        let reply = try await daemon.client.post("/v1/events", body: mixed)
        #expect((reply.status == 403) == (role != "finance"), "\(role): \(reply)")
        await daemon.stop()
    }

    // MARK: - Helpers

    /// The routes registered in Sources/EncoursServer, read from the source: each
    /// `router.get("…")` or `router.post("…")`, with the role of its first
    /// `context.require(.role, …)` (none: any client).
    static func routesInSource() throws -> Set<Route> {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = repository.appendingPathComponent("Sources/EncoursServer")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(
            files.contains("HTTP/EncoursAPI+Reports.swift"),
            "the sources are not where the test looks: \(folder.path)"
        )
        let registration = try NSRegularExpression(
            pattern: #"router\.(get|post|put|patch|delete|head)\(\s*"([^"]*)""#
        )
        let requirement = try NSRegularExpression(pattern: #"context\.require\(\s*\.([a-z]+)"#)
        var routes: Set<Route> = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // Routes added otherwise would escape this reading: there must be none.
            for construct in ["router.group(", "addRoutes(", "RouteCollection(", "router.on("] {
                #expect(!text.contains(construct), "\(file) uses \(construct): teach this test to read it")
            }
            let whole = NSRange(text.startIndex..<text.endIndex, in: text)
            let matches = registration.matches(in: text, range: whole)
            for (index, match) in matches.enumerated() {
                let method = String(text[Range(match.range(at: 1), in: text)!]).uppercased()
                let path = String(text[Range(match.range(at: 2), in: text)!])
                let end = index + 1 < matches.count ? matches[index + 1].range.location : whole.length
                let body = NSRange(location: match.range.location, length: end - match.range.location)
                let role = requirement.firstMatch(in: text, range: body).map {
                    String(text[Range($0.range(at: 1), in: text)!])
                }
                let template = path.split(separator: "/", omittingEmptySubsequences: false).map {
                    $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                }.joined(separator: "/")
                routes.insert(Route(method: method, path: template, role: role ?? "none"))
            }
        }
        return routes
    }

    static func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }
}

/// The served OpenAPI document, and lookups in it.
struct OpenAPISpec {
    let document: JSONValue
    let validator: JSONSchemaValidator

    static let methods = ["get", "post", "put", "patch", "delete", "head", "options"]

    static func load(from daemon: RunningDaemon) async throws -> OpenAPISpec {
        let reply = try await daemon.client.get("/v1/openapi.json")
        #expect(reply.status == 200, "\(reply)")
        #expect(reply.contentType?.hasPrefix("application/json") == true)
        let document = try JSONValue.parse(reply.body)
        return OpenAPISpec(document: document, validator: JSONSchemaValidator(document: document))
    }

    /// Every operation, with its `x-required-role`.
    var routes: Set<OpenAPIConformanceTests.Route> {
        var routes: Set<OpenAPIConformanceTests.Route> = []
        for (path, item) in document["paths"]?.members ?? [:] {
            for (method, operation) in item.members ?? [:] where Self.methods.contains(method) {
                let role = operation["x-required-role"]?.string ?? "(no x-required-role)"
                routes.insert(.init(method: method.uppercased(), path: path, role: role))
            }
        }
        return routes
    }

    func operation(_ method: String, _ path: String) -> JSONValue? {
        document["paths"]?[path]?[method.lowercased()]
    }

    /// `value`, or what its `$ref` points to.
    func resolved(_ value: JSONValue) -> JSONValue {
        guard let reference = value["$ref"]?.string, let target = validator.resolve(reference) else { return value }
        return target
    }

    /// `GET /v1/ageing 200` for every documented status of every operation.
    var documentedAnswers: Set<String> {
        var answers: Set<String> = []
        for route in routes {
            for status in (operation(route.method, route.path)?["responses"]?.members ?? [:]).keys {
                answers.insert("\(route.method) \(route.path) \(status)")
            }
        }
        return answers
    }
}

/// Checks answers against the document and remembers which were seen.
final class OpenAPIConformance {
    let spec: OpenAPISpec
    private(set) var seen: Set<String> = []
    private(set) var checkedBodies = 0

    init(spec: OpenAPISpec) {
        self.spec = spec
    }

    /// `reply` has `status` (and error `code`), and its status, content type and body are
    /// those the document gives `method` `template`. Then the body, changed in ways the
    /// schema forbids, must fail: the schema is as exact as the code.
    func verify(
        _ reply: SocketClient.Reply,
        _ method: String,
        _ template: String,
        _ status: Int,
        code: String? = nil,
        request: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let here = "\(method) \(request) → \(reply.status)"
        #expect(reply.status == status, "\(here): \(reply.body)", sourceLocation: sourceLocation)
        if let code { #expect(reply.errorCode == code, "\(here): \(reply.body)", sourceLocation: sourceLocation) }
        guard let operation = spec.operation(method, template) else {
            Issue.record("\(method) \(template) is not in the document", sourceLocation: sourceLocation)
            return
        }
        guard let response = operation["responses"]?[String(reply.status)].map(spec.resolved) else {
            Issue.record("\(here): status \(reply.status) is not documented", sourceLocation: sourceLocation)
            return
        }
        seen.insert("\(method) \(template) \(reply.status)")
        let mediaType =
            reply.contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            ?? "(none)"
        guard let content = response["content"]?[mediaType] else {
            Issue.record("\(here): content type \(mediaType) is not documented", sourceLocation: sourceLocation)
            return
        }
        guard mediaType == "application/json" else { return }
        guard let schema = content["schema"] else {
            Issue.record("\(here): no schema", sourceLocation: sourceLocation)
            return
        }
        let body: JSONValue
        do {
            body = try JSONValue.parse(reply.body)
        } catch {
            Issue.record("\(here): \(error)", sourceLocation: sourceLocation)
            return
        }
        checkedBodies += 1
        let errors = spec.validator.errors(body, against: schema)
        #expect(errors == [], "\(here): \(reply.body)", sourceLocation: sourceLocation)
        guard errors.isEmpty, template != "/v1/openapi.json", var members = body.members else { return }

        // As exact as the code: the body with an unexpected or a missing property at any
        // depth, an amount or date malformed, or an unknown error code must fail.
        var mutants = Self.mutants(of: body, at: "$")
        if var error = members["error"]?.members {
            error["code"] = .string("not_a_code")
            members["error"] = .object(error)
            mutants.append(("an unknown error code", .object(members)))
        }
        for (change, mutant) in mutants where spec.validator.errors(mutant, against: schema).isEmpty {
            Issue.record("\(here): the schema accepts the body with \(change)", sourceLocation: sourceLocation)
        }
    }

    /// Members left as they are: an event's payload is kept as it was received, and a
    /// conflict's differences hold whatever the field holds (an amount, a day, an id).
    static let openMembers: Set<String> = ["event", "recorded", "new"]

    /// `value` changed in one place each: every object (the first element of each array)
    /// with one property more or one less, every amount and date leaf malformed.
    static func mutants(of value: JSONValue, at path: String) -> [(String, JSONValue)] {
        switch value {
        case .object(let members):
            var result: [(String, JSONValue)] = []
            var extra = members
            extra["unexpected_property"] = .integer(1)
            result.append(("an extra property at \(path)", .object(extra)))
            for key in members.keys.sorted() {
                // Ageing bucket keys follow the bounds, so the schema matches them by pattern;
                // `everyAnswerMatchesTheDocument` checks them against the bounds asked.
                if !JSONSchemaValidator.matches(key, "^([0-9]+_[0-9]+|over_[0-9]+)$") {
                    var fewer = members
                    fewer[key] = nil
                    result.append(("no \(key) at \(path)", .object(fewer)))
                }
                guard !openMembers.contains(key), let member = members[key] else { continue }
                for (change, mutant) in mutants(of: member, at: "\(path).\(key)") {
                    var changed = members
                    changed[key] = mutant
                    result.append((change, .object(changed)))
                }
            }
            return result
        case .array(let elements):
            guard let first = elements.first else { return [] }
            return mutants(of: first, at: "\(path)[0]").map { ($0, .array([$1] + elements.dropFirst())) }
        case .string(let text) where JSONSchemaValidator.matches(text, #"^-?[0-9]+\.[0-9]{2}$"#):
            return [("the amount \(path) with one decimal", .string(String(text.dropLast())))]
        case .string(let text) where JSONSchemaValidator.matches(text, "^[0-9]{4}-[0-9]{2}-[0-9]{2}"):
            return [("the date \(path) without dashes", .string(text.replacingOccurrences(of: "-", with: "")))]
        default:
            return []
        }
    }
}
