/// Why a draft cannot be priced. Every kind of bad input has its own case; none crashes.
public enum QuoteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No offer chosen (options alone do not make an order).
    case emptyOrder
    case endNotAfterStart
    /// The period or the booking time lies outside the years 1...9999.
    case outOfRange
    case nonPositivePersons
    /// More persons than `OrderDraft.maximumPersons`.
    case personsAboveLimit(maximum: Int)
    /// Longer than `OrderDraft.maximumDays`.
    case periodTooLong(maximumDays: Int)
    case unknownOffer(OfferID)
    /// The same offer or option was chosen twice; give one item with the total quantity.
    case duplicateItem(OfferID)
    /// Listed among the options, but not an offer of an option category.
    case notAnOption(OfferID)
    /// An option listed among the offers.
    case optionAmongOffers(OfferID)
    /// The offer belongs to another branch than the draft's pickup branch.
    case otherBranch(OfferID)
    /// The draft returns at another branch, which this offer does not allow.
    case returnElsewhereNotAllowed(OfferID)
    case nonPositiveQuantity(OfferID)
    case quantityTooLarge(OfferID, maximum: Int)
    case tooManyPersons(OfferID, maximum: Int)
    case invalidVATRate(OfferID)
    /// Amounts in different currencies cannot be added up.
    case mixedCurrencies
    /// A line or the total does not fit in `Int64` cents.
    case amountTooLarge
    /// The account's prepayment percentage or days are out of range.
    case invalidPrepaymentPolicy

    /// A stable snake_case code for the API's error envelope and for logs.
    public var code: String { details.code }

    /// An English sentence for logs and API messages; the desk words its own.
    public var description: String { details.message }

    private var details: (code: String, message: String) {
        switch self {
        case .emptyOrder: return ("empty_order", "the order has no offer")
        case .endNotAfterStart: return ("end_not_after_start", "the end must be after the start")
        case .outOfRange: return ("out_of_range", "a time lies outside the years 1 to 9999")
        case .nonPositivePersons: return ("invalid_persons", "persons must be at least 1")
        case .personsAboveLimit(let maximum):
            return ("invalid_persons", "persons must be at most \(maximum)")
        case .periodTooLong(let days):
            return ("period_too_long", "a rental lasts at most \(days) days")
        case .unknownOffer(let id): return ("unknown_offer", "offer \(id) does not exist")
        case .duplicateItem(let id): return ("duplicate_item", "offer \(id) is chosen twice")
        case .notAnOption(let id): return ("not_an_option", "offer \(id) is not an option")
        case .optionAmongOffers(let id):
            return ("option_among_offers", "option \(id) is listed as an offer")
        case .otherBranch(let id): return ("other_branch", "offer \(id) is at another branch")
        case .returnElsewhereNotAllowed(let id):
            return ("return_elsewhere", "offer \(id) must come back to its own branch")
        case .nonPositiveQuantity(let id):
            return ("invalid_quantity", "the quantity of offer \(id) must be at least 1")
        case .quantityTooLarge(let id, let maximum):
            return ("invalid_quantity", "the quantity of offer \(id) is above \(maximum)")
        case .tooManyPersons(let id, let maximum):
            return ("too_many_persons", "offer \(id) takes at most \(maximum) persons")
        case .invalidVATRate(let id): return ("invalid_vat_rate", "offer \(id) has a bad VAT rate")
        case .mixedCurrencies: return ("mixed_currencies", "the amounts are in several currencies")
        case .amountTooLarge: return ("amount_too_large", "the amount is too large")
        case .invalidPrepaymentPolicy:
            return ("invalid_prepayment_policy", "the prepayment setting is out of range")
        }
    }
}
