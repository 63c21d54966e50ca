import BookingCore
import Foundation

/// A priced draft, as the server computes it with BookingCore's one price function.
public struct PricedOrder: Codable, Sendable, Equatable {
    public var lines: [Line]
    public var vatTotals: [VATTotal]
    public var total: Money
    public var prepayment: Money
    public var prepaymentDue: LocalDate
    /// How VAT was rounded, stored on the order (e.g. `"half_up_per_line"`).
    public var vatRounding: String

    public init(
        lines: [Line], vatTotals: [VATTotal], total: Money, prepayment: Money,
        prepaymentDue: LocalDate, vatRounding: String
    ) {
        self.lines = lines
        self.vatTotals = vatTotals
        self.total = total
        self.prepayment = prepayment
        self.prepaymentDue = prepaymentDue
        self.vatRounding = vatRounding
    }

    public struct Line: Codable, Sendable, Equatable {
        public var offerID: OfferID
        public var name: String
        public var kind: CategoryKind
        public var quantity: Int
        public var persons: Int
        /// Hours, days, nights, persons or 1, as the price rule counts them.
        public var units: Int
        public var priceUnit: PriceUnit
        public var unitPrice: Money
        /// Gross total of the line.
        public var total: Money
        public var vatRate: VATRate
        /// VAT contained in `total`.
        public var vat: Money

        public init(
            offerID: OfferID, name: String, kind: CategoryKind, quantity: Int, persons: Int,
            units: Int, priceUnit: PriceUnit, unitPrice: Money, total: Money, vatRate: VATRate,
            vat: Money
        ) {
            self.offerID = offerID
            self.name = name
            self.kind = kind
            self.quantity = quantity
            self.persons = persons
            self.units = units
            self.priceUnit = priceUnit
            self.unitPrice = unitPrice
            self.total = total
            self.vatRate = vatRate
            self.vat = vat
        }
    }

    public struct VATTotal: Codable, Sendable, Equatable {
        public var rate: VATRate
        public var amount: Money

        public init(rate: VATRate, amount: Money) {
            self.rate = rate
            self.amount = amount
        }
    }
}

/// `POST /api/v1/holds`: keep the draft's units for a few minutes while the customer's data
/// is typed. Answer: `Hold`.
public struct HoldRequest: Codable, Sendable, Equatable {
    public var draft: OrderDraft

    public init(draft: OrderDraft) {
        self.draft = draft
    }
}

/// Units held for a draft until `expiresAt`, or until they become an order.
public struct HoldInfo: Codable, Sendable, Equatable {
    public var id: HoldID
    public var draft: OrderDraft
    public var expiresAt: Date

    public init(id: HoldID, draft: OrderDraft, expiresAt: Date) {
        self.id = id
        self.draft = draft
        self.expiresAt = expiresAt
    }
}

/// The customer's data as taken at the counter (step "Daten").
public struct CustomerData: Codable, Sendable, Equatable {
    public var salutation: String?
    public var firstName: String?
    /// Required.
    public var lastName: String
    /// Required; one customer per e-mail address in an account.
    public var email: String
    public var street: String?
    public var houseNumber: String?
    public var postalCode: String?
    public var city: String?
    /// Defaults to Germany at the desk.
    public var country: String?
    public var phone: String?
    /// Bemerkung: a remark for the branch.
    public var note: String?
    public var termsAccepted: Bool

    public init(
        salutation: String? = nil, firstName: String? = nil, lastName: String, email: String,
        street: String? = nil, houseNumber: String? = nil, postalCode: String? = nil,
        city: String? = nil, country: String? = nil, phone: String? = nil,
        note: String? = nil, termsAccepted: Bool
    ) {
        self.salutation = salutation
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.street = street
        self.houseNumber = houseNumber
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.phone = phone
        self.note = note
        self.termsAccepted = termsAccepted
    }
}

/// `POST /api/v1/orders` with header `Idempotency-Key: <clientID>`.
public struct CreateOrderRequest: Codable, Sendable, Equatable {
    /// A UUID the client chose before it first stored the order; also the idempotency key.
    public var clientID: String
    public var draft: OrderDraft
    public var customer: CustomerData
    /// The total the client showed the customer; the server refuses a different one.
    public var expectedTotal: Money
    /// The hold that becomes this order, if one was placed.
    public var holdID: HoldID?
    /// Overbook on purpose (a walk-in already handed over); recorded in the audit log.
    public var force: Bool
    /// Taken while the desk was offline and sent later.
    public var takenOffline: Bool

    public init(
        clientID: String, draft: OrderDraft, customer: CustomerData, expectedTotal: Money,
        holdID: HoldID? = nil, force: Bool = false, takenOffline: Bool = false
    ) {
        self.clientID = clientID
        self.draft = draft
        self.customer = customer
        self.expectedTotal = expectedTotal
        self.holdID = holdID
        self.force = force
        self.takenOffline = takenOffline
    }
}

/// An order as stored on the server.
public struct OrderInfo: Codable, Sendable, Equatable {
    public var id: OrderID
    /// The readable number per account, e.g. `"2026-000042"`.
    public var number: String
    public var clientID: String
    public var status: OrderStatus
    public var draft: OrderDraft
    public var customerID: CustomerID
    public var customer: CustomerData
    public var priced: PricedOrder
    public var createdAt: Date
    public var takenOffline: Bool
    public var forced: Bool

    public init(
        id: OrderID, number: String, clientID: String, status: OrderStatus, draft: OrderDraft,
        customerID: CustomerID, customer: CustomerData, priced: PricedOrder, createdAt: Date,
        takenOffline: Bool, forced: Bool
    ) {
        self.id = id
        self.number = number
        self.clientID = clientID
        self.status = status
        self.draft = draft
        self.customerID = customerID
        self.customer = customer
        self.priced = priced
        self.createdAt = createdAt
        self.takenOffline = takenOffline
        self.forced = forced
    }
}

/// `GET /api/v1/orders`: one page of matching orders, newest first.
public struct OrderList: Codable, Sendable, Equatable {
    public var orders: [OrderInfo]
    /// Pass as `after` to get the next page; nil on the last page.
    public var nextCursor: String?

    public init(orders: [OrderInfo], nextCursor: String?) {
        self.orders = orders
        self.nextCursor = nextCursor
    }
}
