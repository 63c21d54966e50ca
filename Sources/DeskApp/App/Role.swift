import TerminalUI

/// In the desk, `Role` is the look of a cell (TerminalUI's); a user's role is written
/// `BookingCore.Role` where it is meant.
typealias Role = TerminalUI.Role
