import EncoursCore

extension Simulation {
    /// Opens the account (`customer.registered`) and starts its life: sales, the weekly
    /// dunning review, and account management through the period.
    mutating func register(_ index: Int) {
        let customer = customers[index]
        let plan = customer.plan
        let names = CompanyNames.draw(random: &random)
        let young = percent(15)
        let age = young ? random.int(in: 30...1000) : random.int(in: 1100...21_900)
        // Terms of 30 days and the alert policy are the defaults: often left out.
        let profile = CustomerProfile(
            legalName: names.legal,
            tradeName: names.trade,
            siren: Siren.number(index: index, seed: configuration.seed),
            incorporatedOn: today.adding(days: -age),
            salesRep: customer.salesRepID,
            termsDays: customer.termsDays == 30 && percent(50) ? nil : customer.termsDays,
            creditLimit: customer.limitCents.map { Money(minorUnits: $0) },
            policy: customer.policy == .alert && percent(50) ? nil : customer.policy
        )
        outbox.append(.customerRegistered(CustomerRegistered(customer: customer.id, profile: profile, on: today)))
        if young && percent(50) {
            note(
                index,
                "Société de moins de 3 ans : surveiller les premiers règlements",
                tags: ["risk", "new_customer"]
            )
        }

        let customerIndex = Int32(index)
        if plan.invoiceQuota > 0 {
            agenda.schedule(.sale(customer: customerIndex), on: max(today, slotDay(index, slot: 0)), today: today)
        }
        var untilReview = (plan.reviewWeekday - BusinessCalendar.weekday(today) + 7) % 7
        if untilReview == 0 { untilReview = 7 }
        agenda.schedule(.dunningReview(customer: customerIndex), on: today.adding(days: untilReview), today: today)
        let remainingDays = end.days(since: today)
        if remainingDays > 0 {
            let managementCount =
                1 + random.below(3) + (plan.isKeyAccount ? 4 : 0) + min(6, plan.invoiceQuota / 150)
            for _ in 0..<managementCount {
                schedule(.manageAccount(customer: customerIndex), inDays: 1 + random.below(remainingDays))
            }
        }
    }

    /// The day of the customer's `slot`-th invoice: slots are spread evenly from its
    /// registration to the end of the period, on business days.
    func slotDay(_ index: Int, slot: Int) -> Day {
        let plan = customers[index].plan
        let window = end.days(since: plan.registeredOn) + 1
        let offset = (2 * slot + 1) * window / (2 * plan.invoiceQuota)
        let day = plan.registeredOn.adding(days: offset)
        guard BusinessCalendar.isWeekend(day) else { return day }
        let before = BusinessCalendar.businessDay(onOrBefore: day)
        if before >= plan.registeredOn { return before }
        let after = BusinessCalendar.businessDay(onOrAfter: day)
        return after <= end ? after : day
    }

    /// A credit manager's or sales rep's decision on the account: terms, rep, limit, a
    /// note, or a commercial credit note.
    mutating func manageAccount(_ index: Int) {
        let draw = random.below(100)
        switch draw {
        case 0..<12: changeTerms(index)
        case 12..<22: changeSalesRep(index)
        case 22..<42: revisePermanentLimit(index)
        case 42..<54: grantTemporaryLimit(index)
        case 54..<60: changePolicy(index)
        case 60..<86: logAccountNote(index)
        default: issueCommercialCreditNote(index)
        }
    }

    private mutating func changeTerms(_ index: Int) {
        let current = customers[index].termsDays
        let terms = random.pick([30, 45, 60].filter { $0 != current })
        customers[index].termsDays = terms
        update(index, CustomerProfile(termsDays: terms))
    }

    private mutating func changeSalesRep(_ index: Int) {
        let current = customers[index].salesRep
        var rep = random.int(in: 1...11)
        if rep >= current { rep += 1 }
        customers[index].salesRep = rep
        update(index, CustomerProfile(salesRep: customers[index].salesRepID))
    }

    private mutating func changePolicy(_ index: Int) {
        let policy: CreditPolicy = customers[index].policy == .alert ? .block : .alert
        customers[index].policy = policy
        // A policy change often comes with a registered limit of its own.
        var profile = CustomerProfile(policy: policy)
        if percent(50), let limit = customers[index].limitCents, limit > 0 {
            let revised = max(100_000, limit / 100_000 * Int64(random.int(in: 8...12)) / 10 * 100_000)
            customers[index].limitCents = revised
            profile.creditLimit = Money(minorUnits: revised)
        }
        update(index, profile)
    }

    private mutating func revisePermanentLimit(_ index: Int) {
        let reason: String
        let limit: Int64
        switch customers[index].limitCents {
        case nil:
            reason = "Première analyse de solvabilité"
            limit = Int64(random.int(in: 5...80)) * 100_000
        case 0?:
            let opensCredit = percent(50)
            reason = opensCredit ? "Ouverture d'un encours après historique de paiement" : "Paiement comptant maintenu"
            limit = opensCredit ? 500_000 : 0
        case let current?:
            let up = percent(60)
            reason =
                up
                ? random.pick(["Revue annuelle", "Hausse du chiffre d'affaires"])
                : random.pick(["Dégradation de la cotation", "Garantie assurance-crédit réduite", "Revue annuelle"])
            let factor = up ? random.int(in: 110...180) : random.int(in: 40...90)
            limit = max(100_000, current * Int64(factor) / 100 / 100_000 * 100_000)
        }
        customers[index].limitCents = limit
        let event = CreditLimitSet(
            customer: customers[index].id,
            limit: Money(minorUnits: limit),
            reason: reason,
            on: today,
            id: numbering.next(.creditLimit, year: today.year)
        )
        outbox.append(.creditLimitSet(event))
    }

    private mutating func grantTemporaryLimit(_ index: Int) {
        let base = customers[index].limitCents ?? 0
        let limit = max(500_000, base * Int64(random.int(in: 120...200)) / 100 / 100_000 * 100_000)
        let event = CreditLimitSet(
            customer: customers[index].id,
            limit: Money(minorUnits: limit),
            until: today.adding(days: random.int(in: 14...90)),
            reason: random.pick(["Commande exceptionnelle", "Pic saisonnier", "Chantier en cours"]),
            on: today,
            id: numbering.next(.creditLimit, year: today.year)
        )
        outbox.append(.creditLimitSet(event))
    }

    private mutating func logAccountNote(_ index: Int) {
        switch random.below(4) {
        case 0: note(index, "Visite commerciale : activité en hausse", tags: ["visit"])
        case 1: note(index, "Nouvel interlocuteur comptable, coordonnées mises à jour", tags: ["contact"])
        case 2: note(index, "Cotation de risque consultée, pas d'alerte", tags: ["risk"])
        default: note(index, "Relevé de compte envoyé à la demande du client", tags: ["statement"])
        }
    }

    mutating func update(_ index: Int, _ profile: CustomerProfile) {
        let event = CustomerUpdated(
            customer: customers[index].id,
            profile: profile,
            on: today,
            id: numbering.next(.customerUpdate, year: today.year)
        )
        outbox.append(.customerUpdated(event))
    }

    mutating func note(_ index: Int, _ text: String, tags: [String]) {
        let event = NoteLogged(
            customer: customers[index].id,
            text: text,
            tags: tags,
            on: today,
            id: numbering.next(.note, year: today.year)
        )
        outbox.append(.noteLogged(event))
    }
}
