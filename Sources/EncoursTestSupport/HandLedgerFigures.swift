/// The reports of a small ledger written by hand, with its figures computed by hand.
///
/// Exists because two test targets build this same ledger: the CLI tests import it as
/// NDJSON lines (`HandLedger`), the store tests append it as events (`HandLedgerEvents`);
/// both must print exactly these figures, so they are written down once.
///
/// Three customers:
/// - C1 (terms 30, registered limit 10000, lowered to 1300 on 2026-03-01): FA-1 1000.00
///   (due 02-09) paid 400.00 by an explicit allocation, FA-2 500.00 (due 03-17) with 200.00
///   disputed. On 03-31: 600.00 is 50 days late, 500.00 is 14 days late; exposure 1100.00
///   ≥ 80 % of 1300.00, so `warning`.
/// - C2 (terms 60, limit 2000): FA-3 1200.00 on 03-01; PAY-2 1500.00 on 03-10 without
///   allocations settles FA-3 and leaves 300.00 unapplied; FA-4 800.00 on 03-20 (due 05-19)
///   is not settled by it. Receivables 800.00 − 300.00 = 500.00.
/// - C3 (no limit): order CMD-1 3000.00; FA-5 1000.00 on 03-25 against it, due 03-30 (1 day
///   late on 03-31); order book 2000.00, exposure 3000.00, `no_limit`.
///
/// DSO on 03-31, countback: sales March 3000.00, February 500.00, January 1000.00.
/// Whole ledger 31 × 2600/3000 = 26.87 → 26.9. C1: March has no sales (+31), February
/// 500 (+28, 600 left), January 31 × 600/1000 = 18.6 → 77.6. C2: 31 × 500/2000 = 7.75 → 7.8.
/// C3: 31 × 1000/1000 = 31.0. Simple (90 days = 01-01 … 03-31, every invoice):
/// 2600/4500 × 90 = 52.0; C1 1100/1500 × 90 = 66.0; C2 500/2000 × 90 = 22.5; C3 90.0.
public enum HandLedgerFigures {
    /// Exposure on 2026-03-31, as compact JSON.
    public static let exposure =
        #"{"as_of":"2026-03-31","customers":["#
        + #"{"customer":"C1","order_book":"0.00","receivables":"1100.00","exposure":"1100.00","limit":"1300.00","headroom":"200.00","status":"warning"},"#
        + #"{"customer":"C2","order_book":"0.00","receivables":"500.00","exposure":"500.00","limit":"2000.00","headroom":"1500.00","status":"ok"},"#
        + #"{"customer":"C3","order_book":"2000.00","receivables":"1000.00","exposure":"3000.00","limit":null,"headroom":null,"status":"no_limit"}"#
        + "]}"

    /// Ageing on 2026-03-31.
    public static let ageing =
        #"{"as_of":"2026-03-31","currency":"EUR","customers":["#
        + #"{"customer":"C1","not_due":"0.00","1_30":"500.00","31_60":"600.00","61_90":"0.00","over_90":"0.00","disputed":"200.00","unapplied":"0.00","total":"1100.00"},"#
        + #"{"customer":"C2","not_due":"800.00","1_30":"0.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"0.00","unapplied":"-300.00","total":"500.00"},"#
        + #"{"customer":"C3","not_due":"0.00","1_30":"1000.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"0.00","unapplied":"0.00","total":"1000.00"}],"#
        + #""total":{"not_due":"800.00","1_30":"1500.00","31_60":"600.00","61_90":"0.00","over_90":"0.00","disputed":"200.00","unapplied":"-300.00","total":"2600.00"}}"#

    /// DSO on 2026-03-31 by the countback method (the default).
    public static let dsoCountback =
        #"{"as_of":"2026-03-31","method":"countback","dso":26.9,"customers":[{"customer":"C1","dso":77.6},{"customer":"C2","dso":7.8},{"customer":"C3","dso":31.0}]}"#

    /// DSO on 2026-03-31 by the simple method.
    public static let dsoSimple =
        #"{"as_of":"2026-03-31","method":"simple","dso":52.0,"customers":[{"customer":"C1","dso":66.0},{"customer":"C2","dso":22.5},{"customer":"C3","dso":90.0}]}"#

    /// Exposure on 02-28: C1's limit is still the registered 10000; C2 owes nothing;
    /// C3 has only its order.
    public static let exposureEarlier =
        #"{"as_of":"2026-02-28","customers":["#
        + #"{"customer":"C1","order_book":"0.00","receivables":"1100.00","exposure":"1100.00","limit":"10000.00","headroom":"8900.00","status":"ok"},"#
        + #"{"customer":"C2","order_book":"0.00","receivables":"0.00","exposure":"0.00","limit":"2000.00","headroom":"2000.00","status":"ok"},"#
        + #"{"customer":"C3","order_book":"3000.00","receivables":"0.00","exposure":"3000.00","limit":null,"headroom":null,"status":"no_limit"}"#
        + "]}"

    /// Ageing on 02-28: FA-1's 600.00 is 19 days late and FA-2 not due; C2 owes nothing
    /// (left out of the ageing).
    public static let ageingEarlier =
        #"{"as_of":"2026-02-28","currency":"EUR","customers":["#
        + #"{"customer":"C1","not_due":"500.00","1_30":"600.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"0.00","unapplied":"0.00","total":"1100.00"}],"#
        + #""total":{"not_due":"500.00","1_30":"600.00","31_60":"0.00","61_90":"0.00","over_90":"0.00","disputed":"0.00","unapplied":"0.00","total":"1100.00"}}"#
}
