/// The steps of the order wizard, in order: Termin, Zeit, Angebot, Optionen, Daten,
/// Bestätigung.
public enum WizardStep: Int, CaseIterable, Sendable, Comparable {
    case date, time, offers, options, customer, confirm

    /// The label in the step bar.
    public var label: MessageKey {
        switch self {
        case .date: return .stepDate
        case .time: return .stepTime
        case .offers: return .stepOffers
        case .options: return .stepOptions
        case .customer: return .stepCustomer
        case .confirm: return .stepConfirm
        }
    }

    public var next: WizardStep? { WizardStep(rawValue: rawValue + 1) }
    public var previous: WizardStep? { WizardStep(rawValue: rawValue - 1) }

    public static func < (lhs: WizardStep, rhs: WizardStep) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
