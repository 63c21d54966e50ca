import BookingAPI
import OfflineCache

/// What a screen asks of the desk's outbox.
public enum OutboxAction {
    /// Store a confirmed order in the outbox and send it when it can; `kind` decides whether
    /// it is forced through when it was taken offline.
    case submit(CreateOrderRequest, OutboxEntry.Kind)
    /// Send this changed order instead of the one the server refused in a conflict.
    case replace(conflictID: Int64, with: CreateOrderRequest)
    /// Open the wizard on a refused order, at `step`, to choose another offer or time.
    case revise(Conflict, startingAt: WizardStep)
    /// Give up a refused order (asks first).
    case giveUp(Conflict)
    /// Mark a shortage as dealt with.
    case acknowledge(Conflict)
    /// Send what is pending now, without waiting for the back-off.
    case sendNow
}
