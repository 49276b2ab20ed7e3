import EncoursTestSupport
import Foundation
import Testing

/// The inbox as the invoicing side uses it: files dropped in a folder, each imported whole
/// or not at all, moved to `done/` or `rejected/` with a report, never read half-written,
/// and never lost or doubled when the daemon stops at the wrong moment.
@Suite("encoursd inbox")
struct DaemonInboxTests {
    /// Three events: a customer and two invoices, all new to an empty ledger.
    static let goodFile = """
        {"type":"customer.registered","customer":"K1","legal_name":"Kappa SARL","on":"2026-01-01"}
        {"type":"invoice.issued","customer":"K1","invoice":"F-1","amount":"100.00","on":"2026-01-02"}
        {"type":"invoice.issued","customer":"K1","invoice":"F-2","amount":"250.00","on":"2026-01-03"}

        """

    /// A daemon whose inbox is `inbox/` in its folder, quick to settle so the tests are.
    static func start(
        folder: TemporaryDirectory? = nil,
        settleSeconds: Double = 0.3,
        extra: String = ""
    ) async throws -> (daemon: RunningDaemon, inbox: String) {
        let folder = try folder ?? TemporaryDirectory(prefix: "encoursd-inbox")
        let inbox = folder.file("inbox")
        let config = folder.file("encours.toml")
        try """
        [inbox]
        folder = "\(inbox)"
        settle_seconds = \(settleSeconds)
        poll_seconds = 0.2
        \(extra)
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config])
        return (daemon, inbox)
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Polls `condition` until it holds or `timeout` passes; returns whether it held.
    static func eventually(within timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    static func lastSequence(_ daemon: RunningDaemon) async throws -> Int {
        let health = try await daemon.client.get("/v1/health")
        let object = try JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any]
        return object?["last_seq"] as? Int ?? -1
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func aGoodFileIsAppendedAndMovedToDoneWithItsReport() async throws {
        let (daemon, inbox) = try await Self.start()
        try Self.write(Self.goodFile, to: "\(inbox)/monday.ndjson")

        let report = "\(inbox)/done/monday.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        #expect(Self.read("\(inbox)/done/monday.ndjson") == Self.goodFile)
        #expect(!Self.exists("\(inbox)/monday.ndjson"))
        let text = Self.read(report)
        for line in [
            "file: monday.ndjson", "stored_as: done/monday.ndjson", "format: ndjson", "result: done",
            "appended: 3", "duplicates: 0", "first_seq: 1", "last_seq: 3", "errors: 0",
        ] {
            #expect(text.contains("\n\(line)\n") || text.hasPrefix("\(line)\n"), "\(line) not in:\n\(text)")
        }

        #expect(try await Self.lastSequence(daemon) == 3)
        let customer = try await daemon.client.get("/v1/customers/K1")
        #expect(customer.status == 200)
        #expect(customer.body.contains("\"receivables\":\"350.00\""), "\(customer.body)")
        let events = try await daemon.client.get("/v1/customers/K1/events")
        #expect(events.body.contains("\"actor\":\"inbox\""), "\(events.body)")
        #expect(daemon.log.contains("inbox: monday.ndjson imported to done/monday.ndjson: 3 appended"), "\(daemon.log)")
        let metrics = try await daemon.client.get("/metrics")
        #expect(metrics.body.contains("encours_inbox_files_total{result=\"done\"} 1"), "\(metrics.body)")
        let status = try await daemon.client.get("/v1/status")
        #expect(status.body.contains("\"inbox\":{\"folder\":\"\(inbox)\",\"done\":1,\"rejected\":0,"), "\(status.body)")
    }

    @Test func aBadFileIsRejectedWithAReportNamingLineFieldAndValueAndNothingIsAppended() async throws {
        let (daemon, inbox) = try await Self.start()
        let bad = """
            {"type":"customer.registered","customer":"K1","legal_name":"Kappa SARL","on":"2026-01-01"}
            {"type":"invoice.issued","customer":"K1","invoice":"F-1","amount":"12,50","on":"2026-01-02"}
            {"type":"invoice.issued","customer":"K1","invoice":"F-2","amount":"250.00","on":"2026-02-31"}

            """
        try Self.write(bad, to: "\(inbox)/bad.ndjson")

        let report = "\(inbox)/rejected/bad.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        #expect(Self.read("\(inbox)/rejected/bad.ndjson") == bad)
        let text = Self.read(report)
        #expect(text.contains("result: rejected\n"), "\(text)")
        #expect(text.contains("appended: 0\n"), "\(text)")
        #expect(text.contains("errors: 2\n"), "\(text)")
        #expect(text.contains("bad.ndjson:2: invoice.issued: field \"amount\": \"12,50\""), "\(text)")
        #expect(text.contains("bad.ndjson:3: invoice.issued: field \"on\": \"2026-02-31\""), "\(text)")
        #expect(text.contains("Nothing was appended."), "\(text)")
        #expect(try await Self.lastSequence(daemon) == 0)
        #expect(daemon.log.contains("inbox: bad.ndjson rejected to rejected/bad.ndjson: 2 errors"), "\(daemon.log)")
        #expect(!daemon.log.contains("12,50"), "a value of the file reached the log")
    }

    @Test func aFileThatConflictsWithTheLedgerIsRejectedWithEachConflictNamed() async throws {
        let (daemon, inbox) = try await Self.start()
        let recorded = try await daemon.client.post(
            "/v1/events",
            body: #"{"type":"customer.registered","customer":"K1","legal_name":"Kappa SARL","on":"2026-01-01"}"#
        )
        #expect(recorded.status == 200)
        let file = """
            {"type":"customer.registered","customer":"K1","legal_name":"Kappa SAS","on":"2026-01-01"}
            {"type":"invoice.issued","customer":"K1","invoice":"F-1","amount":"100.00","on":"2026-01-02"}

            """
        try Self.write(file, to: "\(inbox)/changed.ndjson")

        let report = "\(inbox)/rejected/changed.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        let text = Self.read(report)
        #expect(
            text.contains("changed.ndjson:1: customer.registered: conflict: key \"customer.registered:K1\""),
            "\(text)"
        )
        #expect(text.contains("\n  legal_name: recorded Kappa SARL, new Kappa SAS\n"), "\(text)")
        #expect(text.contains("errors: 1\n"), "\(text)")
        #expect(try await Self.lastSequence(daemon) == 1)
    }

    /// A cumulative FEC sends a payment unlettered, then lettered: the second file goes to
    /// done/, the recorded payment stands, and the report says which lettering was not applied.
    @Test func anFECPaymentLetteredAfterItWasRecordedIsReportedNotRejected() async throws {
        let (daemon, inbox) = try await Self.start()
        let header =
            "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|"
            + "PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise"
        func fec(letter: String) -> String {
            [
                header,
                "VE|VENTES|1|20260105|41100000|CLIENTS|C001|ACME SAS|F001|20260105|FACTURE|120,00|0,00|\(letter)||20260131||",
                "VE|VENTES|1|20260105|70600000|VENTES|||F001|20260105|FACTURE|0,00|120,00|||20260131||",
                "BQ|BANQUE|2|20260204|41100000|CLIENTS|C001|ACME SAS|BQ1|20260204|VIREMENT|0,00|120,00|\(letter)||20260228||",
                "BQ|BANQUE|2|20260204|51200000|BANQUE|||BQ1|20260204|VIREMENT|120,00|0,00|||20260228||",
            ].joined(separator: "\n") + "\n"
        }
        try Self.write(fec(letter: ""), to: "\(inbox)/first.fec")
        #expect(await Self.eventually { Self.exists("\(inbox)/done/first.fec.report.txt") }, "\(daemon.log)")
        try Self.write(fec(letter: "AA"), to: "\(inbox)/second.fec")
        let report = "\(inbox)/done/second.fec.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        let text = Self.read(report)
        #expect(text.contains("appended: 0\n"), "\(text)")
        #expect(
            text.contains(
                "second.fec:4: payment.received: lettering differs from the payment recorded (seq 3); "
                    + "the recorded payment stands\n  allocations: recorded (absent), new "
            ),
            "\(text)"
        )
        #expect(try await Self.lastSequence(daemon) == 3)
    }

    static let fecHeader =
        "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|"
        + "PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise"

    /// An invoice of 120.00 in `VE`, found as sales by its code, and one of 80.00 in `VT2`
    /// labelled `EXPORT`, which only `fec_sales_journals` makes sales.
    static let twoJournalsFEC =
        [
            fecHeader,
            "VE|VENTES|1|20260105|41100000|CLIENTS|C001|ACME SAS|F001|20260105|FACTURE|120,00|0,00|||20260131||",
            "VE|VENTES|1|20260105|70600000|VENTES|||F001|20260105|FACTURE|0,00|120,00|||20260131||",
            "VT2|EXPORT|2|20260110|41100000|CLIENTS|C001|ACME SAS|E001|20260110|FACTURE|80,00|0,00|||20260131||",
            "VT2|EXPORT|2|20260110|70700000|VENTES EXPORT|||E001|20260110|FACTURE|0,00|80,00|||20260131||",
        ].joined(separator: "\n") + "\n"

    /// The name article A47 A-1 LPF gives an FEC says its format, though `.txt` names none
    /// and `inbox.format` is NDJSON.
    @Test func aFileUnderTheFECLegalNameIsReadAsAnFEC() async throws {
        let (daemon, inbox) = try await Self.start(extra: "format = \"ndjson\"")
        try Self.write(Self.twoJournalsFEC, to: "\(inbox)/111111111FEC20221231.TXT")

        let report = "\(inbox)/done/111111111FEC20221231.TXT.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        let text = Self.read(report)
        for line in ["format: fec", "result: done", "appended: 2", "errors: 0"] {
            #expect(text.contains("\n\(line)\n"), "\(line) not in:\n\(text)")
        }
        #expect(try await Self.lastSequence(daemon) == 2)
        let customer = try await daemon.client.get("/v1/customers/C001")
        #expect(customer.body.contains("\"receivables\":\"120.00\""), "\(customer.body)")
    }

    /// `fec_sales_journals` and `fec_terms_days` read an FEC as `--sales-journal` and
    /// `--terms-days` do: `VT2` becomes sales, and the customer registered gets 45 days.
    @Test(arguments: [
        ("", "120.00", 2, "\"invoice\":\"VE-20260105-1\",\"issued_on\":\"2026-01-05\",\"due_on\":\"2026-02-04\""),
        (
            "fec_sales_journals = [\"VE\", \"VT2\"]\nfec_terms_days = 45", "200.00", 3,
            "\"invoice\":\"VE-20260105-1\",\"issued_on\":\"2026-01-05\",\"due_on\":\"2026-02-19\""
        ),
    ])
    func theFECKeysReadAnFECAsTheImportOptionsDo(
        extra: String,
        receivables: String,
        appended: Int,
        terms: String
    ) async throws {
        let (daemon, inbox) = try await Self.start(extra: extra)
        try Self.write(Self.twoJournalsFEC, to: "\(inbox)/books.fec")

        let report = "\(inbox)/done/books.fec.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        #expect(Self.read(report).contains("\nappended: \(appended)\n"), "\(Self.read(report))")
        let customer = try await daemon.client.get("/v1/customers/C001")
        #expect(customer.body.contains("\"receivables\":\"\(receivables)\""), "\(customer.body)")
        let statement = try await daemon.client.get("/v1/customers/C001/statement?as_of=2026-03-01")
        #expect(statement.body.contains(terms), "\(statement.body)")
    }

    @Test func aFileHoldingAnEventAboveTheInboxRoleIsRejected() async throws {
        let (daemon, inbox) = try await Self.start()
        let file = """
            {"type":"customer.registered","customer":"K1","legal_name":"Kappa SARL","on":"2026-01-01"}
            {"type":"credit_limit.set","customer":"K1","limit":"5000.00","on":"2026-01-02"}

            """
        try Self.write(file, to: "\(inbox)/limits.ndjson")

        let report = "\(inbox)/rejected/limits.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        let text = Self.read(report)
        #expect(
            text.contains("limits.ndjson:2: credit_limit.set needs the role finance; the inbox appends as feeder"),
            "\(text)"
        )
        #expect(try await Self.lastSequence(daemon) == 0)
    }

    /// A `.csv` file is read as CSV whatever `format` says, through `csv_mapping`.
    @Test func aCSVFileIsReadThroughTheInboxMapping() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-inbox")
        let mapping = folder.file("ventes.toml")
        try Self.write(
            """
            [file]
            separator = ";"
            decimal = ","
            date_format = "dd/MM/yyyy"

            [kind]
            fixed = "invoice"

            [invoice]
            invoice = "Numero"
            customer = "Client"
            on = "Date"
            amount = "Montant"

            [customer]
            legal_name = "Nom"

            """,
            to: mapping
        )
        let (daemon, inbox) = try await Self.start(folder: folder, extra: "csv_mapping = \"\(mapping)\"")
        try Self.write(
            "Numero;Client;Nom;Date;Montant\nF-1;K1;Kappa SARL;02/01/2026;1 234,56\nF-2;K1;Kappa SARL;03/01/2026;10,00\n",
            to: "\(inbox)/ventes.csv"
        )

        let report = "\(inbox)/done/ventes.csv.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        let text = Self.read(report)
        #expect(text.contains("format: csv\n"), "\(text)")
        #expect(text.contains("appended: 3\n"), "\(text)")
        let customer = try await daemon.client.get("/v1/customers/K1")
        #expect(customer.body.contains("\"receivables\":\"1244.56\""), "\(customer.body)")
    }

    @Test func aCSVFileWithoutAMappingIsRejected() async throws {
        let (daemon, inbox) = try await Self.start()
        try Self.write("Numero;Client\nF-1;K1\n", to: "\(inbox)/ventes.csv")

        let report = "\(inbox)/rejected/ventes.csv.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        #expect(Self.read(report).contains("set inbox.csv_mapping"), "\(Self.read(report))")
        #expect(try await Self.lastSequence(daemon) == 0)
    }

    @Test func temporaryNamesAreLeftAloneUntilRenamedIntoPlace() async throws {
        let (daemon, inbox) = try await Self.start(settleSeconds: 0.2)
        for name in ["tuesday.ndjson.part", ".tuesday.ndjson", "tuesday.ndjson.tmp", "tuesday.ndjson.filepart"] {
            try Self.write(Self.goodFile, to: "\(inbox)/\(name)")
        }
        // Several settle times and polls go by: nothing is taken.
        try await Task.sleep(for: .seconds(1.5))
        #expect(try await Self.lastSequence(daemon) == 0)
        #expect(Self.exists("\(inbox)/tuesday.ndjson.part"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(inbox)/done").isEmpty)

        try FileManager.default.moveItem(atPath: "\(inbox)/tuesday.ndjson.part", toPath: "\(inbox)/tuesday.ndjson")
        #expect(await Self.eventually { Self.exists("\(inbox)/done/tuesday.ndjson.report.txt") }, "\(daemon.log)")
        #expect(try await Self.lastSequence(daemon) == 3)
        for name in [".tuesday.ndjson", "tuesday.ndjson.tmp", "tuesday.ndjson.filepart"] {
            #expect(Self.exists("\(inbox)/\(name)"), "\(name) was taken")
        }
    }

    @Test func aFileWrittenSlowlyUnderItsFinalNameIsReadOnlyOnceWhole() async throws {
        // The pause is far shorter than the settle time, so that a loaded machine (the whole
        // suite running in parallel) cannot stretch it past.
        let (daemon, inbox) = try await Self.start(settleSeconds: 4)
        let path = "\(inbox)/slow.ndjson"
        // The first part ends inside an event: read as it is, the file would be rejected.
        let cut = Self.goodFile.index(Self.goodFile.startIndex, offsetBy: 150)
        // Written without a suspension point: a test task awaiting a sleep can resume seconds
        // late when the whole suite keeps the cooperative pool busy; a thread's sleep does not.
        try Self.write(String(Self.goodFile[..<cut]), to: path)
        usleep(200_000)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.goodFile[cut...].utf8))
        try handle.close()

        #expect(await Self.eventually { Self.exists("\(inbox)/done/slow.ndjson.report.txt") }, "\(daemon.log)")
        #expect(Self.read("\(inbox)/done/slow.ndjson.report.txt").contains("appended: 3\n"))
        #expect(!Self.exists("\(inbox)/rejected/slow.ndjson"))
        #expect(try await Self.lastSequence(daemon) == 3)
    }

    @Test func theSameFileDroppedTwiceIsKeptTwiceAndAppendedOnce() async throws {
        let (daemon, inbox) = try await Self.start()
        try Self.write(Self.goodFile, to: "\(inbox)/export.ndjson")
        #expect(await Self.eventually { Self.exists("\(inbox)/done/export.ndjson.report.txt") }, "\(daemon.log)")
        let firstReport = Self.read("\(inbox)/done/export.ndjson.report.txt")

        try Self.write(Self.goodFile, to: "\(inbox)/export.ndjson")
        let second = "\(inbox)/done/export.2.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(second) }, "\(daemon.log)")
        let text = Self.read(second)
        #expect(text.contains("stored_as: done/export.2.ndjson\n"), "\(text)")
        #expect(text.contains("result: done\n"), "\(text)")
        #expect(text.contains("appended: 0\nduplicates: 3\n"), "\(text)")
        #expect(text.contains("Every event of the file was already recorded"), "\(text)")
        #expect(Self.read("\(inbox)/done/export.ndjson.report.txt") == firstReport, "the first report was replaced")
        #expect(Self.read("\(inbox)/done/export.2.ndjson") == Self.goodFile)
        #expect(try await Self.lastSequence(daemon) == 3)
    }

    /// The daemon stopped after the commit and before the move: the file is imported again,
    /// and every event is a duplicate. Appending the same events through the API first
    /// leaves the ledger exactly as such a commit would.
    @Test func aFileWhoseEventsAreAlreadyRecordedGoesToDoneWithNothingAppended() async throws {
        let (daemon, inbox) = try await Self.start()
        let posted = try await daemon.client.post("/v1/events", body: Self.goodFile)
        #expect(posted.status == 200)

        try Self.write(Self.goodFile, to: "\(inbox)/retry.ndjson")
        let report = "\(inbox)/done/retry.ndjson.report.txt"
        #expect(await Self.eventually { Self.exists(report) }, "\(daemon.log)")
        #expect(Self.read(report).contains("appended: 0\nduplicates: 3\n"), "\(Self.read(report))")
        #expect(try await Self.lastSequence(daemon) == 3)
    }

    /// A file left in the inbox by a daemon stopped between commit and move, and one
    /// dropped while it was down, are both taken at the next start.
    @Test func filesInTheInboxAtStartAreImported() async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-inbox")
        var (daemon, inbox) = try await Self.start(folder: folder)
        try Self.write(Self.goodFile, to: "\(inbox)/first.ndjson")
        #expect(await Self.eventually { Self.exists("\(inbox)/done/first.ndjson.report.txt") }, "\(daemon.log)")
        #expect(await daemon.stop() == 0)

        // As if the move had not happened: the file back in the inbox, no report.
        try FileManager.default.moveItem(atPath: "\(inbox)/done/first.ndjson", toPath: "\(inbox)/first.ndjson")
        try FileManager.default.removeItem(atPath: "\(inbox)/done/first.ndjson.report.txt")
        try Self.write(
            #"{"type":"invoice.issued","customer":"K1","invoice":"F-3","amount":"40.00","on":"2026-01-04"}"# + "\n",
            to: "\(inbox)/second.ndjson"
        )
        (daemon, inbox) = try await Self.start(folder: folder)
        #expect(
            await Self.eventually {
                Self.exists("\(inbox)/done/first.ndjson.report.txt")
                    && Self.exists("\(inbox)/done/second.ndjson.report.txt")
            },
            "\(daemon.log)"
        )
        #expect(Self.read("\(inbox)/done/first.ndjson.report.txt").contains("appended: 0\nduplicates: 3\n"))
        #expect(Self.read("\(inbox)/done/second.ndjson.report.txt").contains("appended: 1\nduplicates: 0\n"))
        #expect(try await Self.lastSequence(daemon) == 4)
    }

    /// SIGTERM while a large file is being imported: the daemon finishes that file (one
    /// transaction, then the move), and exits cleanly.
    @Test func aStopDuringAnImportLetsTheFileFinish() async throws {
        let (daemon, inbox) = try await Self.start(settleSeconds: 0.2)
        // 8,000 customers with 10 invoices each: seconds to read and append in a debug build,
        // a wide window for the signal even when the whole suite loads the machine.
        var lines: [String] = []
        for customer in 1...8000 {
            lines.append(
                #"{"type":"customer.registered","customer":"K\#(customer)","legal_name":"K \#(customer)","on":"2026-01-01"}"#
            )
            for invoice in 1...10 {
                lines.append(
                    #"{"type":"invoice.issued","customer":"K\#(customer)","invoice":"F-\#(customer)-\#(invoice)","amount":"10.00","on":"2026-01-02"}"#
                )
            }
        }
        try Self.write(lines.joined(separator: "\n") + "\n", to: "\(inbox)/big.ndjson.part")
        try FileManager.default.moveItem(atPath: "\(inbox)/big.ndjson.part", toPath: "\(inbox)/big.ndjson")
        // Watched on this thread, not by awaiting sleeps (which can resume late when the suite
        // keeps the cooperative pool busy), so the signal lands while the file is imported.
        let deadline = ContinuousClock.now + .seconds(30)
        while !daemon.log.contains("inbox: importing big.ndjson"), ContinuousClock.now < deadline { usleep(2_000) }
        daemon.signal(SIGTERM)
        #expect(daemon.log.contains("inbox: importing big.ndjson"), "\(daemon.log)")
        #expect(await daemon.waitForExit() == 0, "\(daemon.log)")
        // The stop began while the file was being imported, and the import finished after.
        let log = daemon.log
        let stopping = try #require(log.range(of: "stopping: finishing requests"), "\(log)")
        let imported = try #require(log.range(of: "inbox: big.ndjson imported"), "\(log)")
        #expect(stopping.lowerBound < imported.lowerBound, "\(log)")

        #expect(Self.exists("\(inbox)/done/big.ndjson"), "\(daemon.log)")
        #expect(Self.read("\(inbox)/done/big.ndjson.report.txt").contains("appended: \(lines.count)\n"))
        let count = try SQLiteCommandLine.run(daemon.databasePath, "SELECT count(*) FROM events;")
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "\(lines.count)")
    }

    @Test(arguments: [
        ("format = \"xml\"", "inbox.format: \"xml\" is not one of"),
        ("role = \"reader\"", "inbox.role: \"reader\" is not one of \"sales\", \"feeder\", \"finance\""),
        ("settle_seconds = -1", "inbox.settle_seconds: must be a number of seconds from 0 to 3600"),
        ("poll_seconds = \"fast\"", "inbox.poll_seconds: must be a number of seconds from 0.05 to 3600"),
        ("csv_mapping = \"missing.toml\"", "inbox.csv_mapping: cannot read missing.toml"),
        ("fec_sales_journals = \"VT\"", "inbox.fec_sales_journals: must be an array of journal codes, like [\"VT\", \"VT2\"]"),
        ("fec_opening_journals = [\"AN\", 1]", "inbox.fec_opening_journals: must be an array of journal codes"),
        ("fec_opening_journals = [\" \"]", "inbox.fec_opening_journals: must be an array of journal codes"),
        ("fec_terms_days = 3651", "inbox.fec_terms_days: must be a whole number of days from 0 to 3650"),
        ("fec_terms_days = \"45\"", "inbox.fec_terms_days: must be a whole number of days from 0 to 3650"),
        ("fec_lettering = \"no\"", "inbox.fec_lettering: must be true or false"),
        (
            "folders = \"x\"",
            "inbox.folders: unknown key (known in [inbox]: csv_mapping, fec_lettering, fec_opening_journals, "
                + "fec_sales_journals, fec_terms_days, folder, format, poll_seconds, role"
        ),
    ])
    func aBadInboxSettingNamesItsKeyAndStopsTheStart(setting: String, message: String) async throws {
        let folder = try TemporaryDirectory(prefix: "encoursd-inbox-config")
        let config = folder.file("encours.toml")
        try "[inbox]\nfolder = \"inbox\"\n\(setting)\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await RunningDaemon(folder: folder, arguments: ["--config", config], waitUntilReady: false)
        #expect(await daemon.waitForExit() == 78)
        #expect(daemon.log.contains(message), "\(daemon.log)")
    }
}
