extension MessageCatalog {
    /// English, the second language of the desk.
    static func english(_ key: MessageKey) -> String {
        switch key {
        // Startup and command line.
        case .optionsUsage:
            """
            Usage: booking-desk [--server URL [--ca-file PATH]] [--lang de|en] [--theme NAME]
                                [--keymap NAME]

            Without --server the desk starts its embedded server on 127.0.0.1 with demo data.
              --server URL    use a remote booking server, e.g. http://till:8080
              --ca-file PATH  trust a private server's certificate through this CA file (PEM);
                              it is always verified
              --lang de|en    language (otherwise from LC_ALL, LC_MESSAGES or LANG)
              --theme NAME    colours: default, high-contrast, monochrome or NAME.theme
                              in ~/.config/booking-desk/themes/
              --keymap NAME   keys: default, vi, emacs or NAME.keymap
                              in ~/.config/booking-desk/keymaps/

            """
        case .optionUnknown: "Unknown option “{1}”. See --help."
        case .optionMissingValue: "{1} needs a value. See --help."
        case .optionInvalidServer: "--server expects a URL such as http://till:8080, not “{1}”."
        case .optionInvalidLanguage: "--lang knows only de and en, not “{1}”."
        case .optionUnreadableCAFile: "The CA file “{1}” cannot be read."
        case .optionCAFileWithoutServer:
            "--ca-file applies only with --server; the embedded server needs none."
        case .startupEmbeddedFailed: "The embedded server does not start: {1}"
        case .startupLogFailed: "The log file {1} cannot be opened; the desk goes on without a log."
        case .startupTerminalFailed: "The terminal cannot be set up (TERM={1})."

        // Frame and status line.
        case .appName: "BookingDesk"
        case .tabCalendar: "Calendar"
        case .tabWizard: "New order"
        case .tabOrders: "Orders"
        case .statusOnline: "online"
        case .statusOffline: "offline"
        case .statusUnsent: "unsent: {1}"
        case .statusLastSync: "synced {1}"
        case .statusNeverSynced: "synced –"
        case .statusHelp: "{1} help"
        case .statusNotLoggedIn: "not logged in"
        case .statusNoBranch: "no branch"
        case .terminalTooSmall: "The window is {1}×{2}; the desk needs at least 80×24."
        case .loading: "Loading …"
        case .unlimited: "unlimited"
        case .unlimitedShort: "∞"
        case .unknownShort: "–"
        case .roleAdmin: "admin"
        case .roleStaff: "counter staff"
        case .roleGuide: "tour guide"
        case .roleCustomer: "customer"
        case .roleSuperuser: "support"

        // Log-in.
        case .loginTitle: "Log in"
        case .loginAccount: "Account"
        case .loginUsername: "User name"
        case .loginPassword: "Password"
        case .loginHint: "{1} log in · {2} next field · {3} quit"
        case .loginBusy: "Logging in …"
        case .loginServer: "Server: {1}"
        case .loginEmbedded: "embedded server, data in {1}"
        case .loginDemoTitle: "Demo logins:"
        case .loginDemoLine: "account {1} · user {2} · password {3} ({4})"
        case .loginNotAtDesk: "The role “{1}” cannot log in at the desk."
        case .loginWelcome: "Logged in as {1}."
        case .required: "Required: please fill in."

        // Calendar.
        case .calendarAllCategories: "all categories"
        case .calendarAllOffers: "all offers"
        case .calendarFreeUnits: "{1} free"
        case .calendarSoldOut: "sold out"
        case .calendarClosed: "closed"
        case .calendarClosedShort: "closed"
        case .calendarOfTotal: "{1} of {2} free"
        case .calendarNotLoaded: "…"
        case .calendarFilter: "{1} · {2} · {3}"
        case .calendarOpeningHours: "open {1}–{2}"
        case .calendarLegendFree: "free"
        case .calendarLegendFew: "few left"
        case .calendarLegendNone: "sold out"
        case .calendarLegendClosed: "closed"
        case .calendarFindPrompt: "Find offer"
        case .calendarNoMatch: "No offer matches “{1}”."
        case .calendarNoOffers: "There are no offers in this selection."
        case .calendarChooseBranch: "Choose branch"
        case .calendarChooseCategory: "Choose category"

        // Dates.
        case .weekdayMonday: "Mon"
        case .weekdayTuesday: "Tue"
        case .weekdayWednesday: "Wed"
        case .weekdayThursday: "Thu"
        case .weekdayFriday: "Fri"
        case .weekdaySaturday: "Sat"
        case .weekdaySunday: "Sun"
        case .monthJanuary: "January"
        case .monthFebruary: "February"
        case .monthMarch: "March"
        case .monthApril: "April"
        case .monthMay: "May"
        case .monthJune: "June"
        case .monthJuly: "July"
        case .monthAugust: "August"
        case .monthSeptember: "September"
        case .monthOctober: "October"
        case .monthNovember: "November"
        case .monthDecember: "December"
        case .dateFormat: "{1}/{2}/{3}"
        case .dayMonthFormat: "{1}/{2}"
        case .monthTitle: "{1} {2}"

        // Order wizard.
        case .stepDate: "Date"
        case .stepTime: "Time"
        case .stepOffers: "Offers"
        case .stepOptions: "Options"
        case .stepCustomer: "Customer"
        case .stepConfirm: "Confirm"
        case .wizardTotal: "Total {1}"
        case .wizardHint: "{1} next · {2} back · {3} next field"
        case .wizardHintList: "{1} next · {2} back · {3}/{4} or a digit: quantity"
        case .fieldPickupDate: "Pick up on"
        case .fieldReturnDate: "Return on"
        case .fieldPickupTime: "Pick up at"
        case .fieldReturnTime: "Return at"
        case .fieldPickupBranch: "Pick-up branch"
        case .fieldReturnBranch: "Return branch"
        case .fieldPersons: "Persons"
        case .fieldSalutation: "Title"
        case .fieldFirstName: "First name"
        case .fieldLastName: "Last name"
        case .fieldEmail: "E-mail"
        case .fieldStreet: "Street"
        case .fieldHouseNumber: "House number"
        case .fieldPostalCode: "Postcode"
        case .fieldCity: "City"
        case .fieldCountry: "Country"
        case .fieldPhone: "Phone"
        case .fieldNote: "Remark"
        case .fieldTerms: "Terms accepted"
        case .salutationNone: "–"
        case .salutationMs: "Ms"
        case .salutationMr: "Mr"
        case .defaultCountry: "Germany"
        case .invalidDate: "Please enter a date such as 05/03/2016."
        case .invalidTime: "Please enter a time such as 08:00."
        case .invalidEmail: "That does not look like an e-mail."
        case .fieldTooLong: "Too long: 200 characters at most."
        case .termsRequired: "The terms must be accepted."
        case .returnBeforePickup: "The return must come after the pick-up."
        case .pickupBeforeToday: "The pick-up cannot be before today."
        case .closedForPickupsToday: "No more pick-ups at {1} today (open until {2})."
        case .nextOpeningDayProposed: "Proposed: {1}, the next opening day ({2}: another day)."
        case .rentalTooLong: "At most {1} days in one go."
        case .branchClosedOn: "{1} is closed on {2}."
        case .outsideOpeningHours: "{1} is open from {2} to {3}."
        case .chooseAnOffer: "Please choose at least one offer."
        case .onlyFree: "Only {1} of these are free."
        case .returnElsewhereNotAllowed: "{1} must be returned at the pick-up branch."
        case .tooManyPersons: "{1} takes at most {2} persons."
        case .amountTooLarge: "The amount is too large; please choose less."
        case .wizardPeriod: "{1} {2} – {3} {4} · {5}"
        case .noOffersHere: "This branch has no offers."
        case .noOptionsHere: "There are no options at this branch; {1} goes on."
        case .columnOffer: "Offer"
        case .columnOption: "Option"
        case .columnPrice: "Price"
        case .columnFree: "free"
        case .columnQuantity: "Qty"
        case .columnUnitPrice: "Unit price"
        case .columnAmount: "Amount"
        case .pricePerHour: "{1} / hour"
        case .pricePerDay: "{1} / day"
        case .pricePerNight: "{1} / night"
        case .pricePerPerson: "{1} / person"
        case .pricePerBooking: "{1} / booking"
        case .priceMinimum: "min. {1}"
        case .holdPlacing: "Holding the offers …"
        case .holdPlaced: "Held until {1}"
        case .holdExpired:
            """
            The hold has expired; the free quantities are reloaded. Please confirm the offers \
            again.
            """
        case .soldOutNow:
            """
            Meanwhile not enough is free; the free quantities are reloaded. Please adjust the \
            quantity.
            """
        case .totalChanged: "The price has changed meanwhile; please check the total again."
        case .confirmBranches: "Pick-up {1} · return {2}"
        case .confirmCustomer: "Customer: {1}"
        case .confirmVAT: "incl. VAT {1} %"
        case .confirmTotal: "Total"
        case .confirmOptions: "Options"
        case .confirmQuantity: "{1}×"
        case .confirmPrepayment: "Prepayment {1} %, due on {2}"
        case .confirmQuoteLoading: "Calculating the price …"
        case .confirmHint: "{1} book now · {2} back"
        case .orderSending: "Sending the order …"
        case .orderCreatedTitle: "Order created"
        case .orderCreated: "Order {1} is created."
        case .orderCreatedHint: "{1} back to the calendar"
        case .orderRetry:
            """
            No answer from the server: {1} sends the order again without making it twice.
            """

        // Orders.
        case .ordersPickups: "Pick-ups today"
        case .ordersReturns: "Returns today"
        case .ordersSearchPrompt: "Number or name"
        case .ordersNone: "No orders."
        case .ordersTitle: "{1} · {2}"
        case .ordersSearchTitle: "Search “{1}”"
        case .ordersNotReserved: "Only reserved orders can be picked up or cancelled."
        case .ordersNotPickedUp: "Only picked-up orders can be returned."
        case .ordersNoneSelected: "No order selected."
        case .ordersHint: "{1} picked up · {2} returned · {3} cancel · {4} search · {5} list"
        case .columnNumber: "No."
        case .columnCustomer: "Customer"
        case .columnTime: "Time"
        case .columnStatus: "Status"
        case .columnItems: "Offers"
        case .orderStatusReserved: "reserved"
        case .orderStatusPickedUp: "picked up"
        case .orderStatusReturned: "returned"
        case .orderStatusCancelled: "cancelled"
        case .cancelQuestion: "Cancel order {1} of {2}?"
        case .orderPickedUp: "Order {1} is picked up."
        case .orderReturned: "Order {1} is returned."
        case .orderCancelled: "Order {1} is cancelled."

        // Users, guides and tours.
        case .tabUsers: "Users"
        case .tabGuides: "Guides & tours"
        case .tabMyTours: "My tours"
        case .roleOwner: "owner"
        case .roleStaffShort: "counter"
        case .roleGuideShort: "guide"
        case .columnDate: "Date"
        case .columnTour: "Tour"
        case .columnParticipants: "Participants"
        case .columnName: "Name"
        case .columnUsername: "User name"
        case .columnRole: "Role"
        case .columnAdmin: "Admin"
        case .columnBranches: "Branches"
        case .columnCategories: "Categories"
        case .columnRestrictions: "Restricted to"
        case .columnLastLogIn: "Last log-in"
        case .columnState: "State"
        case .columnPlaces: "Places"
        case .columnGuide: "Guide"
        case .columnReleased: "Released"
        case .columnContract: "Contract"
        case .columnPhone: "Phone"
        case .columnEmail: "E-mail"
        case .columnAccess: "Log-in"
        case .myToursTitle: "My tours · {1}"
        case .myToursPast: "Past tours"
        case .myToursNone: "No released tours."
        case .myToursHint: "Read only: nothing can be changed here · {1} reload · {2} help"
        case .myToursAsOf: "As of {1}"
        case .myToursFromCache: "From this computer's store: as of {1} ({2})."
        case .unlockOfflineGuide:
            "Logged in without the server as {1}: the tours come from this computer's store."
        case .myToursNothingCached:
            """
            The server cannot be reached, and no list of tours is stored on this computer yet.
            """
        case .fieldUsername: "User name"
        case .fieldName: "Name"
        case .fieldContractNumber: "Contract no."
        case .fieldOtherPhone: "Phone 2"
        case .fieldAccountHolder: "Account holder"
        case .fieldIBAN: "IBAN"
        case .fieldBIC: "BIC"
        case .fieldTaxNumber: "Tax number"
        case .fieldVATID: "VAT ID"
        case .fieldTour: "Tour"
        case .fieldTourDate: "Date"
        case .fieldTourStart: "Starts at"
        case .fieldTourEnd: "Ends at"
        case .fieldCapacity: "Places"
        case .fieldGuide: "Guide"
        case .fieldReleased: "Released"
        case .usersTitle: "Users of {1} ({2})"
        case .usersNone: "No users yet."
        case .usersWaitForServer: "The list of users comes as soon as the server answers."
        case .usersNoneSelected: "No user selected."
        case .usersHint:
            """
            {1} admin yes/no · {2} branches · {3} categories · {4} new · {5} lock/unlock · {6} \
            delete · {7} new password · {8} search
            """
        case .userDetail: "{1} ({2}, {3}) · branches: {4} · categories: {5} · last log-in: {6}"
        case .userStateActive: "active"
        case .userStateInactive: "locked"
        case .adminYes: "yes"
        case .releasedNo: "no"
        case .restrictAll: "all"
        case .restrictNone: "none"
        case .restrictionsSummary: "branches: {1} · categories: {2}"
        case .neverLoggedIn: "never"
        case .ownerKeepsAdmin: "{1} owns the account and is always an admin."
        case .guideNeverAdmin: "{1} is a tour guide; tour guides cannot be admins."
        case .notYourself:
            """
            Your own account cannot be demoted, locked or deleted here; another admin does \
            that.
            """
        case .ownerUnrestricted: "{1} owns the account and always sees every branch and category."
        case .guideUnrestricted:
            """
            {1} is a tour guide and sees only their own tours; branches and categories do not \
            apply.
            """
        case .ownerStaysActive: "{1} owns the account and cannot be locked."
        case .ownerNotDeleted: "{1} owns the account and cannot be deleted."
        case .userChangePending: "A change for {1} is on its way; please wait for the answer."
        case .userChangeOnItsWay: "{1}: the change is on its way to the server …"
        case .accountChangesNeedNetwork:
            """
            Users, guides and tours cannot be changed without the server; please wait until \
            the desk is online again.
            """
        case .accountChangeNotSaved:
            """
            The server cannot be reached: the change is not saved. Please try again once the \
            desk is online.
            """
        case .deactivateQuestion:
            """
            Lock {1}? They can no longer log in, and their open sessions end at once. The same \
            key unlocks.
            """
        case .deleteUserQuestion:
            """
            Delete {1}? Their log-in and personal data are removed; this cannot be undone.
            """
        case .newPasswordQuestion:
            """
            Make a new password for {1} and send it to {2}? The current one stops working.
            """
        case .userCreating: "Creating the user …"
        case .userCreated: "{1} is created (user name {2})."
        case .passwordMailSent: "The password went out by e-mail to {1}."
        case .passwordMailSpooled:
            """
            The password waits as an e-mail to {1} in the server's mail spool (no mail server \
            set up).
            """
        case .passwordMailFailed:
            """
            The e-mail with the password to {1} could not be sent; please send a new password \
            with {2} later.
            """
        case .userNowAdmin: "{1} is an admin now."
        case .userNoLongerAdmin: "{1} is no longer an admin."
        case .userRestrictionsSaved: "Saved for {1}: {2}."
        case .userActivated: "{1} is unlocked and can log in again."
        case .userDeactivated: "{1} is locked; their open sessions have ended."
        case .userDeleted: "{1} is deleted."
        case .newPasswordMade: "{1} has a new password."
        case .newUserTitle: "New user"
        case .newUserMailNote:
            """
            The server makes the password and mails it to the address; nobody at the desk sees \
            it. New users work at the counter, unrestricted and without the admin flag.
            """
        case .usernameNoSpaces: "Please 1 to 64 characters without spaces."
        case .usernameTaken: "This user name is taken."
        case .restrictBranchesTitle: "Branches of {1}"
        case .restrictCategoriesTitle: "Categories of {1}"
        case .restrictNoTickBranches:
            """
            No tick = no restriction: every branch, also those added later.
            """
        case .restrictNoTickCategories:
            """
            No tick = no restriction: every category, also those added later.
            """
        case .restrictAdminNote:
            """
            {1} is an admin; the restriction applies only once the admin flag is gone.
            """
        case .restrictHint: "{1} tick/untick · {2} save · {3} cancel"
        case .guidesTitle: "Guides & tours"
        case .guidesHeading: "Guides"
        case .guidesNone: "No guides yet."
        case .guidesWaitForServer: "The list comes as soon as the server answers."
        case .guidesNoneSelected: "No guide selected."
        case .guidesHint: "{1} new guide · {2} edit · {3} create log-in · {4} to the tours"
        case .guideSaved: "The record of {1} is saved."
        case .guideAccessCreated: "Log-in {1} for {2} is created."
        case .guideHasAccess: "{1} has a log-in already."
        case .guideNeedsEmail:
            """
            {1} needs an e-mail address for a log-in: the password goes out by mail.
            """
        case .guideNewTitle: "New guide"
        case .guideEditTitle: "Edit guide {1}"
        case .guideAccessTitle: "Log-in for {1}"
        case .guideAccessNote:
            """
            The server makes the password and mails it to {1}. With the log-in the guide sees \
            only their own released tours at the desk.
            """
        case .contractNumberTaken: "Another guide has this contract number."
        case .guideFieldRefused:
            """
            The server refuses this entry; please check it (one line, at most 200 characters).
            """
        case .bicInvalid: "Not a BIC (8 or 11 characters)."
        case .tourOver: "This date is already over."
        case .ibanInvalid: "Not a valid IBAN (check digits, length)."
        case .ibanMissing: "An account holder or BIC needs the IBAN."
        case .keyIsForTours: "This key is for the tours: {1} moves there."
        case .keyIsForGuides: "This key is for the guides: {1} moves there."
        case .formHint: "{1} next, and save at the end · {2} next field · {3} cancel"
        case .saving: "Saving …"
        case .toursHeading: "Tours from today"
        case .toursNone: "No tour dates from today on."
        case .toursNoneSelected: "No tour selected."
        case .toursHint:
            """
            {1} new date · {2} edit · {3} assign a guide · {4} release/take back · {5} to the \
            guides
            """
        case .tourSaved: "{1} on {2} is saved."
        case .tourReleased: "{1} on {2} is released: {3} sees the tour now."
        case .tourNotReleased: "{1} on {2} is no longer released."
        case .tourAssigned: "{1} on {2}: {3} is the guide now."
        case .tourNoGuide: "{1} on {2} has no guide any more."
        case .releaseNeedsGuide: "Assign a guide first ({1}), then release."
        case .assignGuideTitle: "Guide for {1}"
        case .noGuide: "– no guide –"
        case .guideAssigned: "assigned"
        case .noTourOffers: "There are no tour offers to make a date for."
        case .capacityInvalid: "Please a number from 1 to 10000."
        case .tourEndBeforeStart: "The end must be after the start."
        case .tourNewTitle: "New tour date"
        case .tourEditTitle: "Edit the date of {1}"
        case .helpScopeUsers: "Users"
        case .helpScopeGuides: "Guides & tours"
        case .commandToggleAdmin: "Grant or revoke the admin flag"
        case .commandEditBranches: "Restrict to branches"
        case .commandEditCategories: "Restrict to categories"
        case .commandNewUser: "New user"
        case .commandDeactivateUser: "Lock or unlock a user"
        case .commandDeleteUser: "Delete a user"
        case .commandMailNewPassword: "New password by e-mail"
        case .commandNewGuideOrTour: "New guide or tour date"
        case .commandEditGuideOrTour: "Edit a guide or tour date"
        case .commandCreateGuideAccess: "Create the guide's log-in"
        case .commandAssignGuide: "Assign a guide"
        case .commandReleaseTour: "Release a tour or take it back"

        // Dialogs, help, quit.
        case .yes: "Yes"
        case .no: "No"
        case .ok: "OK"
        case .quitTitle: "Quit"
        case .quitHalfDone: "The order is not finished. Quit anyway?"
        case .abandonQuestion: "Discard the order in progress?"
        case .helpTitle: "Keys ({1})"
        case .helpClose: "{1} closes the help"
        case .configProblem: "{1}, line {2}: {3}"
        case .configUsingDefault: "{1}; the default is used."
        case .configMoreInLog: " (+{1} more in desk.log)"
        case .configProblemFile: "{1}: {2}"
        case .configMissingEquals: "an “=” between name and value is missing"
        case .configBadName: "“{1}” is not a valid name"
        case .configMissingValue: "the value after “=” is missing"
        case .configUnknownKey: "the key “{1}” is unknown"
        case .configUnknownCommand: "the desk does not know the command “{1}”"
        case .configKeyBoundTwice: "the key {1} already belongs to {2}, not also to {3}"
        case .configDuplicate: "“{1}” appears twice in the file"
        case .configUnknownRole: "the role “{1}” is unknown"
        case .configUnknownColor: "the colour “{1}” is unknown"
        case .configUnknownAttribute: "the attribute “{1}” is unknown"
        case .configMissingColors: "foreground and background colour are missing"
        case .configUnreadable: "the file cannot be read (error {1})"
        case .configNotUTF8: "the file is not UTF-8 text"
        case .configNotFound: "“{1}” does not exist"
        case .configBadFileName: "“{1}” is not a plain file name"

        // Errors from the server or the network.
        case .errorUnexpected: "Unexpected error ({1}). Please try again; the log has details."
        case .errorUnreachable: "The server cannot be reached. The desk keeps trying."
        case .errorBackOnline: "The server is reachable again."
        case .errorOffline: "The server cannot be reached."
        case .errorTimeout: "The server did not answer in time."
        case .errorConnectionLost: "The connection to the server broke off."
        case .errorTLS:
            """
            The secure connection to the server failed: its certificate is not trusted.
            """
        case .errorInvalidCredentials: "Account, user name or password is wrong."
        case .errorSessionEnded: "The session has ended. Please log in again."
        case .errorForbidden: "This user is not allowed to do that."
        case .errorNotFound: "Not found, or not visible to this user."
        case .errorInvalidInput: "The server refuses an entry. Please check what was entered."
        case .errorSoldOut: "Not enough free any more."
        case .errorInvalidTransition: "The order's status does not allow this."
        case .errorConflict: "This conflicts with stored data. Please reload and try again."
        case .errorTotalMismatch: "The price has changed meanwhile; please check the total again."
        case .errorIdempotencyKeyReused:
            """
            This order was already sent with other details; please start a new one.
            """
        case .errorHoldExpired: "The hold has expired."
        case .errorTooLarge: "The entry is too long for the server."
        case .errorTooManyAttempts: "Too many attempts. Please wait a moment and try again."
        case .errorServer: "The server reported a fault. Please try again."
        case .errorUnavailable: "The server is not ready right now. The desk tries again shortly."
        case .errorBadResponse:
            """
            The server's answer cannot be read. Does the server version match the desk?
            """

        // Offline desk and sync.
        case .tabSync: "Sync"
        case .tabSyncCount: "Sync ({1})"
        case .statusConflicts: "to resolve: {1}"
        case .offlineBanner: "OFFLINE · data as of {1} ({2}) · orders are sent later"
        case .offlineBannerGuide:
            "OFFLINE · tours from the store · reloaded as soon as the server answers"
        case .offlineBannerNoData: "OFFLINE · no figures kept · orders are sent later"
        case .ageJustNow: "just now"
        case .ageMinutes: "{1} min ago"
        case .ageHours: "{1} h ago"
        case .ageDays: "{1} days ago"
        case .reasonSoldOut: "sold out"
        case .reasonPriceChanged: "price changed"
        case .reasonHoldExpired: "hold expired"
        case .reasonNotVisible: "offer no longer visible"
        case .reasonOther: "refused ({1})"
        case .unlockOffline:
            "Logged in without the server as {1}. New orders are sent as soon as it is back."
        case .loginOfflineHint:
            "Server unreachable: without it, {1} (account {2}) logs in with their own password."
        case .unlockWrongPassword:
            "The server cannot be reached, and the password is wrong. {1} tries left."
        case .unlockLockedOut:
            "Too many wrong passwords. Logging in works again once the server can be reached."
        case .unlockOtherUser:
            """
            The server cannot be reached. Without it only {1} (account {2}) can log in at this \
            desk.
            """
        case .unlockNotSetUp:
            """
            The server cannot be reached, and nobody who could work on without it has logged in \
            at this desk yet.
            """
        case .unlockNoData:
            """
            The server cannot be reached, and the desk has no data kept. Logging in works again \
            with the server.
            """
        case .backgroundLogInRefused:
            "The server refused the log-in. Please log in again; unsent orders are kept."
        case .storageFailed: "The desk's data cannot be written: {1}"
        case .logOutHalfDone: "The order is not finished. Log out anyway?"
        case .logOutRefusedUnsent:
            """
            Cannot log out: {1} not on the server yet. The desk sends as soon as it can (see \
            Sync).
            """
        case .logOutRefusedShortages: "Cannot log out: {1} still open under Sync."
        case .ordersOne: "1 order is"
        case .ordersMany: "{1} orders are"
        case .shortagesOne: "1 shortage is"
        case .shortagesMany: "{1} shortages are"
        case .loggedOut: "Logged out."
        case .offlineCancel:
            "Cancelling needs the server. Please wait until it can be reached again."
        case .offlinePickUp:
            "Pick-ups are booked with the server only. Please wait until it can be reached again."
        case .offlineReturn:
            "Returns are booked with the server only. Please wait until it can be reached again."
        case .offlineNoMonth: "Without the server there are no figures for this month."
        case .offlineNoCatalogue: "The catalogue could not be loaded, and the desk has none kept."
        case .sessionEndedUnsent: "Unsent orders ({1}) go out after the log-in."
        case .conflictNew: "The server refused order {1} ({2}). Please resolve it under Sync ({3})."
        case .shortageNew:
            "A walk-in leaves later orders without a unit. Please resolve it under Sync ({1})."
        case .orderWaiting: "Order {1} is kept and being sent …"
        case .orderQueuedTitle: "Taken without the server"
        case .orderQueuedWalkIn:
            """
            Order {1} is kept. It is sent as handed over at the counter as soon as the server can \
            be reached.
            """
        case .orderQueuedReservation:
            """
            Order {1} is kept and sent as soon as the server can be reached. If nothing is free \
            by then, it shows under Sync.
            """
        case .orderNotStored: "The order could not be kept and is NOT taken: {1}"
        case .confirmWalkIn: "Handed over at the counter now"
        case .confirmReservation: "Reservation"
        case .syncTitle: "Sync · not on the server: {1} · to resolve: {2}"
        case .syncEmpty: "Everything is on the server, nothing to resolve."
        case .syncHint: "{1} other offer · {2} other time · {3} give up · {4} done · {5} send now"
        case .syncRefused: "Conflict: {1}"
        case .syncShortage: "Shortage: {1} short"
        case .syncWaiting: "waiting"
        case .syncRetrying: "try {1} at {2}"
        case .syncSent: "sent: {1}"
        case .syncRefusedDetail: "Refused: {1}. Another offer, another time, or give it up?"
        case .syncShortageDetail:
            "{1}: {2}× {3} short for walk-in {4}; rebook or cancel it, then mark it done."
        case .syncPendingWalkIn:
            "Handed over at the counter: it is created as soon as the server can be reached."
        case .syncPendingReservation: "Reservation: sent as soon as the server can be reached."
        case .syncSentDetail: "Provisional number {1} is order {2} on the server."
        case .syncGiveUpQuestion: "Give up order {1}? It stays on record as given up."
        case .syncGivenUp: "Order {1} is given up."
        case .syncAcknowledged: "The shortage of order {1} is done."
        case .syncFinishOrderFirst: "Finish or abandon the open order first."
        case .syncNotAConflict: "This works on a refused order only."
        case .syncNotAShortage: "Only a shortage can be marked done."
        case .syncSending: "Sending what waits …"
        case .cacheRebuilt:
            """
            The cache was damaged and has been rebuilt; the next sync fills it again. Unsent \
            orders are kept ({1}).
            """
        case .filesMadePrivate: "A file of the desk could be read by others and is now private."
        case .startupOutboxUnusable:
            """
            The outbox {1} cannot be read ({2}). The desk does not start, so that no order is \
            lost; please call support.
            """
        case .startupStorageFailed: "The desk's data in {1} cannot be opened: {2}"

        // Help: what each keymap command does, and the scope headings.
        case .helpScopeGlobal: "Everywhere"
        case .helpScopeCalendar: "Calendar"
        case .helpScopeList: "Lists"
        case .helpScopeField: "Entry fields"
        case .helpScopeStepper: "Quantities"
        case .helpScopeDialog: "Dialogs"
        case .helpScopeWizard: "Order wizard"
        case .helpScopeOrders: "Orders"
        case .commandHelp: "Help on the keys"
        case .commandQuit: "Quit the desk"
        case .commandNextTab: "Next tab"
        case .commandPreviousTab: "Previous tab"
        case .commandBack: "Back"
        case .commandConfirm: "Confirm, go on"
        case .commandCancel: "Cancel, go back"
        case .commandRefresh: "Reload"
        case .commandPreviousDay: "Previous day"
        case .commandNextDay: "Next day"
        case .commandPreviousWeek: "Previous week"
        case .commandNextWeek: "Next week"
        case .commandPreviousMonth: "Previous month"
        case .commandNextMonth: "Next month"
        case .commandToday: "Today"
        case .commandFindOffer: "Find an offer by name"
        case .commandNewOrder: "Start an order on this day"
        case .commandSwitchBranch: "Choose the branch"
        case .commandSwitchCategory: "Choose the category"
        case .commandListUp: "Row up"
        case .commandListDown: "Row down"
        case .commandListPageUp: "Page up"
        case .commandListPageDown: "Page down"
        case .commandListHome: "To the first row"
        case .commandListEnd: "To the last row"
        case .commandListSearch: "Search"
        case .commandListToggle: "Tick, or quantity 1 ↔ 0"
        case .commandFieldLeft: "Cursor left"
        case .commandFieldRight: "Cursor right"
        case .commandFieldHome: "Cursor to the start"
        case .commandFieldEnd: "Cursor to the end"
        case .commandFieldDeleteBackward: "Delete the character left"
        case .commandFieldDeleteForward: "Delete the character right"
        case .commandFieldDeleteToEnd: "Delete to the end"
        case .commandFieldDeleteToStart: "Delete to the start"
        case .commandNextField: "Next field"
        case .commandPreviousField: "Previous field"
        case .commandIncrease: "More"
        case .commandDecrease: "Fewer"
        case .commandDialogNext: "Next button"
        case .commandDialogPrevious: "Previous button"
        case .commandNextStep: "Next step"
        case .commandPreviousStep: "Previous step"
        case .commandPickUp: "Mark as picked up"
        case .commandMarkReturned: "Mark as returned"
        case .commandCancelOrder: "Cancel the order"
        case .helpScopeSync: "Sync"
        case .commandLogOut: "Log out"
        case .commandOtherOffer: "Refused order: choose another offer"
        case .commandOtherTime: "Refused order: choose another time"
        case .commandGiveUpOrder: "Give up a refused order"
        case .commandAcknowledge: "Mark a shortage done"
        }
    }
}
