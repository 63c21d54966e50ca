import BookingCore
import Foundation

/// A postal address; every part optional.
public struct PostalAddress: Codable, Sendable, Equatable {
    public var street: String?
    public var houseNumber: String?
    public var postalCode: String?
    public var city: String?
    public var country: String?

    public init(
        street: String? = nil, houseNumber: String? = nil, postalCode: String? = nil,
        city: String? = nil, country: String? = nil
    ) {
        self.street = street
        self.houseNumber = houseNumber
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }
}

/// Where a guide's fees are paid. The IBAN's check digits are checked when it is decoded.
public struct BankDetails: Codable, Sendable, Equatable {
    public var accountHolder: String
    public var iban: IBAN
    public var bic: String?

    public init(accountHolder: String, iban: IBAN, bic: String? = nil) {
        self.accountHolder = accountHolder
        self.iban = iban
        self.bic = bic
    }
}

/// A tour guide's record as an admin keeps it: `POST /api/v1/guides` and
/// `PUT /api/v1/guides/{id}` send it whole.
public struct GuideData: Codable, Sendable, Equatable {
    /// The guide's contract number, unique in the account.
    public var contractNumber: String
    public var name: String
    /// Needed for "create access": the generated password is mailed here.
    public var email: String?
    public var address: PostalAddress?
    public var phones: [String]
    public var bank: BankDetails?
    /// Steuernummer.
    public var taxNumber: String?
    /// USt-IdNr., for guides who charge VAT.
    public var vatID: String?

    public init(
        contractNumber: String, name: String, email: String? = nil,
        address: PostalAddress? = nil, phones: [String] = [], bank: BankDetails? = nil,
        taxNumber: String? = nil, vatID: String? = nil
    ) {
        self.contractNumber = contractNumber
        self.name = name
        self.email = email
        self.address = address
        self.phones = phones
        self.bank = bank
        self.taxNumber = taxNumber
        self.vatID = vatID
    }
}

/// A stored guide: the record, and the user they log in as once access was created.
public struct GuideRecord: Codable, Sendable, Equatable {
    public var id: GuideID
    public var data: GuideData
    /// The guide's log-in, made by `POST /api/v1/guides/{id}/access`; nil before.
    public var userID: UserID?

    public init(id: GuideID, data: GuideData, userID: UserID?) {
        self.id = id
        self.data = data
        self.userID = userID
    }
}

/// `POST /api/v1/guides/{id}/access`: make the guide's log-in. The password is generated
/// and mailed to the guide's e-mail address.
public struct GuideAccessRequest: Codable, Sendable, Equatable {
    public var username: String

    public init(username: String) {
        self.username = username
    }
}
