import EncoursCore
import EncoursTestSupport
import Testing

/// Order decisions (docs/definitions.md, "Order decisions"): each branch, each cause and
/// each way out, with figures computed by hand. The order is always checked on 2031-06-30.
@Suite struct OrderDecisionTests {
    let c1: CustomerID = "C1"
    static let checkDay = "2031-06-30"

    func decide(_ events: [Event], _ amount: String, rules: OrderRules = .standard) throws -> OrderDecision {
        let ledger = try appendOneByOne(events)
        return try #require(ledger.decideOrder(customer: c1, amount: eur(amount), on: day(Self.checkDay), rules: rules))
    }

    // MARK: - The outcome

    @Test func withinTheLimitAndNothingToWorryAboutIsAccepted() throws {
        // 1000.00 invoiced on 06-10, due 07-10: not yet due. 1000 + 2000 = 3000 of 10000.
        let decision = try decide(
            [register(c1, on: "2031-01-02", limit: "10000.00"), invoice("F1", c1, "1000.00", on: "2031-06-10")],
            "2000.00"
        )
        #expect(decision.outcome == .accept)
        #expect(decision.exposureBefore == eur("1000.00"))
        #expect(decision.exposureAfter == eur("3000.00"))
        #expect(decision.limit == eur("10000.00"))
        #expect(decision.headroomBefore == eur("9000.00"))
        #expect(decision.headroomAfter == eur("7000.00"))
        #expect(decision.causes.isEmpty)
        #expect(decision.waysOut.isEmpty)
    }

    /// Exposure 6000 invoiced + 3000 on order = 9000; an order of 1500 takes it to 10500,
    /// 500 over the 10000 limit.
    func overTheLimit(policy: CreditPolicy) -> [Event] {
        [
            register(c1, on: "2031-01-02", limit: "10000.00", policy: policy),
            invoice("F1", c1, "6000.00", on: "2031-06-10"),
            OrderEvents.placed("O1", c1, "3000.00", on: "2031-06-20"),
        ]
    }

    @Test func overTheLimitWarnsUnderAlertAndIsRefusedUnderBlock() throws {
        let alert = try decide(overTheLimit(policy: .alert), "1500.00")
        #expect(alert.outcome == .warn)
        let block = try decide(overTheLimit(policy: .block), "1500.00")
        #expect(block.outcome == .refuse)
        for decision in [alert, block] {
            #expect(decision.exposureBefore == eur("9000.00"))
            #expect(decision.exposureAfter == eur("10500.00"))
            #expect(decision.headroomAfter == eur("-500.00"))
            #expect(decision.causes == [.overLimit(excess: eur("500.00"))])
            // Terms 30: the temporary limit runs to 06-30 + 30 + 30 = 08-29.
            #expect(
                decision.waysOut == [
                    .deposit(amount: eur("500.00"), sufficient: true),
                    .shorterTerms(amount: eur("1500.00"), termsDays: 0, customerTermsDays: 30),
                    .temporaryLimit(increase: eur("500.00"), limit: eur("10500.00"), until: day("2031-08-29")),
                ]
            )
        }
    }

    @Test func reachingTheLimitExactlyIsWithinIt() throws {
        let decision = try decide(overTheLimit(policy: .block), "1000.00")
        #expect(decision.outcome == .accept)
        #expect(decision.headroomAfter == .zero)
    }

    @Test func aBlockedCustomerIsRefusedEvenWithinItsLimit() throws {
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                OrderEvents.blocked(c1, on: "2031-03-01", reason: "first block"),
                OrderEvents.unblocked(c1, on: "2031-04-01"),
                OrderEvents.blocked(c1, on: "2031-06-15", reason: "cheques returned"),
            ],
            "10.00"
        )
        #expect(decision.outcome == .refuse)
        #expect(decision.causes == [.blocked(since: day("2031-06-15"), reason: "cheques returned")])
        #expect(decision.waysOut.isEmpty)
    }

    @Test func aBlockDatedAfterTheOrderDoesNotCount() throws {
        let decision = try decide(
            [register(c1, on: "2031-01-02", limit: "10000.00"), OrderEvents.blocked(c1, on: "2031-07-01")],
            "10.00"
        )
        #expect(decision.outcome == .accept)
    }

    @Test func withoutALimitTheOrderWarnsUnderEitherPolicy() throws {
        for policy in CreditPolicy.allCases {
            let decision = try decide([register(c1, on: "2031-01-02", policy: policy)], "5000.00")
            #expect(decision.outcome == .warn)
            #expect(decision.limit == nil && decision.headroomAfter == nil && decision.headroomBefore == nil)
            #expect(decision.causes == [.noLimit])
            #expect(decision.waysOut.isEmpty)
        }
    }

    @Test func aLimitOfZeroMakesAnyOrderOverIt() throws {
        let decision = try decide([register(c1, on: "2031-01-02", limit: "0", policy: .block)], "0.01")
        #expect(decision.outcome == .refuse)
        #expect(decision.causes == [.overLimit(excess: eur("0.01"))])
    }

    // MARK: - Causes

    /// F1 1000.00 due 05-01 and F2 500.00 due 05-31 (200.00 of it paid) are past due on
    /// 06-30, 60 and 30 days late; F3 800.00 due 07-15 is not.
    var arrears: [Event] {
        [
            register(c1, on: "2031-01-02", limit: "10000.00"),
            invoice("F1", c1, "1000.00", on: "2031-04-01", due: "2031-05-01"),
            invoice("F2", c1, "500.00", on: "2031-05-01", due: "2031-05-31"),
            invoice("F3", c1, "800.00", on: "2031-06-15", due: "2031-07-15"),
            payment("P1", c1, "200.00", on: "2031-06-01", allocations: [("F2", "200.00")]),
        ]
    }

    @Test func overdueInvoicesWarnWithTheirTotalCountAndOldest() throws {
        let decision = try decide(arrears, "100.00")
        #expect(decision.outcome == .warn)
        #expect(decision.exposureBefore == eur("2100.00"))
        #expect(decision.causes == [.overdueInvoices(amount: eur("1300.00"), count: 2, oldestDaysLate: 60)])
        // 1300.00 in 3: 433.33 each, the first with the odd cent; 06-30 + 7, + 37, + 67.
        #expect(
            decision.waysOut == [
                .paymentPlan(
                    amount: eur("1300.00"),
                    instalments: [
                        .init(dueOn: day("2031-07-07"), amount: eur("433.34")),
                        .init(dueOn: day("2031-08-06"), amount: eur("433.33")),
                        .init(dueOn: day("2031-09-05"), amount: eur("433.33")),
                    ]
                )
            ]
        )
    }

    @Test func anInvoiceDueOnTheOrderDayIsNotYetOverdue() throws {
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                invoice("F1", c1, "100.00", on: "2031-06-01", due: "2031-06-30"),
            ],
            "10.00"
        )
        #expect(decision.outcome == .accept)
    }

    @Test func openDisputesWarnWithTheDisputedAmountCappedAtWhatIsOpen() throws {
        // F3 800.00 open: disputes of 250.00 and 600.00 count 800.00; F1's is resolved.
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                invoice("F1", c1, "1000.00", on: "2031-06-01"),
                invoice("F3", c1, "800.00", on: "2031-06-15"),
                OrderEvents.dispute("D1", on: "F3", amount: "250.00", opened: "2031-06-16"),
                OrderEvents.dispute("D2", on: "F3", amount: "600.00", opened: "2031-06-17"),
                OrderEvents.dispute("D3", on: "F1", opened: "2031-06-02"),
                OrderEvents.resolved("D3", on: "2031-06-20"),
            ],
            "100.00"
        )
        #expect(decision.outcome == .warn)
        #expect(decision.causes == [.openDisputes(amount: eur("800.00"), count: 2)])
        #expect(decision.waysOut.isEmpty)
    }

    /// Orders of the 365 days 2030-07-01 … 2031-06-30: 100, 200, 300, 400 (median 250.00).
    /// Left out: 10.00 on 2030-06-30 (366 days before), a cancelled 5000.00, 9999.00 placed
    /// after the order's date.
    var usualOrders: [Event] {
        [
            register(c1, on: "2030-01-02", limit: "100000.00"),
            OrderEvents.placed("O0", c1, "10.00", on: "2030-06-30"),
            OrderEvents.placed("O1", c1, "100.00", on: "2030-07-01"),
            OrderEvents.placed("O2", c1, "300.00", on: "2030-12-01"),
            OrderEvents.placed("O3", c1, "5000.00", on: "2031-01-15"),
            OrderEvents.cancelled("O3", on: "2031-01-16"),
            OrderEvents.placed("O4", c1, "200.00", on: "2031-03-01"),
            OrderEvents.placed("O5", c1, "400.00", on: "2031-06-30"),
            OrderEvents.placed("O6", c1, "9999.00", on: "2031-07-01"),
        ]
    }

    @Test func anOrderAboveThreeTimesTheMedianIsUnusual() throws {
        let unusual = try decide(usualOrders, "750.01")
        #expect(unusual.outcome == .warn)
        #expect(unusual.causes == [.unusualSize(amount: eur("750.01"), median: eur("250.00"), factor: 3, orders: 4)])
        #expect(try decide(usualOrders, "750.00").outcome == .accept)
        var rules = OrderRules.standard
        rules.unusualSizeFactor = 2
        #expect(try decide(usualOrders, "500.01", rules: rules).causes.map(\.kind) == [.unusualSize])
        rules.unusualSizeMinimumOrders = 5
        #expect(try decide(usualOrders, "500.01", rules: rules).outcome == .accept)
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedHalfUp() throws {
        // 100.00, 100.01, 200.00, 300.00: (100.01 + 200.00) / 2 = 150.005 → 150.01.
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "100000.00"),
                OrderEvents.placed("O1", c1, "300.00", on: "2031-02-01"),
                OrderEvents.placed("O2", c1, "100.01", on: "2031-03-01"),
                OrderEvents.placed("O3", c1, "100.00", on: "2031-04-01"),
                OrderEvents.placed("O4", c1, "200.00", on: "2031-05-01"),
            ],
            "450.04"
        )
        #expect(decision.causes == [.unusualSize(amount: eur("450.04"), median: eur("150.01"), factor: 3, orders: 4)])
    }

    @Test func fewerThanThreeRecentOrdersSayNothingAboutUsualSize() throws {
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "100000.00"),
                OrderEvents.placed("O1", c1, "10.00", on: "2031-02-01"),
                OrderEvents.placed("O2", c1, "10.00", on: "2031-03-01"),
            ],
            "5000.00"
        )
        #expect(decision.outcome == .accept)
    }

    @Test func aLimitLoweredInTheLast90DaysIsACause() throws {
        // 2031-04-02 is 06-30 − 89: the window's first day; 04-01 is outside.
        let inside = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                OrderEvents.limit(c1, "6000.00", on: "2031-04-02", reason: "late payments"),
            ],
            "100.00"
        )
        #expect(inside.outcome == .warn)
        #expect(inside.causes == [.limitLowered(from: eur("10000.00"), to: eur("6000.00"), on: day("2031-04-02"))])
        #expect(inside.causes[0].amount == eur("4000.00"))
        let outside = try decide(
            [register(c1, on: "2031-01-02", limit: "10000.00"), OrderEvents.limit(c1, "6000.00", on: "2031-04-01")],
            "100.00"
        )
        #expect(outside.outcome == .accept)
    }

    @Test func onlyDecisionsThatLowerTheEffectiveLimitCount() throws {
        // Raised, then an update of the registered limit hidden by the decision in force,
        // then a temporary limit lower than the one in force.
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                OrderEvents.limit(c1, "12000.00", on: "2031-05-01"),
                OrderEvents.updated(c1, limit: "3000.00", on: "2031-05-10"),
                OrderEvents.limit(c1, "8000.00", on: "2031-06-01", until: "2031-06-10"),
                OrderEvents.updated(c1, limit: "2000.00", policy: .block, on: "2031-06-20"),
            ],
            "100.00"
        )
        #expect(decision.limit == eur("12000.00"))
        #expect(decision.causes == [.limitLowered(from: eur("12000.00"), to: eur("8000.00"), on: day("2031-06-01"))])
        // Lowered by an update when no decision is in force.
        let updated = try decide(
            [
                register(c1, on: "2031-01-02", limit: "10000.00"),
                OrderEvents.updated(c1, limit: "7000.00", on: "2031-06-01"),
            ],
            "100.00"
        )
        #expect(updated.causes == [.limitLowered(from: eur("10000.00"), to: eur("7000.00"), on: day("2031-06-01"))])
    }

    @Test func everyCauseThatAppliesIsListedInItsOrder() throws {
        var events =
            arrears + [
                OrderEvents.dispute("D1", on: "F3", amount: "50.00", opened: "2031-06-16"),
                OrderEvents.limit(c1, "2000.00", on: "2031-06-01"),
                OrderEvents.blocked(c1, on: "2031-06-29"),
            ]
        events[0] = register(c1, on: "2031-01-02", limit: "10000.00", policy: .block)
        let decision = try decide(events, "500.00")
        #expect(decision.outcome == .refuse)
        #expect(
            decision.causes.map(\.kind) == [.blocked, .overLimit, .overdueInvoices, .openDisputes, .limitLowered]
        )
        #expect(decision.causes[0] == .blocked(since: day("2031-06-29"), reason: nil))
        #expect(decision.causes[1] == .overLimit(excess: eur("600.00")))
    }

    // MARK: - Ways out

    @Test func theDepositCannotSufficeAloneWhenAlreadyOverTheLimit() throws {
        // 1200.00 of 1000.00 already; an order of 300.00 needs 500.00 of room: a deposit of
        // the whole 300.00 leaves 200.00 over.
        let decision = try decide(
            [register(c1, on: "2031-01-02", limit: "1000.00"), invoice("F1", c1, "1200.00", on: "2031-06-20")],
            "300.00"
        )
        #expect(decision.causes == [.overLimit(excess: eur("500.00"))])
        #expect(decision.waysOut.first == .deposit(amount: eur("300.00"), sufficient: false))
        #expect(
            decision.waysOut.last
                == .temporaryLimit(increase: eur("500.00"), limit: eur("1500.00"), until: day("2031-08-29"))
        )
    }

    /// Limit 2000.00; F1 400.00 due 05-01 and F2 700.00 due 05-31 are past due, F3 600.00
    /// is not: exposure 1700.00.
    var overdueRoom: [Event] {
        [
            register(c1, on: "2031-01-02", terms: 45, limit: "2000.00"),
            invoice("F2", c1, "700.00", on: "2031-04-16", due: "2031-05-31"),
            invoice("F1", c1, "400.00", on: "2031-03-17", due: "2031-05-01"),
            invoice("F3", c1, "600.00", on: "2031-06-20"),
        ]
    }

    @Test func payingOverdueInvoicesOldestFirstUntilThereIsRoom() throws {
        // 800.00 takes it to 2500.00: 500.00 needed; F1 (400.00) is not enough, F1 and F2 are.
        let decision = try decide(overdueRoom, "800.00")
        #expect(decision.outcome == .warn)
        #expect(
            decision.waysOut == [
                .deposit(amount: eur("500.00"), sufficient: true),
                .payOverdue(
                    invoices: [
                        .init(invoice: "F1", dueOn: day("2031-05-01"), open: eur("400.00")),
                        .init(invoice: "F2", dueOn: day("2031-05-31"), open: eur("700.00")),
                    ],
                    amount: eur("1100.00"),
                    shortfall: .zero
                ),
                .paymentPlan(
                    amount: eur("1100.00"),
                    instalments: [
                        .init(dueOn: day("2031-07-07"), amount: eur("366.68")),
                        .init(dueOn: day("2031-08-06"), amount: eur("366.66")),
                        .init(dueOn: day("2031-09-05"), amount: eur("366.66")),
                    ]
                ),
                .shorterTerms(amount: eur("800.00"), termsDays: 0, customerTermsDays: 45),
                // Terms 45: 06-30 + 45 + 30 = 09-13.
                .temporaryLimit(increase: eur("500.00"), limit: eur("2500.00"), until: day("2031-09-13")),
            ]
        )
    }

    @Test func whenAllOverdueInvoicesAreNotEnoughTheShortfallIsGiven() throws {
        // 1800.00 takes it to 3500.00: 1500.00 needed; the 1100.00 overdue leaves 400.00.
        let decision = try decide(overdueRoom, "1800.00")
        guard case .payOverdue(let invoices, let amount, let shortfall) = decision.waysOut[1] else {
            Issue.record("no pay_overdue: \(decision.waysOut)")
            return
        }
        #expect(invoices.map(\.invoice) == ["F1", "F2"])
        #expect(amount == eur("1100.00"))
        #expect(shortfall == eur("400.00"))
    }

    @Test func shorterTermsAreOfferedOnlyWhenShorterThanTheCustomers() throws {
        let cash = try decide(
            [register(c1, on: "2031-01-02", terms: 0, limit: "100.00")],
            "150.00"
        )
        #expect(cash.waysOut.map(\.kind) == [.deposit, .temporaryLimit])
        var rules = OrderRules.standard
        rules.shorterTermsDays = 15
        rules.temporaryLimitGraceDays = 10
        let fifteen = try decide([register(c1, on: "2031-01-02", terms: 30, limit: "100.00")], "150.00", rules: rules)
        #expect(
            fifteen.waysOut == [
                .deposit(amount: eur("50.00"), sufficient: true),
                .shorterTerms(amount: eur("150.00"), termsDays: 15, customerTermsDays: 30),
                .temporaryLimit(increase: eur("50.00"), limit: eur("150.00"), until: day("2031-08-09")),
            ]
        )
    }

    @Test(arguments: [
        ("100.00", 3, ["33.34", "33.33", "33.33"]),
        ("1000.00", 3, ["333.34", "333.33", "333.33"]),
        ("0.02", 3, ["0.01", "0.01"]),
        ("0.03", 3, ["0.01", "0.01", "0.01"]),
        ("10.05", 4, ["2.52", "2.51", "2.51", "2.51"]),
        ("99.99", 1, ["99.99"]),
    ])
    func thePaymentPlanSharesTheCentsExactly(total: String, count: Int, amounts: [String]) throws {
        var rules = OrderRules.standard
        rules.instalments = count
        rules.firstInstalmentDays = 0
        rules.instalmentIntervalDays = 10
        let decision = try decide(
            [
                register(c1, on: "2031-01-02", limit: "100000.00"),
                invoice("F1", c1, total, on: "2031-05-01", due: "2031-05-15"),
            ],
            "1.00",
            rules: rules
        )
        guard case .paymentPlan(let arrears, let instalments) = decision.waysOut.last else {
            Issue.record("no payment plan: \(decision.waysOut)")
            return
        }
        #expect(arrears == eur(total))
        #expect(instalments.map(\.amount.decimalString) == amounts)
        let days = ["2031-06-30", "2031-07-10", "2031-07-20", "2031-07-30"].prefix(amounts.count)
        #expect(instalments.map(\.dueOn.description) == Array(days))
    }
}

/// The decision as the API and the CLI write it.
@Suite struct OrderDecisionReportTests {
    @Test func theJSONHasEveryKeyInItsOrder() throws {
        let ledger = try appendOneByOne([
            register("C1", on: "2031-01-02", limit: "1000.00", policy: .block),
            invoice("F1", "C1", "900.00", on: "2031-04-01", due: "2031-05-01"),
            OrderEvents.blocked("C1", on: "2031-06-01", reason: "unpaid \"F1\""),
        ])
        let decision = try #require(ledger.decideOrder(customer: "C1", amount: eur("300.00"), on: day("2031-06-30")))
        #expect(
            decision.json
                == #"{"customer":"C1","on":"2031-06-30","amount":"300.00","decision":"refuse","policy":"block","exposure_before":"900.00","exposure_after":"1200.00","limit":"1000.00","headroom_before":"100.00","headroom_after":"-200.00","causes":[{"cause":"blocked","amount":null,"since":"2031-06-01","reason":"unpaid \"F1\""},{"cause":"over_limit","amount":"200.00"},{"cause":"overdue_invoices","amount":"900.00","count":1,"oldest_days_late":60}],"ways_out":[{"way":"deposit","amount":"200.00","sufficient":true},{"way":"pay_overdue","amount":"900.00","invoices":[{"invoice":"F1","due_on":"2031-05-01","open":"900.00"}],"shortfall":"0.00"},{"way":"payment_plan","amount":"900.00","instalments":[{"due_on":"2031-07-07","amount":"300.00"},{"due_on":"2031-08-06","amount":"300.00"},{"due_on":"2031-09-05","amount":"300.00"}]},{"way":"shorter_terms","amount":"300.00","terms_days":0,"customer_terms_days":30},{"way":"temporary_limit","amount":"200.00","limit":"1200.00","until":"2031-08-29"}]}"#
        )
        #expect(
            decision.table.text
                == """
                figure                     value  detail
                -----------------------  -------  ----------------------------------------------------------------
                decision                  refuse  policy block
                amount                    300.00  order of C1 on 2031-06-30
                exposure_before           900.00
                exposure_after           1200.00
                limit                    1000.00
                headroom_after           -200.00
                cause blocked                     blocked since 2031-06-01: unpaid "F1"
                cause over_limit          200.00  exposure after the order above the limit
                cause overdue_invoices    900.00  1 invoice past due, the oldest 60 days late
                way_out deposit           200.00  deposit paid with the order
                way_out pay_overdue       900.00  F1 (due 2031-05-01, 900.00)
                way_out payment_plan      900.00  300.00 on 2031-07-07, 300.00 on 2031-08-06, 300.00 on 2031-09-05
                way_out shorter_terms     300.00  payment with the order instead of 30 days
                way_out temporary_limit   200.00  temporary limit 1200.00 until 2031-08-29

                """
        )
    }

    @Test func theOtherCausesAsJSON() throws {
        let ledger = try appendOneByOne([
            register("C1", on: "2031-01-02", limit: "100000.00"),
            OrderEvents.placed("O1", "C1", "100.00", on: "2031-02-01"),
            OrderEvents.placed("O2", "C1", "100.00", on: "2031-03-01"),
            OrderEvents.placed("O3", "C1", "100.00", on: "2031-04-01"),
            invoice("F1", "C1", "50.00", on: "2031-06-01"),
            OrderEvents.dispute("D1", on: "F1", opened: "2031-06-02"),
            OrderEvents.limit("C1", "90000.00", on: "2031-06-03"),
            register("C2", on: "2031-01-02"),
        ])
        let c1 = try #require(ledger.decideOrder(customer: "C1", amount: eur("300.01"), on: day("2031-06-30")))
        #expect(
            c1.json.contains(
                #""causes":[{"cause":"open_disputes","amount":"50.00","count":1},{"cause":"unusual_size","amount":"300.01","median":"100.00","factor":3,"threshold":"300.00","orders":3},{"cause":"limit_lowered","amount":"10000.00","from":"100000.00","to":"90000.00","on":"2031-06-03"}],"ways_out":[]}"#
            ),
            "\(c1.json)"
        )
        let c2 = try #require(ledger.decideOrder(customer: "C2", amount: eur("1.00"), on: day("2031-06-30")))
        #expect(
            c2.json
                == #"{"customer":"C2","on":"2031-06-30","amount":"1.00","decision":"warn","policy":"alert","exposure_before":"0.00","exposure_after":"1.00","limit":null,"headroom_before":null,"headroom_after":null,"causes":[{"cause":"no_limit","amount":null}],"ways_out":[]}"#
        )
    }
}
