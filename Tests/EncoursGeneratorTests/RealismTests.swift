import EncoursCore
import EncoursGenerator
import Testing

/// Customer files and documents look like a French SME's: ids, SIRENs, reps, amounts.
@Suite struct RealismTests {
    var registrations: [CustomerRegistered] {
        Generated.modestEvents.compactMap {
            if case .customerRegistered(let registered) = $0 { registered } else { nil }
        }
    }

    @Test func sirensAreNineDigitsWithAValidLuhnCheckAndUnique() {
        let sirens = registrations.compactMap(\.profile.siren)
        #expect(sirens.count == registrations.count)
        #expect(Set(sirens).count == sirens.count)
        for siren in sirens {
            let digits = siren.utf8.map { Int($0) - 48 }
            #expect(digits.count == 9 && digits.allSatisfy { (0...9).contains($0) }, "\(siren)")
            let sum = digits.reversed().enumerated().reduce(0) { total, pair in
                let doubled = pair.offset % 2 == 1 ? pair.element * 2 : pair.element
                return total + (doubled > 9 ? doubled - 9 : doubled)
            }
            #expect(sum % 10 == 0, "\(siren) fails the Luhn check")
        }
    }

    @Test func customerFilesAreComplete() {
        let reps = Set((1...12).map { $0 < 10 ? "REP0\($0)" : "REP\($0)" })
        var young = 0
        for registered in registrations {
            #expect(registered.customer.rawValue.count == 7 && registered.customer.rawValue.hasPrefix("C"))
            #expect(registered.profile.legalName.map { $0.split(separator: " ").count >= 2 } == true)
            #expect(registered.profile.salesRep.map { reps.contains($0.rawValue) } == true)
            #expect([nil, 30, 45, 60].contains(registered.profile.termsDays))
            if let incorporated = registered.profile.incorporatedOn, registered.on.days(since: incorporated) < 3 * 365 {
                young += 1
            }
        }
        #expect(young > 0)
    }

    @Test func documentIdsFollowTheirSeries() {
        func matches(_ id: String, _ prefix: String) -> Bool {
            let parts = id.split(separator: "-")
            return parts.count == 3 && parts[0] == prefix && parts[1].count == 4 && parts[2].count == 6
        }
        for event in Generated.modestEvents {
            switch event {
            case .invoiceIssued(let issued): #expect(matches(issued.invoice.rawValue, "FA"))
            case .creditNoteIssued(let note): #expect(matches(note.creditNote.rawValue, "AV"))
            case .paymentReceived(let payment): #expect(matches(payment.payment.rawValue, "RG"))
            case .orderPlaced(let order): #expect(matches(order.order.rawValue, "CMD"))
            case .disputeOpened(let opened): #expect(matches(opened.dispute.rawValue, "LIT"))
            case .promiseMade(let promise): #expect(matches(promise.promise.rawValue, "PR"))
            default: break
            }
        }
    }

    @Test func invoiceAmountsAreRealistic() {
        let amounts = Generated.modestEvents.compactMap {
            if case .invoiceIssued(let issued) = $0 { issued.amount.minorUnits } else { nil }
        }
        #expect(amounts.allSatisfy { $0 >= 1 && $0 <= 5_000_000 })
        #expect(amounts.filter { $0 % 100 != 0 }.count > amounts.count / 2, "amounts carry cents")
        let sorted = amounts.sorted()
        let median = sorted[sorted.count / 2]
        #expect(median > 50_000 && median < 500_000, "median \(median) cents")
    }

    @Test func aFewBigAccountsCarryMuchOfTheBusiness() {
        var perCustomer: [CustomerID: Int] = [:]
        for case .invoiceIssued(let issued) in Generated.modestEvents { perCustomer[issued.customer, default: 0] += 1 }
        let counts = perCustomer.values.sorted(by: >)
        #expect(counts[0] > 5 * counts[counts.count / 2])
    }
}
