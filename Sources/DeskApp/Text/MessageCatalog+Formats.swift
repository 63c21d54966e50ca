import BookingAPI
import BookingCore
import Foundation
import TerminalUI

/// Dates, times and domain words as the person at the counter reads them. Dates and times
/// are already local to the account's time zone; turning instants into them is the job of
/// BookingCore's account calendar.
extension MessageCatalog {
    /// `05.03.2016` in German, `05/03/2016` in English.
    public func date(_ date: LocalDate) -> String {
        text(.dateFormat, twoDigits(date.day), twoDigits(date.month), String(date.year))
    }

    /// `05.03.` in German, `05/03` in English: a date close enough to need no year.
    public func dayMonth(_ date: LocalDate) -> String {
        text(.dayMonthFormat, twoDigits(date.day), twoDigits(date.month))
    }

    /// Always 24-hour: `08:00`.
    public func time(_ time: LocalTime) -> String {
        time.description
    }

    /// `März 2016`.
    public func monthTitle(year: Int, month: Int) -> String {
        text(.monthTitle, monthName(month), String(year))
    }

    /// The full name of a month, 1 = January.
    public func monthName(_ month: Int) -> String {
        let names: [MessageKey] = [
            .monthJanuary, .monthFebruary, .monthMarch, .monthApril, .monthMay, .monthJune,
            .monthJuly, .monthAugust, .monthSeptember, .monthOctober, .monthNovember,
            .monthDecember,
        ]
        return entry(names[(month - 1) % 12])
    }

    /// The short name of an ISO weekday, 1 = Monday ... 7 = Sunday.
    public func weekdayShort(_ isoWeekday: Int) -> String {
        let names: [MessageKey] = [
            .weekdayMonday, .weekdayTuesday, .weekdayWednesday, .weekdayThursday,
            .weekdayFriday, .weekdaySaturday, .weekdaySunday,
        ]
        return entry(names[(isoWeekday + 6) % 7])
    }

    public func role(_ role: BookingCore.Role) -> String {
        switch role {
        case .admin: return entry(.roleAdmin)
        case .staff: return entry(.roleStaff)
        case .guide: return entry(.roleGuide)
        case .customer: return entry(.roleCustomer)
        case .superuser: return entry(.roleSuperuser)
        }
    }

    public func orderStatus(_ status: OrderStatus) -> String {
        switch status {
        case .reserved: return entry(.orderStatusReserved)
        case .pickedUp: return entry(.orderStatusPickedUp)
        case .returned: return entry(.orderStatusReturned)
        case .cancelled: return entry(.orderStatusCancelled)
        }
    }

    /// Why the server refused an order, in a few words for the Sync tab.
    public func reason(_ code: ErrorCode?) -> String {
        switch code {
        case .soldOut?: return entry(.reasonSoldOut)
        case .totalMismatch?: return entry(.reasonPriceChanged)
        case .holdExpired?: return entry(.reasonHoldExpired)
        case .notFound?, .forbidden?: return entry(.reasonNotVisible)
        case .some(let code): return text(.reasonOther, code.rawValue)
        case nil: return text(.reasonOther, "?")
        }
    }

    /// An age such as "vor 3 Min." for data fetched at `instant`.
    public func age(of instant: Date, now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(instant) / 60))
        switch minutes {
        case 0: return entry(.ageJustNow)
        case 1..<120: return text(.ageMinutes, String(minutes))
        case 120..<(48 * 60): return text(.ageHours, String(minutes / 60))
        default: return text(.ageDays, String(minutes / (24 * 60)))
        }
    }

    /// The sentence for a bad command line, written to stderr before the screen is up.
    public func problem(_ error: DeskOptionsError) -> String {
        switch error {
        case .unknownOption(let option): return text(.optionUnknown, option)
        case .missingValue(let option): return text(.optionMissingValue, option)
        case .invalidServer(let value): return text(.optionInvalidServer, value)
        case .invalidLanguage(let value): return text(.optionInvalidLanguage, value)
        case .unreadableCAFile(let path): return text(.optionUnreadableCAFile, path)
        case .caFileWithoutServer: return text(.optionCAFileWithoutServer)
        }
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

extension MessageCatalog {
    /// "keymaps/vi.keymap, Zeile 3: die Taste „Strg-Ü“ ist unbekannt".
    public func problem(_ problem: ConfigProblem) -> String {
        let what = sentence(for: problem.kind)
        guard let line = problem.line else { return text(.configProblemFile, problem.file, what) }
        return text(.configProblem, problem.file, String(line), what)
    }

    private func sentence(for kind: ConfigProblem.Kind) -> String {
        switch kind {
        case .missingEquals: return entry(.configMissingEquals)
        case .badName(let name): return text(.configBadName, name)
        case .missingValue: return entry(.configMissingValue)
        case .unknownKey(let key): return text(.configUnknownKey, key)
        case .unknownCommand(let command): return text(.configUnknownCommand, command)
        case .keyBoundTwice(let key, let first, let second):
            return text(.configKeyBoundTwice, key, first, second)
        case .duplicate(let name): return text(.configDuplicate, name)
        case .unknownRole(let role): return text(.configUnknownRole, role)
        case .unknownColor(let color): return text(.configUnknownColor, color)
        case .unknownAttribute(let attribute): return text(.configUnknownAttribute, attribute)
        case .missingColors: return entry(.configMissingColors)
        case .unreadable(let code): return text(.configUnreadable, String(code))
        case .notUTF8: return entry(.configNotUTF8)
        case .notFound(let name): return text(.configNotFound, name)
        case .badFileName(let name): return text(.configBadFileName, name)
        }
    }
}
