import BookingAPI
import BookingCore
import DeskClient
import Foundation
import Logging
import OfflineCache

/// Keeps the desk's files in step with the server's answers: runs on a worker's thread for
/// every call it performed (see `BookingWorker.Observer`), before the UI hears the answer.
/// So the cache and the outbox are written off the UI thread, in call order, and an answer
/// is never lost because the screen that asked has gone.
final class ReplyRecorder: Sendable {
    let store: OfflineStore
    private let logger: Logger

    init(store: OfflineStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Records one finished call; a failure to write is logged, never thrown at the worker.
    func record(_ completion: BookingWorker.Completion) {
        record(completion.call, completion.result, startedAt: completion.startedAt)
    }

    /// Records a call's outcome as `record(_:)` does; for tests that play the worker.
    func record(
        _ call: BookingCall, _ result: Result<BookingReply, DeskClientError>, startedAt: Date
    ) {
        do {
            try store(call, result, startedAt: startedAt)
        } catch {
            logger.error(
                "cannot record an answer", ["call": call.name, "error": error.description])
        }
    }

    private func store(
        _ call: BookingCall, _ result: Result<BookingReply, DeskClientError>, startedAt: Date
    ) throws(OfflineCacheError) {
        let now = Date()
        if case .createOrder(let request) = call {
            return try recordOrder(request, result, now: now)
        }
        guard case .success(let reply) = result else { return }
        switch (call, reply) {
        case (.logIn(let login), .loggedIn(let response)):
            try store.storeSession(response.session, now: now)
            try store.unlock.remember(
                account: login.account, username: login.username, password: login.password,
                now: now)
        case (_, .session(let session)):
            try store.storeSession(session, now: now)
        case (_, .catalogueChanges(let changed)):
            try store.cache.applyCatalogueChanges(CatalogueChanges(changed), now: now)
        case (_, .orderChanges(let changed)):
            try store.cache.applyOrderChanges(OrderChanges(changed), now: now)
            if !changed.more { try store.checkShortages(now: now) }
        case (_, .monthAvailability(let month)):
            try store.cache.storeMonthAvailability(month, fetchedAt: startedAt)
        case (_, .intervalAvailability(let interval)):
            try store.cache.storeIntervalAvailability(interval, fetchedAt: startedAt)
        case (_, .order(let order)):
            try store.cache.storeOrders([order], now: now)
        case (_, .guideTours(let tours)):
            try store.cache.replaceTours(tours, now: now)
        default:
            break
        }
    }

    /// The outcome of sending an outbox order: sent, refused (a conflict for staff), or to
    /// be tried again later.
    private func recordOrder(
        _ request: CreateOrderRequest, _ result: Result<BookingReply, DeskClientError>, now: Date
    ) throws(OfflineCacheError) {
        guard try store.outbox.entry(clientID: request.clientID) != nil else { return }
        switch result {
        case .success(.order(let order)):
            try store.recordSent(clientID: request.clientID, order: order, now: now)
        case .success:
            break
        case .failure(let failure):
            if let refusal = failure.refusal {
                try store.outbox.markConflict(clientID: request.clientID, error: refusal, now: now)
                logger.info("order refused", ["code": refusal.code.rawValue])
            } else {
                try store.outbox.recordFailedAttempt(
                    clientID: request.clientID, reason: failure.logDescription, now: now)
            }
        }
    }
}

extension DeskClientError {
    /// The server's refusal of an order, as the outbox records it; nil for failures that
    /// sending again may cure (no network, a timeout, a 5xx, an ended session).
    var refusal: ErrorEnvelope.Body? {
        switch self {
        case .soldOut(let message): return .init(code: .soldOut, message: message)
        case .conflict(let code, let message): return .init(code: code, message: message)
        case .holdExpired(let message): return .init(code: .holdExpired, message: message)
        case .invalidInput(let code, let message, let field):
            return .init(code: code, message: message, field: field)
        case .notFound(let message): return .init(code: .notFound, message: message)
        case .forbidden(let message): return .init(code: .forbidden, message: message)
        case .offline, .timedOut, .connectionLost, .tls, .invalidCredentials, .sessionEnded,
            .rateLimited, .serverError, .unreadableResponse:
            return nil
        }
    }
}

extension CatalogueChanges {
    /// The feed's answer as the cache applies it.
    init(_ changed: ChangedCatalogue) {
        self.init(
            branches: changed.branches, categories: changed.categories, offers: changed.offers,
            removedBranches: changed.removedBranches,
            removedCategories: changed.removedCategories, removedOffers: changed.removedOffers,
            cursor: changed.cursor, replacesAll: changed.replacesAll)
    }
}

extension OrderChanges {
    init(_ changed: ChangedOrders) {
        self.init(
            orders: changed.orders, removed: changed.removed, cursor: changed.cursor,
            replacesAll: changed.replacesAll)
    }
}
