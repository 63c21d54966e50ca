import BookingAPI
import BookingCore
import DeskClient
import Foundation
import OfflineCache

/// What the sync loop has on its way, and when it next refreshes the cache.
struct SyncState {
    /// The outbox order on its way: one at a time, so that orders reach the server strictly
    /// in the order they were taken.
    var orderInFlight: String?
    var catalogueInFlight = false
    var ordersInFlight = false
    /// The month calls of the background refresh not answered yet.
    var monthsInFlight: [BookingCall] = []
    /// When each refresh is due; nil for never (not logged in).
    var nextCatalogue: Date?
    var nextOrders: Date?
    var nextAvailability: Date?

    static let catalogueEvery: TimeInterval = 300
    static let ordersEvery: TimeInterval = 60
    static let availabilityEvery: TimeInterval = 600
    /// The cache keeps orders that ended this long ago, for the orders tab.
    static let keepOrders: TimeInterval = 7 * 86_400
    /// The outbox keeps sent orders this long: their provisional numbers stay findable,
    /// and they count against cached figures fetched before they were sent.
    static let keepSent: TimeInterval = 2 * 86_400
    /// Availability is cached this far ahead, in whole months from the current one.
    static let daysAhead = 56

    /// The first days of the months that hold today and the next 8 weeks: two or three.
    static func months(from today: LocalDate) -> [LocalDate] {
        var month = today.firstOfMonth
        var months: [LocalDate] = []
        while months.isEmpty || month <= today.advanced(by: daysAhead) {
            months.append(month)
            month = month.advanced(by: LocalDate.daysIn(month: month.month, year: month.year))
        }
        return months
    }

    /// Everything is due now, e.g. after an outage.
    mutating func catchUp(at now: Date) {
        nextCatalogue = now
        nextOrders = now
        nextAvailability = now
    }

    /// Right after log-in: the catalogue has just come, the rest is due.
    mutating func start(at now: Date) {
        catchUp(at: now)
        nextCatalogue = now.addingTimeInterval(Self.catalogueEvery)
    }

    mutating func settled(_ call: BookingCall) {
        if let index = monthsInFlight.firstIndex(of: call) { monthsInFlight.remove(at: index) }
    }

    static func isDue(_ next: Date?, at now: Date) -> Bool {
        next.map { now >= $0 } ?? false
    }
}

extension Desk {
    /// The sync loop, driven by ticks and answers: the next outbox order, then the delta
    /// syncs and the availability refresh that are due. Only while the desk holds a
    /// session on a server that answers; offline everything waits in the outbox.
    func syncTick(context: DeskContext) {
        guard let store, case .working = phase, isConnected else { return }
        let now = context.now
        if sync.orderInFlight == nil, case .send(let entry)? = try? store.outbox.nextTurn(now: now)
        {
            sync.orderInFlight = entry.clientID
            send(.createOrder(entry.request), context: context)
        }
        if !sync.ordersInFlight, SyncState.isDue(sync.nextOrders, at: now) {
            requestOrderChanges(store: store, context: context)
        }
        if !sync.catalogueInFlight, SyncState.isDue(sync.nextCatalogue, at: now) {
            sync.catalogueInFlight = true
            sync.nextCatalogue = now.addingTimeInterval(SyncState.catalogueEvery)
            send(.catalogueChanges(since: try? store.cache.cursor(.catalogue)), context: context)
        }
        if sync.monthsInFlight.isEmpty, SyncState.isDue(sync.nextAvailability, at: now) {
            refreshAvailability(store: store, context: context)
        }
    }

    /// The orders that changed since the cache's cursor, recent and upcoming ones only.
    private func requestOrderChanges(store: OfflineStore, context: DeskContext) {
        sync.ordersInFlight = true
        sync.nextOrders = context.now.addingTimeInterval(SyncState.ordersEvery)
        let from = context.now.addingTimeInterval(-SyncState.keepOrders)
        send(
            .orderChanges(since: try? store.cache.cursor(.orders), from: from, limit: 500),
            context: context)
    }

    /// A page of the orders delta is in the cache; the next page follows at once. The
    /// recorder checked forced orders for shortages after the last page.
    func receiveOrderChanges(_ reply: DeskReply, context: DeskContext) {
        sync.ordersInFlight = false
        if case .success(.orderChanges(let changes)) = reply.result, changes.more {
            sync.nextOrders = context.now
            syncTick(context: context)
        }
    }

    /// Fetches the next months of every branch the user sees, for the calendar and the
    /// wizard offline, and prunes what the desk no longer needs.
    private func refreshAvailability(store: OfflineStore, context: DeskContext) {
        sync.nextAvailability = context.now.addingTimeInterval(SyncState.availabilityEvery)
        prune(store: store, context: context)
        guard let session else { return }
        for branch in session.branches {
            for first in SyncState.months(from: context.today) {
                let call = BookingCall.monthAvailability(
                    month: first, AvailabilityFilter(branch: branch.id))
                sync.monthsInFlight.append(call)
                send(call, context: context)
            }
        }
    }

    private func prune(store: OfflineStore, context: DeskContext) {
        do {
            try store.cache.pruneAvailability(before: context.today.firstOfMonth)
            try store.cache.pruneOrders(
                endedBefore: context.now.addingTimeInterval(-SyncState.keepOrders))
            try store.outbox.prune(
                finishedBefore: context.now.addingTimeInterval(-SyncState.keepSent))
        } catch {
            notice = Notice(text.text(.storageFailed, error.description), kind: .error)
        }
    }

    // MARK: - The outbox

    /// Carries out what a screen asked of the outbox.
    func perform(_ action: OutboxAction, context: DeskContext) {
        switch action {
        case .submit(let request, let kind):
            submit(request, kind: kind, context: context)
        case .replace(let conflictID, let request):
            replace(conflictID, with: request, context: context)
        case .revise(let conflict, let step):
            revise(conflict, startingAt: step, context: context)
        case .giveUp(let conflict):
            overlay = .question(
                Question(
                    title: text.entry(.commandGiveUpOrder),
                    message: text.text(.syncGiveUpQuestion, conflict.provisionalNumber ?? ""),
                    context: context, onYes: .giveUp(conflict)))
        case .acknowledge(let conflict):
            resolve(conflict, .acknowledge, sentence: .syncAcknowledged, context: context)
        case .sendNow:
            try? store?.outbox.retryNow(now: context.now)
            syncTick(context: context)
            syncScreen?.reload(store: store, context: context)
        }
    }

    /// Stores the wizard's order before it is first sent; a desk without an outbox sends
    /// it straight away.
    private func submit(
        _ request: CreateOrderRequest, kind: OutboxEntry.Kind, context: DeskContext
    ) {
        guard let store else {
            send(.createOrder(request), context: context)
            return
        }
        do {
            let entry = try store.outbox.enqueue(
                request, kind: kind, takenOffline: !isConnected, now: context.now)
            takeStored(entry, context: context)
        } catch {
            wizard?.submission = .editing
            notice = Notice(text.text(.orderNotStored, error.description), kind: .error)
        }
    }

    /// Sends a changed order in the place of a refused one.
    private func replace(
        _ conflictID: Int64, with request: CreateOrderRequest, context: DeskContext
    ) {
        guard let store else { return }
        do {
            try store.outbox.resolve(conflictID, .changeOrder(request), now: context.now)
            guard let entry = try store.outbox.entry(clientID: request.clientID) else { return }
            wizard?.replacing = nil
            takeStored(entry, context: context)
        } catch {
            wizard?.submission = .editing
            notice = Notice(text.text(.orderNotStored, error.description), kind: .error)
        }
    }

    /// The order is safe in the outbox: the wizard waits for the server or ends offline.
    private func takeStored(_ entry: OutboxEntry, context: DeskContext) {
        let actions = wizard?.stored(entry, online: isConnected, context: context) ?? []
        refreshOutboxFigures()
        perform(actions, context: context)
        syncTick(context: context)
    }

    /// Opens the wizard on a refused order, to choose another offer or time.
    private func revise(_ conflict: Conflict, startingAt step: WizardStep, context: DeskContext) {
        guard let clientID = conflict.clientID,
            let entry = try? store?.outbox.entry(clientID: clientID)
        else { return }
        if let wizard, wizard.isHalfDone {
            tab = .wizard
            notice = Notice(text.entry(.syncFinishOrderFirst), kind: .warning)
            return
        }
        var revision = OrderWizard(revising: conflict, request: entry.request, context: context)
        let actions = revision.enter(step, context: context)
        wizard = revision
        tab = .wizard
        notice = nil
        perform(actions, context: context)
    }

    /// Applies staff's decision on a conflict and says what it did.
    func resolve(
        _ conflict: Conflict, _ resolution: ConflictResolution, sentence: MessageKey,
        context: DeskContext
    ) {
        do {
            try store?.outbox.resolve(conflict.id, resolution, now: context.now)
            let number = conflict.provisionalNumber ?? conflict.orderNumber ?? ""
            notice = Notice(text.text(sentence, number), kind: .success)
        } catch {
            notice = Notice(text.text(.storageFailed, error.description), kind: .error)
        }
        refreshOutboxFigures()
        syncScreen?.reload(store: store, context: context)
    }

    func reloadSyncScreen(context: DeskContext) {
        if syncScreen == nil { syncScreen = SyncScreen() }
        syncScreen?.reload(store: store, context: context)
    }

    // MARK: - Figures and events

    /// Unsent orders, open conflicts and the age of the cached data, for the status line.
    func refreshOutboxFigures() {
        guard let store else {
            connection.unsentOrders = wizard?.unsentOrders ?? 0
            return
        }
        if let counts = try? store.outbox.counts() {
            connection.unsentOrders = counts.unsent
            connection.openConflicts = counts.openConflicts
        }
        connection.dataAsOf = (try? store.cache.syncedAt(.availability)) ?? nil
    }

    /// What happened to the desk's files by themselves (a damaged cache rebuilt), said on
    /// the message line.
    func takeStoreEvents() {
        guard let store else { return }
        for event in store.takeEvents() {
            switch event {
            case .cacheRebuilt:
                let unsent = (try? store.outbox.unsentCount()) ?? 0
                notice = Notice(text.text(.cacheRebuilt, String(unsent)), kind: .warning)
            case .permissionsTightened:
                notice = Notice(text.entry(.filesMadePrivate), kind: .warning)
            }
        }
    }
}
