import BookingAPI
import BookingCore
import BookingStore
import Foundation
import HTTPServer
import Secrets

/// Users, for admins: list, create (password generated and mailed), admin flag,
/// restrictions, deactivate, delete, new password, export.
extension APIServer {
    func listUsers(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.users(scope: request.scope))
    }

    func showUser(_ request: APIRequest) throws -> HTTPResponse {
        guard let user = try store.user(request.id(), scope: request.scope) else {
            throw APIFailure.notFound("user")
        }
        return try Self.json(user)
    }

    /// `POST /users`: a staff user; the generated password goes out by mail only.
    func createUser(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(NewUserRequest.self)
        let username = try Validation.username(body.username)
        let name = try Validation.text(body.name, field: "name", required: true)
        let email = try Validation.email(body.email, field: "email")
        let password = Secrets.generatePassword()
        let user = try store.createStaffUser(
            username: username, name: name, email: email, passwordHash: try hash(password),
            scope: request.scope, now: request.now)
        let mail = mailPassword(password, to: user, account: request.caller.account, .newLogin)
        return try Self.json(UserCreated(user: user, passwordMail: mail), status: 201)
    }

    func deleteUser(_ request: APIRequest) throws -> HTTPResponse {
        try store.deleteUser(request.id(), scope: request.scope, now: request.now)
        return Self.noContent()
    }

    func setAdminFlag(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(AdminFlagRequest.self)
        return try Self.json(
            try store.setAdmin(request.id(), body.isAdmin, scope: request.scope, now: request.now))
    }

    /// `PUT /users/{id}/restrictions`: nil lifts a restriction; an empty list is refused.
    func setRestrictions(_ request: APIRequest) throws -> HTTPResponse {
        let body = try request.decode(RestrictionsRequest.self)
        for (list, field) in [
            (body.branchIDs?.count, "branchIDs"), (body.categoryIDs?.count, "categoryIDs"),
        ]
        where list == 0 {
            throw APIFailure.invalidInput(
                "\(field) needs at least one id, or null for all", field: field)
        }
        let user = try store.setRestrictions(
            request.id(), branches: body.branchIDs.map(Set.init),
            categories: body.categoryIDs.map(Set.init), scope: request.scope, now: request.now)
        return try Self.json(user)
    }

    func clearRestrictions(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(
            try store.setRestrictions(
                request.id(), branches: nil, categories: nil, scope: request.scope,
                now: request.now))
    }

    func setActive(_ request: APIRequest, _ active: Bool) throws -> HTTPResponse {
        try Self.json(
            try store.setActive(request.id(), active, scope: request.scope, now: request.now))
    }

    /// `POST /users/{id}/password`: a new generated password, mailed; sessions end.
    func resetPassword(_ request: APIRequest) throws -> HTTPResponse {
        guard try store.user(request.id(), scope: request.scope) != nil else {
            throw APIFailure.notFound("user")
        }
        let password = Secrets.generatePassword()
        let user = try store.setPasswordHash(
            request.id(), try hash(password), scope: request.scope, now: request.now)
        let mail = mailPassword(password, to: user, account: request.caller.account, .newPassword)
        return try Self.json(PasswordMailed(passwordMail: mail))
    }

    func exportUser(_ request: APIRequest) throws -> HTTPResponse {
        try Self.json(try store.exportUser(request.id(), scope: request.scope, now: request.now))
    }

    // MARK: - Passwords

    /// Argon2id of `password`, in one of the few hashing slots.
    func hash(_ password: String) throws -> String {
        try withHashingSlot { try hasher.hash(password) }
    }

    /// Mails a generated password to `user`; the password is in the mail only.
    func mailPassword(
        _ password: String, to user: UserRecord, account: AccountInfo,
        _ occasion: PasswordMail.Occasion
    ) -> MailDelivery {
        mailer.send(
            to: user.email, name: user.name, subject: PasswordMail.subject,
            body: PasswordMail.body(
                name: user.name, account: account.slug, username: user.username,
                password: password, occasion: occasion))
    }
}

/// The checks of names and addresses that users and guides type.
enum Validation {
    /// 1 to 64 characters without spaces or control characters; `*` is the support
    /// account's and cannot be a user name.
    static func username(_ text: String, field: String = "username") throws -> String {
        let ok =
            (1...64).contains(text.count) && text != LoginRequest.supportAccount
            && text.unicodeScalars.allSatisfy { $0.value > 32 && $0.value != 127 }
        guard ok else {
            throw APIFailure.invalidInput(
                "\(field) must be 1 to 64 characters without spaces", field: field)
        }
        return text
    }

    /// Trimmed text of at most `limit` characters without control characters.
    static func text(_ text: String, field: String, required: Bool = false, limit: Int = 200)
        throws -> String
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= limit, !trimmed.unicodeScalars.contains(where: { $0.value < 32 })
        else {
            throw APIFailure.invalidInput(
                "\(field) must be at most \(limit) characters on one line", field: field)
        }
        guard !required || !trimmed.isEmpty else {
            throw APIFailure.invalidInput("\(field) is required", field: field)
        }
        return trimmed
    }

    /// An address mail can be sent to (ASCII, one `@`, no spaces or brackets).
    static func email(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 254, MailSettings.address(trimmed)?.name == nil,
            MailSettings.address(trimmed) != nil
        else { throw APIFailure.invalidInput("\(field) is not an e-mail address", field: field) }
        return trimmed
    }
}
