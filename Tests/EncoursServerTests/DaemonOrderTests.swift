import EncoursTestSupport
import Foundation
import Testing

/// Order decisions on a real daemon: the check, orders refused on their way in, finance's
/// override, the roles, and the history of limit decisions. Dated 2031, so that every order
/// is dated after the daemon's today and is decided.
extension SocketClient {
    /// A POST with a JSON body, as the order routes take.
    func postJSON(_ path: String, _ body: String) async throws -> Reply {
        try await post(path, body: body, contentType: "application/json")
    }
}

@Suite("encoursd order decisions")
struct DaemonOrderTests {
    /// C1: limit 1000.00 under the block policy, F1 600.00 due 2031-05-01 (overdue from then).
    /// C2: limit 1000.00 under the alert policy, nothing owed.
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","credit_limit":"1000.00","policy":"block","on":"2031-01-02"}
        {"type":"invoice.issued","customer":"C1","invoice":"F1","amount":"600.00","on":"2031-04-01","due_on":"2031-05-01"}
        {"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","credit_limit":"1000.00","on":"2031-01-02"}
        """

    static func check(_ customer: String, _ amount: String, on: String = "2031-06-30") -> String {
        #"{"customer":"\#(customer)","amount":"\#(amount)","on":"\#(on)"}"#
    }

    static func order(_ id: String, _ customer: String, _ amount: String, override: String? = nil) -> String {
        let extra = override.map { #","override":"\#($0)""# } ?? ""
        return
            #"{"type":"order.placed","customer":"\#(customer)","order":"\#(id)","amount":"\#(amount)","on":"2031-06-30"\#(extra)}"#
    }

    static func daemon(role: String? = nil) async throws -> RunningDaemon {
        guard let role else { return try await RunningDaemon() }
        let folder = try TemporaryDirectory(prefix: "encoursd-orders")
        let configuration = folder.file("encours.toml")
        try "[roles]\ndaemon_user = \"\(role)\"\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        return try await RunningDaemon(folder: folder, arguments: ["--config", configuration])
    }

    @Test func theCheckGivesTheDecisionItsCausesAndWaysOut() async throws {
        let daemon = try await Self.daemon()
        #expect(try await daemon.client.post("/v1/events", body: Self.ledger).status == 200)
        // 600 + 500 = 1100 over 1000 under block: refused; F1 60 days late.
        let reply = try await daemon.client.post(
            "/v1/orders/check",
            body: Self.check("C1", "500.00"),
            contentType: "application/json"
        )
        #expect(reply.status == 200, "\(reply)")
        #expect(
            reply.body
                == #"{"customer":"C1","on":"2031-06-30","amount":"500.00","decision":"refuse","policy":"block","exposure_before":"600.00","exposure_after":"1100.00","limit":"1000.00","headroom_before":"400.00","headroom_after":"-100.00","causes":[{"cause":"over_limit","amount":"100.00"},{"cause":"overdue_invoices","amount":"600.00","count":1,"oldest_days_late":60}],"ways_out":[{"way":"deposit","amount":"100.00","sufficient":true},{"way":"pay_overdue","amount":"600.00","invoices":[{"invoice":"F1","due_on":"2031-05-01","open":"600.00"}],"shortfall":"0.00"},{"way":"payment_plan","amount":"600.00","instalments":[{"due_on":"2031-07-07","amount":"200.00"},{"due_on":"2031-08-06","amount":"200.00"},{"due_on":"2031-09-05","amount":"200.00"}]},{"way":"shorter_terms","amount":"500.00","terms_days":0,"customer_terms_days":30},{"way":"temporary_limit","amount":"100.00","limit":"1100.00","until":"2031-08-29"}]}"#
                + "\n"
        )
        let table = try await daemon.client.postJSON("/v1/orders/check?format=table", Self.check("C2", "10.00"))
        #expect(table.status == 200)
        #expect(table.body.hasPrefix("figure "), "\(table)")
        #expect(table.body.contains("decision          accept  policy alert\n"), "\(table)")

        let unknown = try await daemon.client.postJSON("/v1/orders/check", Self.check("C9", "1.00"))
        #expect(unknown.status == 404 && unknown.errorCode == "unknown_customer")
        let early = try await daemon.client.postJSON("/v1/orders/check", Self.check("C1", "1.00", on: "2030-12-31"))
        #expect(early.status == 404 && early.errorCode == "not_registered")
        let bad = try await daemon.client.postJSON("/v1/orders/check", #"{"customer":"C1","amount":"12,50"}"#)
        #expect(bad.status == 400 && bad.errorCode == "bad_request")
        #expect(bad.errorMessage == #"field "amount": "12,50" is not a decimal number"#)
        let xml = try await daemon.client.post("/v1/orders/check", body: "<a/>", contentType: "text/xml")
        #expect(xml.status == 415)
        await daemon.stop()
    }

    @Test func aRefusedOrderIsNotAppendedAndTheWholeBatchIsRefused() async throws {
        let daemon = try await Self.daemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        // O1 takes C1 to 900 (a warning: F1 is overdue); O2 would take it to 1100: refused.
        let batch = Self.order("O1", "C1", "300.00") + "\n" + Self.order("O2", "C1", "200.00")
        let refused = try await daemon.client.post("/v1/events", body: batch)
        #expect(refused.status == 409, "\(refused)")
        #expect(refused.errorCode == "order_refused")
        let details = (refused.object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
        #expect(details.count == 1)
        #expect(details.first?["line"] as? Int == 2)
        #expect(details.first?["order"] as? String == "O2")
        let decision = details.first?["decision"] as? [String: Any]
        #expect(decision?["decision"] as? String == "refuse")
        #expect(decision?["exposure_before"] as? String == "900.00")
        #expect(
            refused.errorMessage?.contains("order \"O2\" of customer \"C1\" (over_limit, overdue_invoices)") == true
        )
        let health = try await daemon.client.get("/v1/health")
        #expect(health.body.contains("\"last_seq\":3"), "\(health)")

        // Alone, O1 passes with its warning, and an order dated before today is history.
        let one = try await daemon.client.post("/v1/events", body: Self.order("O1", "C1", "300.00"))
        #expect(one.status == 200, "\(one)")
        // History from the invoicing export: dated before today, recorded as it was decided then.
        let history = """
            {"type":"customer.registered","customer":"C3","legal_name":"Gamma SA","credit_limit":"0","policy":"block","on":"2026-01-02"}
            {"type":"order.placed","customer":"C3","order":"O0","amount":"5000.00","on":"2026-01-03"}
            """
        let past = try await daemon.client.post("/v1/events", body: history)
        #expect(past.status == 200, "\(past)")
        let convenience = try await daemon.client.post(
            "/v1/orders",
            body: #"{"customer":"C1","order":"O3","amount":"200.00","on":"2031-06-30"}"#,
            contentType: "application/json"
        )
        #expect(convenience.status == 409 && convenience.errorCode == "order_refused", "\(convenience)")
        #expect(try await daemon.client.get("/v1/health").body.contains("\"last_seq\":6"))
        await daemon.stop()
    }

    @Test func financeOverridesARefusalAndTheReasonIsRecorded() async throws {
        let daemon = try await Self.daemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        let placed = try await daemon.client.post(
            "/v1/orders",
            body: #"{"customer":"C1","order":"O9","amount":"500.00","on":"2031-06-30","override":"director agreed"}"#,
            contentType: "application/json"
        )
        #expect(placed.status == 200, "\(placed)")
        #expect(placed.object["order"] as? String == "O9")
        #expect(placed.object["result"] as? String == "appended")
        #expect(placed.object["seq"] as? Int == 4)
        #expect(placed.object["override"] as? String == "director agreed")
        #expect((placed.object["decision"] as? [String: Any])?["decision"] as? String == "refuse")

        let history = try await daemon.client.get("/v1/customers/C1/events?after=3")
        let event = (history.object["events"] as? [[String: Any]])?.first
        #expect(event?["actor"] as? String == NSUserName())
        #expect((event?["event"] as? [String: Any])?["override"] as? String == "director agreed")
        #expect(
            (event?["event"] as? [String: Any])?.keys.sorted() == [
                "amount", "customer", "on", "order", "override", "type",
            ]
        )
        // Sent again: a duplicate, not decided again.
        let again = try await daemon.client.post(
            "/v1/orders",
            body: #"{"customer":"C1","order":"O9","amount":"500.00","on":"2031-06-30","override":"director agreed"}"#,
            contentType: "application/json"
        )
        #expect(again.object["result"] as? String == "duplicate", "\(again)")
        #expect(again.object["decision"] is NSNull)
        // The log replays it: a restarted daemon has the order in the book.
        await daemon.stop()
        let restarted = try await RunningDaemon(folder: daemon.folder)
        let exposure = try await restarted.client.get("/v1/exposure?customer=C1&as_of=2031-06-30")
        #expect(exposure.body.contains(#""order_book":"500.00""#), "\(exposure)")
        await restarted.stop()
    }

    @Test func aSalesRepPlacesOrdersButMayNotOverride() async throws {
        let daemon = try await Self.daemon(role: "sales")
        let forbidden = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(forbidden.status == 403)
        await daemon.stop()

        // The ledger fed by a finance daemon, then served to a sales user.
        let seeded = try await Self.daemon()
        _ = try await seeded.client.post("/v1/events", body: Self.ledger)
        await seeded.stop()
        let folder = seeded.folder
        let configuration = folder.file("sales.toml")
        try "[roles]\ndaemon_user = \"sales\"\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        let sales = try await RunningDaemon(folder: folder, arguments: ["--config", configuration])
        let override = try await sales.client.post(
            "/v1/events",
            body: Self.order("O1", "C1", "500.00", override: "please")
        )
        #expect(override.status == 403, "\(override)")
        #expect(override.errorCode == "forbidden")
        #expect(override.errorMessage?.contains("order.placed with override needs the role finance") == true)
        let viaOrders = try await sales.client.post(
            "/v1/orders",
            body: #"{"customer":"C1","order":"O1","amount":"500.00","override":"please"}"#,
            contentType: "application/json"
        )
        #expect(viaOrders.status == 403 && viaOrders.errorCode == "forbidden", "\(viaOrders)")
        // Over the limit under alert: a warning, appended.
        let warned = try await sales.client.post(
            "/v1/orders",
            body: #"{"customer":"C2","order":"O2","amount":"1500.00","on":"2031-06-30"}"#,
            contentType: "application/json"
        )
        #expect(warned.status == 200, "\(warned)")
        #expect((warned.object["decision"] as? [String: Any])?["decision"] as? String == "warn")
        #expect(warned.object["override"] is NSNull)
        let check = try await sales.client.postJSON("/v1/orders/check", Self.check("C2", "1.00"))
        #expect(check.status == 200)
        await sales.stop()
    }

    @Test func aFeederMayNotChangeALimitOrAPolicy() async throws {
        let daemon = try await Self.daemon(role: "feeder")
        #expect(try await daemon.client.post("/v1/events", body: Self.ledger).status == 200)
        for (field, json) in [("credit_limit", #""credit_limit":"5000.00""#), ("policy", #""policy":"alert""#)] {
            let update = #"{"type":"customer.updated","customer":"C1",\#(json),"on":"2031-02-01"}"#
            let reply = try await daemon.client.post("/v1/events", body: update)
            #expect(reply.status == 403, "\(field): \(reply)")
            #expect(reply.errorMessage?.contains("customer.updated with \(field) needs the role finance") == true)
        }
        let tradeName = #"{"type":"customer.updated","customer":"C1","trade_name":"Alpha","on":"2031-02-01"}"#
        #expect(try await daemon.client.post("/v1/events", body: tradeName).status == 200)
        await daemon.stop()
    }

    @Test func theLimitHistorySaysWhoDecidedWhatAndWhy() async throws {
        let daemon = try await Self.daemon()
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        let decisions = """
            {"type":"credit_limit.set","customer":"C1","limit":"2000.00","until":"2031-07-31","reason":"season","on":"2031-06-01"}
            {"type":"customer.blocked","customer":"C1","reason":"cheques returned","on":"2031-06-10"}
            {"type":"customer.updated","customer":"C1","policy":"alert","on":"2031-06-12"}
            """
        #expect(try await daemon.client.post("/v1/events", body: decisions).status == 200)
        let reply = try await daemon.client.get("/v1/customers/C1/limits?as_of=2031-06-30")
        #expect(reply.status == 200, "\(reply)")
        #expect(reply.object["limit"] as? String == "2000.00")
        #expect(reply.object["status"] as? String == "blocked")
        #expect(reply.object["policy"] as? String == "alert")
        let rows = reply.object["decisions"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["seq"] as? Int } == [1, 4, 5, 6])
        #expect(
            rows.map { $0["type"] as? String } == [
                "customer.registered", "credit_limit.set", "customer.blocked", "customer.updated",
            ]
        )
        #expect(rows.allSatisfy { $0["actor"] as? String == NSUserName() && $0["recorded_at"] is String })
        #expect(rows[1]["until"] as? String == "2031-07-31" && rows[1]["reason"] as? String == "season")
        #expect(rows[2]["reason"] as? String == "cheques returned")
        let csv = try await daemon.client.get("/v1/customers/C1/limits?as_of=2031-06-30&format=csv")
        #expect(csv.body.hasPrefix("seq,on,type,limit,until,policy,reason,actor,recorded_at\r\n1,2031-01-02,"))
        let unknown = try await daemon.client.get("/v1/customers/C9/limits")
        #expect(unknown.status == 404 && unknown.errorCode == "unknown_customer")
        let early = try await daemon.client.get("/v1/customers/C1/limits?as_of=2030-01-01")
        #expect(early.status == 404 && early.errorCode == "not_registered")
        await daemon.stop()
    }

    @Test func theOrdersSettingsShapeTheDecisionAndAreReloaded() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-orders-settings")
        let config = folder.file("encours.toml")
        try "[orders]\ninstalments = 2\nfirst_instalment_days = 0\ninstalment_interval_days = 10\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)
        func plan() async throws -> [String] {
            let reply = try await daemon.client.postJSON("/v1/orders/check", Self.check("C1", "10.00"))
            let ways = reply.object["ways_out"] as? [[String: Any]] ?? []
            let instalments = ways.first { $0["way"] as? String == "payment_plan" }?["instalments"] as? [[String: Any]]
            return (instalments ?? []).map { "\($0["due_on"] ?? "?") \($0["amount"] ?? "?")" }
        }
        // 600.00 in 2, from the order's day, every 10 days.
        #expect(try await plan() == ["2031-06-30 300.00", "2031-07-10 300.00"])
        try "[orders]\ninstalments = 4\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        var reloaded: [String] = []
        for _ in 0..<100 {
            reloaded = try await plan()
            if reloaded.count == 4 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(reloaded == ["2031-07-07 150.00", "2031-08-06 150.00", "2031-09-05 150.00", "2031-10-05 150.00"])
        await daemon.stop()
    }

    @Test(arguments: [
        ("[orders]\ninstalments = 0\n", "orders.instalments: must be a whole number from 1 to 120"),
        (
            "[orders]\nunusual_size_factor = \"3\"\n",
            "orders.unusual_size_factor: must be a whole number from 1 to 1000"
        ),
        ("[orders]\nlimit_lowered_days = -1\n", "orders.limit_lowered_days: must be a whole number from 0 to 3660"),
        ("[orders]\ninstalment = 3\n", "orders.instalment: unknown key (known in [orders]: first_instalment_days,"),
    ])
    func aBadOrdersSettingNamesItsKeyAndStopsTheStart(text: String, message: String) async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-orders-bad")
        let config = folder.file("encours.toml")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        #expect(await daemon.waitForExit() == 78)
        #expect(daemon.log.contains(message), "\(daemon.log)")
    }
}
