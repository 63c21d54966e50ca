// The shipped themes and keymaps, compiled in so the desk works when the files are not
// found (e.g. a binary copied elsewhere). Each text must equal its file in themes/ or
// keymaps/ exactly: BuiltinFilesTests fails otherwise. After changing a shipped file,
// paste its new text here (keep the empty line before each closing delimiter: it is
// the file's final newline).

/// Copies of the shipped `themes/` and `keymaps/` files, by name.
enum BuiltinFiles {
    static let themes: [String: String] = [
        "default": #"""
        # BookingDesk theme "default": light text on the terminal's background, coloured
        # availability (green free, yellow few, red none).
        #
        # Copy this file to ~/.config/booking-desk/themes/ and change it there; your copy wins.
        # One role per line:   role = foreground background [attribute ...]
        # Colours: default (the terminal's own), black, red, green, yellow, blue, magenta, cyan,
        # white, bright-red and so on, or a number from 0 to 255.
        # Attributes: bold, dim, underline, reverse, italic. A role left out looks like normal.
        # When NO_COLOR is set, or the terminal has no colours, the monochrome theme is used.

        normal        = default default
        title         = bright-white blue bold
        border        = cyan default
        header        = cyan default bold
        dim           = bright-black default
        selected      = black cyan
        highlight     = default default reverse
        cursor        = black white
        input         = default default underline
        button        = default default
        buttonFocused = black cyan bold
        tab           = default default
        tabActive     = bright-white blue bold
        stepDone      = green default
        stepCurrent   = bright-white blue bold
        stepTodo      = bright-black default
        status        = black white
        warning       = black yellow
        error         = bright-white red bold
        success       = black green
        free          = green default
        few           = yellow default bold
        none          = red default bold
        closed        = bright-black default
        today         = default default bold underline
        keyName       = yellow default bold

        """#,
        "high-contrast": #"""
        # BookingDesk theme "high-contrast": bright text on black, strong colours, bold text.
        #
        # Copy this file to ~/.config/booking-desk/themes/ and change it there; your copy wins.
        # One role per line:   role = foreground background [attribute ...]
        # Colours: default (the terminal's own), black, red, green, yellow, blue, magenta, cyan,
        # white, bright-red and so on, or a number from 0 to 255.
        # Attributes: bold, dim, underline, reverse, italic. A role left out looks like normal.
        # When NO_COLOR is set, or the terminal has no colours, the monochrome theme is used.

        normal        = bright-white black
        title         = black bright-yellow bold
        border        = bright-white black bold
        header        = bright-yellow black bold underline
        dim           = white black
        selected      = black bright-yellow bold
        highlight     = black white bold
        cursor        = black bright-white bold
        input         = bright-white black bold underline
        button        = bright-white black bold
        buttonFocused = black bright-yellow bold
        tab           = bright-white black
        tabActive     = black bright-yellow bold
        stepDone      = bright-green black bold
        stepCurrent   = black bright-yellow bold
        stepTodo      = white black
        status        = black bright-white bold
        warning       = black bright-yellow bold
        error         = bright-white red bold
        success       = black bright-green bold
        free          = bright-green black bold
        few           = bright-yellow black bold
        none          = bright-red black bold underline
        closed        = white black dim
        today         = bright-white black bold underline
        keyName       = bright-yellow black bold

        """#,
        "monochrome": #"""
        # BookingDesk theme "monochrome": no colours at all, only bold, underline and reverse.
        # Used when NO_COLOR is set or the terminal has no colours.
        #
        # Copy this file to ~/.config/booking-desk/themes/ and change it there; your copy wins.
        # One role per line:   role = foreground background [attribute ...]
        # Colours: default (the terminal's own), black, red, green, yellow, blue, magenta, cyan,
        # white, bright-red and so on, or a number from 0 to 255; this theme keeps to default.
        # Attributes: bold, dim, underline, reverse, italic. A role left out looks like normal.

        normal        = default default
        title         = default default bold
        border        = default default
        header        = default default bold
        dim           = default default dim
        selected      = default default reverse
        highlight     = default default underline
        cursor        = default default reverse
        input         = default default underline
        button        = default default
        buttonFocused = default default reverse bold
        tab           = default default
        tabActive     = default default reverse bold
        stepDone      = default default
        stepCurrent   = default default reverse bold
        stepTodo      = default default dim
        status        = default default reverse
        warning       = default default bold reverse
        error         = default default bold underline
        success       = default default bold
        free          = default default
        few           = default default bold
        none          = default default dim underline
        closed        = default default dim
        today         = default default bold underline
        keyName       = default default bold

        """#,
    ]

    static let keymaps: [String: String] = [
        "default": #"""
        # BookingDesk keymap "default": arrow keys, Enter, Escape and function keys.
        #
        # Copy this file to ~/.config/booking-desk/keymaps/ and change it there; your copy wins.
        # One binding per line:   command = key key ...
        # Lines starting with # are comments. A command you leave out keeps its default keys.
        # Key names: a single character (a ? + ä), Space, Enter, Tab, Shift-Tab, Escape,
        # Backspace, Delete, Insert, Home, End, PageUp, PageDown, Up, Down, Left, Right,
        # F1 to F12, Ctrl-A to Ctrl-Z, Alt-<character>.
        # A key may run one command per scope (the part before the dot); a more specific scope
        # (a field, a list, the calendar) comes before "global".

        # Everywhere
        global.help = F1 ?
        global.quit = F10
        global.nextTab = Tab F6
        global.previousTab = Shift-Tab
        global.back = Backspace
        global.confirm = Enter
        global.cancel = Escape
        global.refresh = F5 Ctrl-L
        global.logOut = F12

        # Month calendar
        calendar.previousDay = Left
        calendar.nextDay = Right
        calendar.previousWeek = Up
        calendar.nextWeek = Down
        calendar.previousMonth = PageUp
        calendar.nextMonth = PageDown
        calendar.today = Home t
        calendar.findOffer = / Ctrl-F
        calendar.newOrder = n Insert
        calendar.switchBranch = b
        calendar.switchCategory = c

        # Lists and checklists
        list.up = Up
        list.down = Down
        list.pageUp = PageUp
        list.pageDown = PageDown
        list.home = Home
        list.end = End
        list.search = / Ctrl-F
        list.toggle = Space

        # Text fields
        field.left = Left
        field.right = Right
        field.home = Home Ctrl-A
        field.end = End Ctrl-E
        field.deleteBackward = Backspace
        field.deleteForward = Delete
        field.deleteToEnd = Ctrl-K
        field.deleteToStart = Ctrl-U
        field.next = Tab Down
        field.previous = Shift-Tab Up

        # Quantity steppers
        stepper.increase = + Right
        stepper.decrease = - Left

        # Dialogs
        dialog.next = Right Tab
        dialog.previous = Left Shift-Tab

        # Order wizard
        wizard.nextStep = F8 Ctrl-N
        wizard.previousStep = F7 Ctrl-P

        # Orders
        orders.pickUp = p F3
        orders.return = r F4
        orders.cancel = x Delete

        # Sync tab: conflicts, shortages and unsent orders
        sync.otherOffer = a
        sync.otherTime = z
        sync.cancel = x Delete
        sync.acknowledge = e

        # Users (admins)
        users.toggleAdmin = a
        users.branches = b
        users.categories = c
        users.new = n Insert
        users.deactivate = d
        users.delete = x Delete
        users.newPassword = p

        # Guides & Touren
        guides.new = n Insert
        guides.edit = e
        guides.access = z
        guides.assign = a
        guides.release = r

        """#,
        "emacs": #"""
        # BookingDesk keymap "emacs": Ctrl and Alt keys as in Emacs; arrow keys work as well.
        #
        # Copy this file to ~/.config/booking-desk/keymaps/ and change it there; your copy wins.
        # One binding per line:   command = key key ...
        # Lines starting with # are comments. A command you leave out keeps its default keys.
        # Key names: a single character (a ? + ä), Space, Enter, Tab, Shift-Tab, Escape,
        # Backspace, Delete, Insert, Home, End, PageUp, PageDown, Up, Down, Left, Right,
        # F1 to F12, Ctrl-A to Ctrl-Z, Alt-<character>.

        # Everywhere
        global.help = F1 ?
        global.quit = F10 Ctrl-X
        global.nextTab = Tab F6
        global.previousTab = Shift-Tab
        global.back = Backspace
        global.confirm = Enter
        global.cancel = Escape Ctrl-G
        global.refresh = F5 Ctrl-L
        global.logOut = F12

        # Month calendar
        calendar.previousDay = Ctrl-B Left
        calendar.nextDay = Ctrl-F Right
        calendar.previousWeek = Ctrl-P Up
        calendar.nextWeek = Ctrl-N Down
        calendar.previousMonth = Alt-v PageUp
        calendar.nextMonth = Ctrl-V PageDown
        calendar.today = Alt-< Home
        calendar.findOffer = Ctrl-S
        calendar.newOrder = Ctrl-O Insert
        calendar.switchBranch = Alt-b
        calendar.switchCategory = Alt-c

        # Lists and checklists
        list.up = Ctrl-P Up
        list.down = Ctrl-N Down
        list.pageUp = Alt-v PageUp
        list.pageDown = Ctrl-V PageDown
        list.home = Alt-< Home
        list.end = Alt-> End
        list.search = Ctrl-S
        list.toggle = Space

        # Text fields
        field.left = Ctrl-B Left
        field.right = Ctrl-F Right
        field.home = Ctrl-A Home
        field.end = Ctrl-E End
        field.deleteBackward = Backspace
        field.deleteForward = Ctrl-D Delete
        field.deleteToEnd = Ctrl-K
        field.deleteToStart = Ctrl-U
        field.next = Tab Ctrl-N Down
        field.previous = Shift-Tab Ctrl-P Up

        # Quantity steppers
        stepper.increase = + Ctrl-F Right
        stepper.decrease = - Ctrl-B Left

        # Dialogs
        dialog.next = Ctrl-F Right Tab
        dialog.previous = Ctrl-B Left Shift-Tab

        # Order wizard
        wizard.nextStep = Alt-f F8
        wizard.previousStep = Alt-b F7

        # Orders
        orders.pickUp = Alt-p F3
        orders.return = Alt-r F4
        orders.cancel = Alt-d Delete

        # Sync tab: conflicts, shortages and unsent orders
        sync.otherOffer = Alt-a
        sync.otherTime = Alt-z
        sync.cancel = Alt-x Delete
        sync.acknowledge = Alt-e

        # Users (admins)
        users.toggleAdmin = Alt-a
        users.branches = Alt-b
        users.categories = Alt-c
        users.new = Alt-n Insert
        users.deactivate = Alt-d
        users.delete = Alt-x Delete
        users.newPassword = Alt-p

        # Guides & Touren
        guides.new = Alt-n Insert
        guides.edit = Alt-e
        guides.access = Alt-z
        guides.assign = Alt-a
        guides.release = Alt-r

        """#,
        "vi": #"""
        # BookingDesk keymap "vi": h j k l and friends; arrow keys work as well.
        #
        # Copy this file to ~/.config/booking-desk/keymaps/ and change it there; your copy wins.
        # One binding per line:   command = key key ...
        # Lines starting with # are comments. A command you leave out keeps its default keys.
        # Key names: a single character (a ? + ä), Space, Enter, Tab, Shift-Tab, Escape,
        # Backspace, Delete, Insert, Home, End, PageUp, PageDown, Up, Down, Left, Right,
        # F1 to F12, Ctrl-A to Ctrl-Z, Alt-<character>.
        # Letters bound in a list or the calendar do not reach a text field: fields keep only
        # keys that type nothing.

        # Everywhere
        global.help = F1 ?
        global.quit = F10 Z
        global.nextTab = Tab F6
        global.previousTab = Shift-Tab
        global.back = Backspace
        global.confirm = Enter
        global.cancel = Escape
        global.refresh = F5 Ctrl-L
        global.logOut = F12

        # Month calendar
        calendar.previousDay = h Left
        calendar.nextDay = l Right
        calendar.previousWeek = k Up
        calendar.nextWeek = j Down
        calendar.previousMonth = H PageUp Ctrl-B
        calendar.nextMonth = L PageDown Ctrl-F
        calendar.today = g Home
        calendar.findOffer = /
        calendar.newOrder = o n Insert
        calendar.switchBranch = b
        calendar.switchCategory = c

        # Lists and checklists
        list.up = k Up
        list.down = j Down
        list.pageUp = Ctrl-B PageUp
        list.pageDown = Ctrl-F PageDown
        list.home = g Home
        list.end = G End
        list.search = /
        list.toggle = Space x

        # Text fields
        field.left = Left
        field.right = Right
        field.home = Home
        field.end = End
        field.deleteBackward = Backspace
        field.deleteForward = Delete
        field.deleteToEnd = Ctrl-K
        field.deleteToStart = Ctrl-U
        field.next = Tab Down
        field.previous = Shift-Tab Up

        # Quantity steppers
        stepper.increase = + l Right
        stepper.decrease = - h Left

        # Dialogs
        dialog.next = l Right Tab
        dialog.previous = h Left Shift-Tab

        # Order wizard
        wizard.nextStep = F8 Ctrl-N
        wizard.previousStep = F7 Ctrl-P

        # Orders
        orders.pickUp = p F3
        orders.return = r F4
        orders.cancel = d Delete

        # Sync tab: conflicts, shortages and unsent orders
        sync.otherOffer = a
        sync.otherTime = z
        sync.cancel = x Delete
        sync.acknowledge = e

        # Users (admins)
        users.toggleAdmin = a
        users.branches = b
        users.categories = c
        users.new = n Insert
        users.deactivate = d
        users.delete = x Delete
        users.newPassword = p

        # Guides & Touren
        guides.new = n Insert
        guides.edit = e
        guides.access = z
        guides.assign = a
        guides.release = r

        """#,
    ]
}
