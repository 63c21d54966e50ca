extension Catalog {
    /// German, the default language of the desk.
    static func german(_ key: MessageKey) -> String {
        switch key {
        // Startup and command line.
        case .optionsUsage:
            """
            Aufruf: booking-desk [--server URL] [--lang de|en] [--theme NAME] [--keymap NAME]

            Ohne --server startet der Desk seinen eingebauten Server auf 127.0.0.1 mit \
            Demo-Daten.
              --server URL    einen entfernten Booking-Server nutzen, z. B. http://kasse:8080
              --lang de|en    Sprache (sonst aus LC_ALL, LC_MESSAGES oder LANG)
              --theme NAME    Farbschema (Name oder Pfad einer .theme-Datei)
              --keymap NAME   Tastenbelegung: default, vi, emacs oder Pfad

            """
        case .optionUnknown: "Unbekannte Option „{1}“. Hilfe mit --help."
        case .optionMissingValue: "{1} braucht einen Wert. Hilfe mit --help."
        case .optionInvalidServer: "--server erwartet eine URL wie http://kasse:8080, nicht „{1}“."
        case .optionInvalidLanguage: "--lang kennt nur de und en, nicht „{1}“."
        case .startupEmbeddedFailed: "Der eingebaute Server startet nicht: {1}"
        case .startupLogFailed:
            """
            Die Logdatei {1} lässt sich nicht öffnen; der Desk läuft ohne Log weiter.
            """
        case .startupTerminalFailed: "Das Terminal lässt sich nicht einrichten (TERM={1})."

        // Frame and status line.
        case .appName: "BookingDesk"
        case .tabCalendar: "Kalender"
        case .tabWizard: "Neue Bestellung"
        case .tabOrders: "Aufträge"
        case .statusOnline: "online"
        case .statusOffline: "offline"
        case .statusUnsent: "unversandt: {1}"
        case .statusLastSync: "Sync {1}"
        case .statusNeverSynced: "Sync –"
        case .statusHelp: "{1} Hilfe"
        case .statusNotLoggedIn: "nicht angemeldet"
        case .statusNoBranch: "keine Filiale"
        case .terminalTooSmall: "Das Fenster ist {1}×{2} groß; der Desk braucht mindestens 80×24."
        case .loading: "Lade …"
        case .unlimited: "unbegrenzt"
        case .roleAdmin: "Verwaltung"
        case .roleStaff: "Theke"
        case .roleGuide: "Tourguide"
        case .roleCustomer: "Kunde"
        case .roleSuperuser: "Support"

        // Log-in.
        case .loginTitle: "Anmeldung"
        case .loginAccount: "Konto"
        case .loginUsername: "Benutzer"
        case .loginPassword: "Passwort"
        case .loginHint: "{1} anmelden · {2} nächstes Feld · {3} beenden"
        case .loginBusy: "Anmeldung läuft …"
        case .loginServer: "Server: {1}"
        case .loginEmbedded: "eingebauter Server auf {1}"
        case .loginDemoTitle: "Demo-Zugänge:"
        case .loginDemoLine: "Konto {1} · Benutzer {2} · Passwort {3} ({4})"
        case .loginNotAtDesk: "Mit der Rolle „{1}“ kann man sich am Desk nicht anmelden."
        case .loginWelcome: "Angemeldet als {1}."
        case .required: "Pflichtfeld: bitte ausfüllen."

        // Calendar.
        case .calendarBranch: "Filiale"
        case .calendarCategory: "Kategorie"
        case .calendarOffer: "Angebot"
        case .calendarAllCategories: "alle Kategorien"
        case .calendarAllOffers: "alle Angebote"
        case .calendarFreeUnits: "{1} frei"
        case .calendarSoldOut: "ausgebucht"
        case .calendarClosed: "geschlossen"
        case .calendarLegendFree: "frei"
        case .calendarLegendFew: "wenig frei"
        case .calendarLegendNone: "ausgebucht"
        case .calendarLegendClosed: "geschlossen"
        case .calendarFindPrompt: "Angebot suchen"
        case .calendarNoMatch: "Kein Angebot passt zu „{1}“."
        case .calendarGoToPrompt: "Gehe zu Datum (TT.MM.JJJJ)"
        case .calendarNoOffers: "In dieser Auswahl gibt es keine Angebote."
        case .calendarChooseBranch: "Filiale wählen"
        case .calendarChooseCategory: "Kategorie wählen"
        case .calendarHint:
            """
            {1} Bestellung an diesem Tag · {2} Angebot suchen · {3} Filiale · {4} Kategorie
            """
        case .calendarDayDetail: "{1}: {2}"
        case .calendarStale: "Stand {1}"

        // Dates.
        case .weekdayMonday: "Mo"
        case .weekdayTuesday: "Di"
        case .weekdayWednesday: "Mi"
        case .weekdayThursday: "Do"
        case .weekdayFriday: "Fr"
        case .weekdaySaturday: "Sa"
        case .weekdaySunday: "So"
        case .monthJanuary: "Januar"
        case .monthFebruary: "Februar"
        case .monthMarch: "März"
        case .monthApril: "April"
        case .monthMay: "Mai"
        case .monthJune: "Juni"
        case .monthJuly: "Juli"
        case .monthAugust: "August"
        case .monthSeptember: "September"
        case .monthOctober: "Oktober"
        case .monthNovember: "November"
        case .monthDecember: "Dezember"
        case .dateFormat: "{1}.{2}.{3}"
        case .monthTitle: "{1} {2}"

        // Order wizard.
        case .stepDate: "Termin"
        case .stepTime: "Zeit"
        case .stepOffers: "Angebot"
        case .stepOptions: "Optionen"
        case .stepCustomer: "Daten"
        case .stepConfirm: "Bestätigung"
        case .wizardTotal: "Summe {1}"
        case .wizardHint: "{1} weiter · {2} zurück · {3} nächstes Feld"
        case .wizardHintList: "{1} weiter · {2} zurück · {3}/{4} Menge · Ziffer setzt Menge"
        case .fieldPickupDate: "Abholung am"
        case .fieldReturnDate: "Rückgabe am"
        case .fieldPickupTime: "Abholung um"
        case .fieldReturnTime: "Rückgabe um"
        case .fieldPickupBranch: "Abholfiliale"
        case .fieldReturnBranch: "Rückgabefiliale"
        case .fieldPersons: "Personen"
        case .fieldSalutation: "Anrede"
        case .fieldFirstName: "Vorname"
        case .fieldLastName: "Nachname"
        case .fieldEmail: "E-Mail"
        case .fieldStreet: "Straße"
        case .fieldHouseNumber: "Hausnummer"
        case .fieldPostalCode: "PLZ"
        case .fieldCity: "Ort"
        case .fieldCountry: "Land"
        case .fieldPhone: "Telefon"
        case .fieldNote: "Bemerkung"
        case .fieldTerms: "AGB akzeptiert"
        case .salutationNone: "–"
        case .salutationMs: "Frau"
        case .salutationMr: "Herr"
        case .defaultCountry: "Deutschland"
        case .invalidDate: "Bitte ein Datum wie 05.03.2016 eingeben."
        case .invalidTime: "Bitte eine Uhrzeit wie 08:00 eingeben."
        case .invalidPersons: "Bitte eine Zahl von 1 bis 99 eingeben."
        case .invalidEmail: "Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben."
        case .termsRequired: "Ohne akzeptierte AGB geht es nicht weiter."
        case .returnBeforePickup: "Die Rückgabe muss nach der Abholung liegen."
        case .branchClosedOn: "{1} ist am {2} geschlossen."
        case .outsideOpeningHours: "{1} hat von {2} bis {3} Uhr geöffnet."
        case .chooseAnOffer: "Bitte mindestens ein Angebot wählen."
        case .onlyFree: "Davon sind nur {1} frei."
        case .returnElsewhereNotAllowed: "{1} muss in der Abholfiliale zurückgegeben werden."
        case .noOffersHere: "Diese Filiale hat keine Angebote."
        case .noOptionsHere: "Für diese Filiale gibt es keine Optionen; {1} geht weiter."
        case .columnOffer: "Angebot"
        case .columnOption: "Option"
        case .columnPrice: "Preis"
        case .columnFree: "frei"
        case .columnQuantity: "Menge"
        case .columnUnitPrice: "Einzelpreis"
        case .columnAmount: "Betrag"
        case .priceTimesUnits: "{1} × {2}"
        case .pricePerHour: "{1} / Std."
        case .pricePerDay: "{1} / Tag"
        case .pricePerNight: "{1} / Nacht"
        case .pricePerPerson: "{1} / Person"
        case .pricePerBooking: "{1} / Buchung"
        case .priceMinimum: "mind. {1}"
        case .holdPlacing: "Angebote werden reserviert …"
        case .holdPlaced: "Reserviert bis {1} Uhr"
        case .holdExpired:
            """
            Die Reservierung ist abgelaufen; die freien Mengen sind neu geladen. Bitte die \
            Angebote noch einmal bestätigen.
            """
        case .soldOutNow:
            """
            Inzwischen ist nicht mehr genug frei; die freien Mengen sind neu geladen. Bitte die \
            Menge anpassen.
            """
        case .totalChanged:
            """
            Der Preis hat sich inzwischen geändert; bitte die Summe noch einmal prüfen.
            """
        case .confirmPeriod: "{1}, {2} bis {3}, {4} Uhr"
        case .confirmBranches: "Abholung {1} · Rückgabe {2}"
        case .confirmCustomer: "Kunde: {1}"
        case .confirmVAT: "enthaltene MwSt. {1} %"
        case .confirmTotal: "Gesamt"
        case .confirmPrepayment: "Anzahlung {1} %, fällig am {2}"
        case .confirmQuoteLoading: "Der Preis wird berechnet …"
        case .confirmHint: "{1} verbindlich buchen · {2} zurück"
        case .orderSending: "Die Bestellung wird gesendet …"
        case .orderCreatedTitle: "Bestellung angelegt"
        case .orderCreated: "Bestellung {1} ist angelegt."
        case .orderCreatedHint: "{1} zurück zum Kalender"
        case .orderRetry:
            """
            Die Bestellung ist nicht sicher angekommen; {1} sendet sie noch einmal (sie wird \
            nicht doppelt angelegt).
            """

        // Orders.
        case .ordersPickups: "Abholungen heute"
        case .ordersReturns: "Rückgaben heute"
        case .ordersSearch: "Suche"
        case .ordersSearchPrompt: "Nummer oder Name"
        case .ordersNone: "Keine Aufträge."
        case .ordersHint: "{1} abgeholt · {2} zurück · {3} stornieren · {4} suchen · {5} Liste"
        case .columnNumber: "Nr."
        case .columnCustomer: "Kunde"
        case .columnTime: "Zeit"
        case .columnStatus: "Status"
        case .columnItems: "Angebote"
        case .orderStatusReserved: "reserviert"
        case .orderStatusPickedUp: "abgeholt"
        case .orderStatusReturned: "zurückgegeben"
        case .orderStatusCancelled: "storniert"
        case .cancelQuestion: "Bestellung {1} von {2} stornieren?"
        case .orderPickedUp: "Bestellung {1} ist abgeholt."
        case .orderReturned: "Bestellung {1} ist zurückgegeben."
        case .orderCancelled: "Bestellung {1} ist storniert."

        // Dialogs, help, quit.
        case .yes: "Ja"
        case .no: "Nein"
        case .ok: "OK"
        case .dialogAnswerHint: "{1} ja · {2} nein"
        case .quitTitle: "Beenden"
        case .quitHalfDone: "Die Bestellung ist noch nicht fertig. Trotzdem beenden?"
        case .abandonQuestion: "Die angefangene Bestellung verwerfen?"
        case .helpTitle: "Tasten ({1})"
        case .helpClose: "{1} schließt die Hilfe"
        case .configProblem: "{1}, Zeile {2}: {3}"
        case .configUsingDefault: "{1}; es gilt die Standardeinstellung."

        // Errors from the server or the network.
        case .errorUnexpected:
            """
            Unerwarteter Fehler ({1}). Bitte noch einmal versuchen; das Log hat Einzelheiten.
            """
        case .errorUnreachable: "Der Server ist nicht erreichbar. Der Desk versucht es weiter."
        case .errorBackOnline: "Der Server ist wieder erreichbar."
        case .errorInvalidCredentials: "Konto, Benutzer oder Passwort stimmen nicht."
        case .errorSessionEnded: "Die Sitzung ist abgelaufen. Bitte neu anmelden."
        case .errorForbidden: "Das ist für diesen Benutzer nicht erlaubt."
        case .errorNotFound: "Nicht gefunden, oder für diesen Benutzer nicht sichtbar."
        case .errorInvalidInput: "Der Server lehnt eine Angabe ab: {1}"
        case .errorSoldOut: "Nicht mehr genug frei."
        case .errorInvalidTransition: "Das geht im jetzigen Status der Bestellung nicht."
        case .errorConflict:
            """
            Das widerspricht gespeicherten Daten. Bitte neu laden und noch einmal versuchen.
            """
        case .errorTooManyAttempts:
            """
            Zu viele Versuche. Bitte kurz warten und dann noch einmal versuchen.
            """
        case .errorServer: "Der Server hat einen Fehler gemeldet. Bitte noch einmal versuchen."
        case .errorUnavailable:
            """
            Der Server ist gerade nicht bereit. Der Desk versucht es gleich noch einmal.
            """
        case .errorBadResponse:
            """
            Die Antwort des Servers ist unverständlich. Passt die Server-Version zum Desk?
            """

        // Added with the Daten step.
        case .fieldTooLong: "Das ist zu lang: höchstens 200 Zeichen."
        }
    }
}
