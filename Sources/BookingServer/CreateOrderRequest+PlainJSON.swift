import BookingAPI
import BookingCore
import Foundation

extension CreateOrderRequest {
    /// The request a plain JSON body holds, equal to what `APIJSON.decoder()` makes of it;
    /// nil when the body uses anything else (unknown keys, a value of another type, an
    /// instant not written as `YYYY-MM-DDTHH:MM:SSZ`): the decoder then reads it and words
    /// any error.
    init?(plainJSON body: [UInt8]) {
        guard let json = PlainJSON.parse(body),
            let fields = Fields(json, allowed: Self.keys),
            let clientID = fields.string("clientID"),
            let draft = fields.value("draft").flatMap(OrderDraft.init(plain:)),
            let customer = fields.value("customer").flatMap(CustomerData.init(plain:)),
            let total = fields.value("expectedTotal").flatMap(Money.init(plain:)),
            let holdID = fields.optionalInteger("holdID"),
            let force = fields.bool("force"), let takenOffline = fields.bool("takenOffline")
        else { return nil }
        self.init(
            clientID: clientID, draft: draft, customer: customer, expectedTotal: total,
            holdID: holdID.value.map { HoldID($0) }, force: force, takenOffline: takenOffline)
    }

    private static let keys: Set<String> = [
        "clientID", "draft", "customer", "expectedTotal", "holdID", "force", "takenOffline",
    ]
}

extension OrderDraft {
    fileprivate init?(plain json: PlainJSON) {
        guard let fields = Fields(json, allowed: Self.keys),
            let branch = fields.integer("branchID"),
            let returnBranch = fields.optionalInteger("returnBranchID"),
            let start = fields.string("start").flatMap(Self.instant),
            let end = fields.string("end").flatMap(Self.instant),
            let persons = fields.optionalInteger("persons"),
            let offers = fields.items("offers"),
            let options = fields.value("options") == nil ? [] : fields.items("options")
        else { return nil }
        self.init(
            branchID: BranchID(branch), returnBranchID: returnBranch.value.map { BranchID($0) },
            start: start, end: end, persons: Int(persons.value ?? 1), offers: offers,
            options: options)
    }

    private static let keys: Set<String> = [
        "branchID", "returnBranchID", "start", "end", "persons", "offers", "options",
    ]

    /// `YYYY-MM-DDTHH:MM:SSZ` with every field in range, as the `.iso8601` strategy reads it.
    private static func instant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[19] == UInt8(ascii: "Z") else { return nil }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2),
            let day = number(bytes, 8, 2), let hour = number(bytes, 11, 2),
            let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            (1970...9999).contains(year), (1...12).contains(month), hour < 24, minute < 60,
            second < 60, let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        let days = date.daysSinceEpoch
        return Date(
            timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension CustomerData {
    fileprivate init?(plain json: PlainJSON) {
        guard let fields = Fields(json, allowed: Self.keys),
            let lastName = fields.string("lastName"), let email = fields.string("email"),
            let terms = fields.bool("termsAccepted")
        else { return nil }
        var texts: [String: String] = [:]
        for key in Self.optionalTexts {
            guard let text = fields.optionalString(key) else { return nil }
            texts[key] = text.value
        }
        self.init(
            salutation: texts["salutation"], firstName: texts["firstName"], lastName: lastName,
            email: email, street: texts["street"], houseNumber: texts["houseNumber"],
            postalCode: texts["postalCode"], city: texts["city"], country: texts["country"],
            phone: texts["phone"], note: texts["note"], termsAccepted: terms)
    }

    private static let optionalTexts = [
        "salutation", "firstName", "street", "houseNumber", "postalCode", "city", "country",
        "phone", "note",
    ]

    private static let keys = Set(optionalTexts + ["lastName", "email", "termsAccepted"])
}

extension Money {
    fileprivate init?(plain json: PlainJSON) {
        guard let fields = Fields(json, allowed: ["cents", "currency"]),
            let cents = fields.integer("cents"), let currency = fields.string("currency")
        else { return nil }
        self.init(cents: cents, currency: Currency(rawValue: currency))
    }
}

/// An optional field that was read: `value` is nil when the key is absent or null.
private struct Present<T> {
    let value: T?
}

/// The members of a plain JSON object whose keys are all among those a type reads.
private struct Fields {
    let members: [String: PlainJSON]

    init?(_ json: PlainJSON, allowed: Set<String>) {
        guard case .object(let members) = json, members.keys.allSatisfy(allowed.contains)
        else { return nil }
        self.members = members
    }

    func value(_ key: String) -> PlainJSON? {
        members[key]
    }

    func string(_ key: String) -> String? {
        guard case .string(let text) = members[key] else { return nil }
        return text
    }

    func integer(_ key: String) -> Int64? {
        guard case .integer(let number) = members[key] else { return nil }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard case .bool(let flag) = members[key] else { return nil }
        return flag
    }

    func optionalString(_ key: String) -> Present<String>? {
        switch members[key] {
        case nil, .null: return Present(value: nil)
        case .string(let text): return Present(value: text)
        default: return nil
        }
    }

    func optionalInteger(_ key: String) -> Present<Int64>? {
        switch members[key] {
        case nil, .null: return Present(value: nil)
        case .integer(let number): return Present(value: number)
        default: return nil
        }
    }

    /// Order items: `[{"offerID": 1, "quantity": 2}]`.
    func items(_ key: String) -> [OrderItem]? {
        guard case .array(let elements) = members[key] else { return nil }
        var items: [OrderItem] = []
        for element in elements {
            guard let item = Fields(element, allowed: ["offerID", "quantity"]),
                let offer = item.integer("offerID"), let quantity = item.integer("quantity")
            else { return nil }
            items.append(OrderItem(OfferID(offer), quantity: Int(quantity)))
        }
        return items
    }
}
