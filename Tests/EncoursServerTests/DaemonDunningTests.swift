import EncoursTestSupport
import Foundation
import Testing

/// `GET /v1/dunning/worklist`, `GET /v1/promises`, `encours dunning` and `encours promises` on a
/// real daemon, and the `[dunning]` configuration: used, reloaded by SIGHUP, refused with its
/// key. The ledger is the one of the core's DunningReportTests: on 02-13, C1's A (due 01-31,
/// reminder_1 done 02-03) is at reminder_2; its B (due 02-05) at reminder_1 but covered by
/// PR-1 (due 02-20); C2's X (due 02-01) at reminder_1 but disputed.
@Suite("dunning and promises over the socket")
struct DaemonDunningTests {
    static let ledger = """
        {"type":"customer.registered","customer":"C1","legal_name":"Alpha SAS","on":"2026-01-01"}
        {"type":"customer.registered","customer":"C2","legal_name":"Beta SARL","on":"2026-01-01"}
        {"type":"invoice.issued","customer":"C1","invoice":"A","amount":"1000.00","on":"2026-01-01","due_on":"2026-01-31"}
        {"type":"invoice.issued","customer":"C1","invoice":"B","amount":"400.00","on":"2026-01-10","due_on":"2026-02-05"}
        {"type":"invoice.issued","customer":"C2","invoice":"X","amount":"300.00","on":"2026-01-02","due_on":"2026-02-01"}
        {"type":"reminder.sent","customer":"C1","level":"reminder_1","channel":"email","invoices":["A"],"on":"2026-02-03"}
        {"type":"dispute.opened","invoice":"X","dispute":"D1","on":"2026-02-02"}
        {"type":"promise.made","customer":"C1","promise":"PR-1","amount":"400.00","due_on":"2026-02-20","invoices":["B"],"on":"2026-02-09"}
        """

    static let worklist =
        #"{"on":"2026-02-13","currency":"EUR","promise_grace_days":3,"actions":["#
        + #"{"customer":"C1","step":"reminder_2","channel":"phone","owner":"sales","statement":false,"penalties":false,"#
        + #""due_since":"2026-02-13","days_waiting":0,"days_late":13,"open":"1000.00","#
        + #""invoices":[{"invoice":"A","due_on":"2026-01-31","days_late":13,"open":"1000.00","due_since":"2026-02-13"}],"#
        + #""last_contact":{"on":"2026-02-09","kind":"promise","level":null,"channel":null},"#
        + #""open_promise":{"promise":"PR-1","made_on":"2026-02-09","due_on":"2026-02-20","until":"2026-02-23","#
        + #""amount":"400.00","paid":"0.00","status":"pending","kept_on":null,"broke_on":null,"invoices":["B"]}}],"#
        + #""paused":["#
        + #"{"customer":"C1","invoice":"B","due_on":"2026-02-05","days_late":8,"open":"400.00","step":"reminder_1","#
        + #""channel":"email","owner":"finance","reason":"promise","promise":"PR-1","until":"2026-02-23"},"#
        + #"{"customer":"C2","invoice":"X","due_on":"2026-02-01","days_late":12,"open":"300.00","step":"reminder_1","#
        + #""channel":"email","owner":"finance","reason":"dispute","promise":null,"until":null}]}"# + "\n"

    @Test func worklistAndPromisesAnswerAsTheCoreComputesThem() async throws {
        let daemon = try await RunningDaemon()
        let appended = try await daemon.client.post("/v1/events", body: Self.ledger)
        #expect(appended.status == 200, "\(appended)")

        let worklist = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13")
        #expect(worklist.status == 200)
        #expect(worklist.body == Self.worklist)
        let sales = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13&owner=sales")
        #expect((sales.object["actions"] as? [[String: Any]])?.map { $0["step"] as? String } == ["reminder_2"])
        #expect((sales.object["paused"] as? [[String: Any]])?.isEmpty == true)
        let one = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13&customer=C2")
        #expect((one.object["actions"] as? [[String: Any]])?.isEmpty == true)
        #expect((one.object["paused"] as? [[String: Any]])?.map { $0["invoice"] as? String } == ["X"])
        // Known after seq 5: no reminder, dispute nor promise yet. C1's A and B are at
        // reminder_1 since 02-03 and 02-08, C2's X since 02-04.
        let past = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13&known_at=5")
        let pastActions = past.object["actions"] as? [[String: Any]] ?? []
        #expect(
            pastActions.map { "\($0["customer"] ?? "") \($0["step"] ?? "")" } == ["C1 reminder_1", "C2 reminder_1"]
        )
        #expect(pastActions.first?["days_waiting"] as? Int == 10)

        let badOwner = try await daemon.client.get("/v1/dunning/worklist?owner=boss")
        #expect(badOwner.status == 400)
        #expect(badOwner.errorMessage == #"field "owner": "boss" is not sales or finance"#)
        let badDay = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-30")
        #expect(badDay.errorMessage == #"field "on": "2026-02-30" is not a date YYYY-MM-DD"#)

        // PR-1 unpaid: pending until 02-23, broken on 02-24.
        let promises = try await daemon.client.get("/v1/promises?as_of=2026-02-24")
        #expect(
            promises.body
                == #"{"as_of":"2026-02-24","currency":"EUR","promise_grace_days":3,"customers":[{"customer":"C1","#
                + #""promises":[{"promise":"PR-1","made_on":"2026-02-09","due_on":"2026-02-20","until":"2026-02-23","#
                + #""amount":"400.00","paid":"0.00","status":"broken","kept_on":null,"broke_on":"2026-02-24","#
                + #""invoices":["B"]}],"kept":{"count":0,"amount":"0.00"},"broken":{"count":1,"amount":"400.00"},"#
                + #""pending":{"count":0,"amount":"0.00"}}],"total":{"kept":{"count":0,"amount":"0.00"},"#
                + #""broken":{"count":1,"amount":"400.00"},"pending":{"count":0,"amount":"0.00"}}}"# + "\n"
        )

        // The command line prints the same bytes through the socket and from the file.
        for format in ["json", "table", "csv"] {
            for command in [
                ["dunning", "--on", "2026-02-13"], ["dunning", "--on", "2026-02-24", "--owner", "finance"],
                ["dunning", "--on", "2026-02-13", "--customer", "C1"], ["promises", "--as-of", "2026-02-24"],
            ] {
                let options = ["--format", format]
                let online = try await runEncoursBinary(command + ["--socket", daemon.socketPath] + options)
                let offline = try await runEncoursBinary(command + ["--db", daemon.databasePath] + options)
                #expect(online.status == 0, "\(online.output)")
                #expect(online.output == offline.output, "\(command) \(format)")
            }
        }
        let json = try await runEncoursBinary(["dunning", "--socket", daemon.socketPath, "--on", "2026-02-13", "--format", "json"])
        #expect(json.output == Self.worklist)
        let unknown = try await runEncoursBinary(["dunning", "--socket", daemon.socketPath, "--customer", "NOPE"])
        #expect(unknown.status == 1)
        #expect(unknown.output == "error: customer \"NOPE\" is not in the ledger\n")
    }

    @Test func theConfiguredScenarioAndGraceAreUsedThenReloaded() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-dunning")
        let config = folder.file("encours.toml")
        try """
        [dunning]
        promise_grace_days = 0

        [[dunning.steps]]
        name = "call"
        offset_days = 0
        channel = "phone"
        owner = "sales"

        [[dunning.steps]]
        name = "letter"
        offset_days = 7
        after = "previous_step"
        channel = "letter"
        owner = "finance"
        statement = true
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        _ = try await daemon.client.post("/v1/events", body: Self.ledger)

        // reminder_1 is not a step of this scenario: A's call is due since its due date;
        // B's promise pauses it until 02-20 without grace.
        let custom = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13")
        let actions = custom.object["actions"] as? [[String: Any]] ?? []
        #expect(actions.map { $0["step"] as? String } == ["call"], "\(custom)")
        #expect(actions.first?["due_since"] as? String == "2026-01-31")
        #expect((custom.object["paused"] as? [[String: Any]])?.first?["until"] as? String == "2026-02-20")
        #expect(custom.object["promise_grace_days"] as? Int == 0)

        try "[dunning]\npromise_grace_days = 5\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            try await Task.sleep(for: .milliseconds(50))
            reloaded = daemon.log.contains("configuration reloaded")
        }
        #expect(reloaded, "\(daemon.log)")
        let standard = try await daemon.client.get("/v1/dunning/worklist?on=2026-02-13")
        #expect((standard.object["actions"] as? [[String: Any]])?.map { $0["step"] as? String } == ["reminder_2"])
        #expect((standard.object["paused"] as? [[String: Any]])?.first?["until"] as? String == "2026-02-25")
        let promises = try await daemon.client.get("/v1/promises?as_of=2026-02-24")
        #expect(promises.body.contains(#""status":"pending""#), "\(promises)")
        await daemon.stop()
    }

    static let step = "[[dunning.steps]]\nname = \"a\"\noffset_days = 0\nchannel = \"email\"\nowner = \"finance\"\n"

    @Test(arguments: [
        ("[dunning]\npromise_grace_days = -1\n", "dunning.promise_grace_days: must be a whole number of days from 0 to 365"),
        ("[dunning]\ngrace = 3\n", "dunning.grace: unknown key (known in [dunning]: promise_grace_days, steps)"),
        ("[dunning]\nsteps = 3\n", "dunning.steps: must be an array of [[dunning.steps]] tables"),
        (
            step.replacingOccurrences(of: "\"email\"", with: "\"fax\""),
            #"dunning.steps[0].channel: "fax" is not one of "email", "phone", "letter", "registered_letter""#
        ),
        (
            step.replacingOccurrences(of: "\"finance\"", with: "\"legal\""),
            #"dunning.steps[0].owner: "legal" is not one of "sales", "finance""#
        ),
        (step + step, #"dunning.steps[1].name: "a" names an earlier step too"#),
        (
            step.replacingOccurrences(of: "offset_days = 0", with: "offset_days = 3\nafter = \"previous_step\""),
            "dunning.steps[0].after: the first step has no previous step; count it from the due date"
        ),
        (
            step.replacingOccurrences(of: "offset_days = 0\n", with: ""),
            "dunning.steps[0].offset_days: is missing"
        ),
        (
            step + "colour = \"red\"\n",
            "dunning.steps[0].colour: unknown key (known in [[dunning.steps]]: after, channel, name, offset_days, owner, penalties, statement)"
        ),
        (
            step + step.replacingOccurrences(of: "\"a\"", with: "\"b\"").replacingOccurrences(
                of: "offset_days = 0",
                with: "offset_days = -4"
            ),
            #"dunning.steps[1].offset_days: -4 days after the due date comes before step "a" (0)"#
        ),
    ])
    func aBadDunningSettingNamesItsKeyAndStopsTheStart(text: String, message: String) async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-dunning-bad")
        let config = folder.file("encours.toml")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        #expect(await daemon.waitForExit() == 78)
        #expect(daemon.log.contains(message), "\(daemon.log)")
    }
}
