/// The thresholds an order decision uses beyond the customer's own limit and policy: what
/// counts as an unusual order, how recent a lowered limit must be to matter, and how the
/// ways out are shaped (the `[orders]` section of the daemon's configuration).
///
/// They are settings, not constants, because each credit department draws these lines
/// itself; the defaults are the readings of docs/definitions.md, "Order decisions".
public struct OrderRules: Sendable, Hashable {
    /// An order is of unusual size above this many times the customer's median order.
    public var unusualSizeFactor = 3
    /// The median is taken over the orders placed in this many days up to the order's date.
    public var unusualSizeLookbackDays = 365
    /// Fewer orders than this in the look-back say nothing about a usual size.
    public var unusualSizeMinimumOrders = 3
    /// A limit lowered this many days before the order, or fewer, is a cause.
    public var limitLoweredDays = 90
    /// The payment plan spreads the arrears over this many monthly instalments.
    public var instalments = 3
    /// The first instalment falls due this many days after the order's date.
    public var firstInstalmentDays = 7
    /// Then one instalment every this many days.
    public var instalmentIntervalDays = 30
    /// The payment terms offered instead of the customer's own (0: payment with the order,
    /// "paiement comptant").
    public var shorterTermsDays = 0
    /// A temporary limit runs to the order's date + the customer's terms + this many days:
    /// long enough for the order's invoice to fall due and be paid.
    public var temporaryLimitGraceDays = 30

    public init() {}

    public static let standard = OrderRules()
}
