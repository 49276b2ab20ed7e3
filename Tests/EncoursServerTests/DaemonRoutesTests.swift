import EncoursTestSupport
import Foundation
import Testing

/// Every route of the socket API, on a real daemon, with hand-computed figures.
@Suite("encoursd routes")
struct DaemonRoutesTests {
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","terms_days":30,"credit_limit":"1000.00","on":"2026-01-02"}
        {"type":"order.placed","customer":"C1","order":"O1","amount":"500.00","on":"2026-01-03"}
        {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"300.00","order":"O1","on":"2026-01-05"}
        {"type":"invoice.issued","customer":"C1","invoice":"F2","amount":"200.00","on":"2026-02-01"}
        {"type":"payment.received","customer":"C1","payment":"P1","amount":"100.00","allocations":[{"invoice":"F1","amount":"100.00"}],"on":"2026-02-10"}
        {"type":"dispute.opened","invoice":"F2","dispute":"D1","amount":"50.00","reason":"damaged","on":"2026-02-12"}
        """

    @Test func appendThenQueryEveryReport() async throws {
        let daemon = try await RunningDaemon()
        let appended = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(appended.status == 200, "\(appended)")
        #expect(appended.object["appended"] as? Int == 6)
        #expect(appended.object["duplicates"] as? Int == 0)
        let results = appended.object["events"] as? [[String: Any]] ?? []
        #expect(results.map { $0["seq"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(results.allSatisfy { $0["result"] as? String == "appended" })

        // As of 2026-02-28: F1 open 200 (due 02-04, 24 days late), F2 open 200 (due 03-03, not due),
        // order book 500 − 300 = 200; exposure 200 + 400 = 600 against 1000: headroom 400, ok.
        let exposure = try await daemon.client.get("/v1/exposure?as_of=2026-02-28")
        #expect(
            exposure.body
                == """
                {"as_of":"2026-02-28","customers":[{"customer":"C1","order_book":"200.00","receivables":"400.00","exposure":"600.00","limit":"1000.00","headroom":"400.00","status":"ok"}]}

                """
        )
        let ageing = try await daemon.client.get("/v1/ageing?as_of=2026-02-28")
        #expect(
            ageing.body
                == """
                {"as_of":"2026-02-28","currency":"EUR","customers":[{"customer":"C1","not_due":"200.00","1_30":"200.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"50.00","unapplied":"0.00","total":"400.00"}],"total":{"not_due":"200.00","1_30":"200.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"50.00","unapplied":"0.00","total":"400.00"}}

                """
        )
        // Simple DSO: receivables 400 over sales of the 90 days to 02-28 (500) × 90 = 72.0.
        let dso = try await daemon.client.get("/v1/dso?as_of=2026-02-28&method=simple")
        #expect(
            dso.body
                == "{\"as_of\":\"2026-02-28\",\"method\":\"simple\",\"dso\":72.0,\"customers\":[{\"customer\":\"C1\",\"dso\":72.0}]}\n"
        )
        #expect(dso.contentType?.hasPrefix("application/json") == true)
    }

    @Test func knownAtAnswersAsTheLedgerStoodThen() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        // After seq 4 the payment (seq 5) was not known: F1 still open 300, receivables 500.
        let past = try await daemon.client.get("/v1/exposure?as_of=2026-02-28&known_at=4")
        let line = (past.object["customers"] as? [[String: Any]])?.first
        #expect(line?["receivables"] as? String == "500.00", "\(past)")
        let now = try await daemon.client.get("/v1/exposure?as_of=2026-02-28")
        #expect((now.object["customers"] as? [[String: Any]])?.first?["receivables"] as? String == "400.00")
        let beyond = try await daemon.client.get("/v1/exposure?known_at=99")
        #expect(beyond.status == 400)
        #expect(beyond.errorMessage?.contains("known_at") == true)
    }

    @Test func customerProfileAndHistory() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        let detail = try await daemon.client.get("/v1/customers/C1?as_of=2026-02-28")
        #expect(detail.status == 200, "\(detail)")
        let invoices = detail.object["open_invoices"] as? [[String: Any]] ?? []
        #expect(invoices.map { $0["invoice"] as? String } == ["F1", "F2"])
        #expect(invoices.map { $0["days_past_due"] as? Int } == [24, -3])
        #expect(invoices.map { $0["disputed"] as? String } == ["0.00", "50.00"])
        #expect(invoices.map { $0["open"] as? String } == ["200.00", "200.00"])
        let orders = detail.object["open_orders"] as? [[String: Any]] ?? []
        #expect(orders.first?["open_book"] as? String == "200.00")
        #expect((detail.object["profile"] as? [String: Any])?["legal_name"] as? String == "Alpha SAS")

        let firstPage = try await daemon.client.get("/v1/customers/C1/events?limit=4")
        let events = firstPage.object["events"] as? [[String: Any]] ?? []
        #expect(events.map { $0["seq"] as? Int } == [1, 2, 3, 4])
        #expect(firstPage.object["next_after"] as? Int == 4)
        #expect((events.first?["event"] as? [String: Any])?["legal_name"] as? String == "Alpha SAS")
        #expect(events.first?["actor"] as? String == NSUserName())
        let secondPage = try await daemon.client.get("/v1/customers/C1/events?after=4&limit=4")
        #expect((secondPage.object["events"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [5, 6])
        #expect(secondPage.object["next_after"] is NSNull)

        let unknown = try await daemon.client.get("/v1/customers/NOPE")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "unknown_customer")
    }

    @Test func healthStatusMetricsAndOpenAPI() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body == "{\"status\":\"ready\",\"last_seq\":6}\n")
        let status = try await daemon.client.get("/v1/status")
        #expect(status.object["events"] as? Int == 6)
        #expect(status.object["customers"] as? Int == 1)
        #expect(status.object["last_seq"] as? Int == 6)
        #expect(status.object["last_append_at"] is String)
        #expect((status.object["database_bytes"] as? Int ?? 0) > 0)
        let metrics = try await daemon.client.get("/metrics")
        #expect(metrics.body.contains("encours_events_appended_total 6"))
        #expect(metrics.body.contains("encours_last_sequence 6"))
        #expect(metrics.body.contains("http_route=\"/v1/events\""))
        let openapi = try await daemon.client.get("/v1/openapi.json")
        #expect(openapi.object["openapi"] as? String == "3.1.0")
    }

    @Test func duplicatesAreReportedAndConflictsAppendNothing() async throws {
        let daemon = try await RunningDaemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        let again = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(again.object["appended"] as? Int == 0)
        #expect(again.object["duplicates"] as? Int == 6)
        let conflicting = """
            {"type":"invoice.issued","customer":"C1","invoice":"F3","amount":"10.00","on":"2026-02-20"}
            {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"999.00","on":"2026-01-05"}
            """
        let conflict = try await daemon.client.post("/v1/events", body: conflicting)
        #expect(conflict.status == 409, "\(conflict)")
        #expect(conflict.errorCode == "conflict")
        let details = (conflict.object["error"] as? [String: Any])?["details"] as? [[String: Any]]
        #expect(details?.first?["line"] as? Int == 2)
        #expect(details?.first?["recorded_seq"] as? Int == 3)
        // Each changed field, in the contract's spelling: the amount, and the order left out.
        let differences = details?.first?["differences"] as? [[String: Any]]
        #expect(differences?.map { $0["field"] as? String } == ["amount", "order"])
        #expect(differences?.first?["recorded"] as? String == "300.00")
        #expect(differences?.first?["new"] as? String == "999.00")
        #expect(differences?.last?["recorded"] as? String == "O1")
        #expect(differences?.last?["new"] is NSNull)
        #expect((details?.first?["message"] as? String)?.hasSuffix("amount: recorded 300.00, new 999.00; order: recorded O1, new (absent)") == true)
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":6"))
    }

    @Test func badEventsNameLineAndFieldAndAppendNothing() async throws {
        let daemon = try await RunningDaemon()
        let body = """
            {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-02"}
            {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"12,50","on":"2026-01-05"}
            {"type":"payment.received","customer":"C9","payment":"P1","amount":"10.00","on":"2026-01-06"}
            """
        let invalid = try await daemon.client.post("/v1/events", body: body)
        #expect(invalid.status == 400)
        #expect(invalid.errorCode == "invalid_events")
        let details = (invalid.object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
        #expect(details.first?["line"] as? Int == 2)
        #expect(details.first?["field"] as? String == "amount")

        let unknownCustomer = """
            {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-02"}
            {"type":"payment.received","customer":"C9","payment":"P1","amount":"10.00","on":"2026-01-06"}
            """
        let rejected = try await daemon.client.post("/v1/events", body: unknownCustomer)
        #expect(rejected.status == 422, "\(rejected)")
        #expect(rejected.errorCode == "rejected")
        let items = (rejected.object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
        #expect(items.first?["line"] as? Int == 2)
        #expect(items.first?["code"] as? String == "customer_not_registered")
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":0"))
    }

    @Test func aJSONArrayBodyIsAcceptedLikeNDJSON() async throws {
        let daemon = try await RunningDaemon()
        let array = "[" + Self.ledger.split(separator: "\n").joined(separator: ",") + "]"
        let appended = try await daemon.client.post("/v1/events", body: array, contentType: "application/json")
        #expect(appended.status == 200, "\(appended)")
        #expect(appended.object["appended"] as? Int == 6)
    }

    @Test func badQueryParametersAreNamed() async throws {
        let daemon = try await RunningDaemon()
        for (path, field) in [
            ("/v1/exposure?as_of=2026-02-30", "as_of"), ("/v1/dso?method=average", "method"),
            ("/v1/ageing?buckets=60,30", "buckets"), ("/v1/customers/C1/events?limit=x", "limit"),
        ] {
            let reply = try await daemon.client.get(path)
            #expect(reply.status == 400, "\(path): \(reply)")
            #expect(reply.errorMessage?.contains("\"\(field)\"") == true, "\(path): \(reply)")
        }
        let unknownRoute = try await daemon.client.get("/v1/nothing-here")
        #expect(unknownRoute.status == 404)
        #expect(unknownRoute.errorCode == "not_found")
    }
}
