extension MessageCatalog {
    /// German, the default language of the desk.
    static func german(_ key: MessageKey) -> String {
        switch key {
        // Startup and command line.
        case .optionsUsage:
            """
            Aufruf: booking-desk [--server URL [--ca-file PFAD]] [--lang de|en] [--theme NAME]
                                 [--keymap NAME]

            Ohne --server startet der Desk seinen eingebauten Server auf 127.0.0.1 mit \
            Demo-Daten.
              --server URL    einen entfernten Booking-Server nutzen, z. B. http://kasse:8080
              --ca-file PFAD  dem Zertifikat eines privaten Servers über diese CA-Datei (PEM)
                              vertrauen; geprüft wird immer
              --lang de|en    Sprache (sonst aus LC_ALL, LC_MESSAGES oder LANG)
              --theme NAME    Farbschema: default, high-contrast, monochrome oder NAME.theme
                              in ~/.config/booking-desk/themes/
              --keymap NAME   Tasten: default, vi, emacs oder NAME.keymap
                              in ~/.config/booking-desk/keymaps/

            """
        case .optionUnknown: "Unbekannte Option „{1}“. Hilfe mit --help."
        case .optionMissingValue: "{1} braucht einen Wert. Hilfe mit --help."
        case .optionInvalidServer: "--server erwartet eine URL wie http://kasse:8080, nicht „{1}“."
        case .optionInvalidLanguage: "--lang kennt nur de und en, nicht „{1}“."
        case .optionUnreadableCAFile: "Die CA-Datei „{1}“ lässt sich nicht lesen."
        case .optionCAFileWithoutServer:
            "--ca-file gilt nur mit --server; der eingebaute Server braucht keine."
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
        case .unlimitedShort: "∞"
        case .unknownShort: "–"
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
        case .loginEmbedded: "eingebauter Server, Daten in {1}"
        case .loginDemoTitle: "Demo-Zugänge:"
        case .loginDemoLine: "Konto {1} · Benutzer {2} · Passwort {3} ({4})"
        case .loginNotAtDesk: "Mit der Rolle „{1}“ kann man sich am Desk nicht anmelden."
        case .loginWelcome: "Angemeldet als {1}."
        case .required: "Pflichtfeld: bitte ausfüllen."

        // Calendar.
        case .calendarAllCategories: "alle Kategorien"
        case .calendarAllOffers: "alle Angebote"
        case .calendarFreeUnits: "{1} frei"
        case .calendarSoldOut: "ausgebucht"
        case .calendarClosed: "geschlossen"
        case .calendarClosedShort: "zu"
        case .calendarOfTotal: "{1} von {2} frei"
        case .calendarNotLoaded: "…"
        case .calendarFilter: "{1} · {2} · {3}"
        case .calendarOpeningHours: "geöffnet {1}–{2}"
        case .calendarLegendFree: "frei"
        case .calendarLegendFew: "wenig frei"
        case .calendarLegendNone: "ausgebucht"
        case .calendarLegendClosed: "geschlossen"
        case .calendarFindPrompt: "Angebot suchen"
        case .calendarNoMatch: "Kein Angebot passt zu „{1}“."
        case .calendarNoOffers: "In dieser Auswahl gibt es keine Angebote."
        case .calendarChooseBranch: "Filiale wählen"
        case .calendarChooseCategory: "Kategorie wählen"

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
        case .dayMonthFormat: "{1}.{2}."
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
        case .wizardHintList: "{1} weiter · {2} zurück · {3}/{4} oder Zahl: Menge"
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
        case .invalidEmail: "So sieht keine E-Mail-Adresse aus."
        case .fieldTooLong: "Zu lang: höchstens 200 Zeichen."
        case .termsRequired: "Die AGB müssen akzeptiert sein."
        case .returnBeforePickup: "Die Rückgabe muss nach der Abholung liegen."
        case .pickupBeforeToday: "Die Abholung kann nicht vor heute liegen."
        case .closedForPickupsToday: "Heute keine Abholung mehr bei {1} (geöffnet bis {2} Uhr)."
        case .nextOpeningDayProposed: "Vorschlag: {1}, der nächste Öffnungstag ({2}: anderer Tag)."
        case .rentalTooLong: "Höchstens {1} Tage am Stück."
        case .branchClosedOn: "{1} ist am {2} geschlossen."
        case .outsideOpeningHours: "{1} hat von {2} bis {3} Uhr geöffnet."
        case .chooseAnOffer: "Bitte mindestens ein Angebot wählen."
        case .onlyFree: "Davon sind nur {1} frei."
        case .returnElsewhereNotAllowed: "{1} muss in der Abholfiliale zurückgegeben werden."
        case .tooManyPersons: "{1} nimmt höchstens {2} Personen."
        case .amountTooLarge: "Der Betrag ist zu groß; bitte weniger wählen."
        case .wizardPeriod: "{1} {2} – {3} {4} · {5}"
        case .noOffersHere: "Diese Filiale hat keine Angebote."
        case .noOptionsHere: "Für diese Filiale gibt es keine Optionen; {1} geht weiter."
        case .columnOffer: "Angebot"
        case .columnOption: "Option"
        case .columnPrice: "Preis"
        case .columnFree: "frei"
        case .columnQuantity: "Menge"
        case .columnUnitPrice: "Einzelpreis"
        case .columnAmount: "Betrag"
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
        case .confirmBranches: "Abholung {1} · Rückgabe {2}"
        case .confirmCustomer: "Kunde: {1}"
        case .confirmVAT: "enthaltene MwSt. {1} %"
        case .confirmTotal: "Gesamt"
        case .confirmOptions: "Optionen"
        case .confirmQuantity: "{1}×"
        case .confirmPrepayment: "Anzahlung {1} %, fällig am {2}"
        case .confirmQuoteLoading: "Der Preis wird berechnet …"
        case .confirmHint: "{1} verbindlich buchen · {2} zurück"
        case .orderSending: "Die Bestellung wird gesendet …"
        case .orderCreatedTitle: "Bestellung angelegt"
        case .orderCreated: "Bestellung {1} ist angelegt."
        case .orderCreatedHint: "{1} zurück zum Kalender"
        case .orderRetry:
            """
            Keine Antwort vom Server: {1} sendet die Bestellung noch einmal, ohne sie doppelt \
            anzulegen.
            """

        // Orders.
        case .ordersPickups: "Abholungen heute"
        case .ordersReturns: "Rückgaben heute"
        case .ordersSearchPrompt: "Nummer oder Name"
        case .ordersNone: "Keine Aufträge."
        case .ordersTitle: "{1} · {2}"
        case .ordersSearchTitle: "Suche „{1}“"
        case .ordersNotReserved:
            """
            Nur reservierte Bestellungen können abgeholt oder storniert werden.
            """
        case .ordersNotPickedUp: "Nur abgeholte Bestellungen können zurückgegeben werden."
        case .ordersNoneSelected: "Keine Bestellung ausgewählt."
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

        // Users, guides and tours.
        case .tabUsers: "Benutzer"
        case .tabGuides: "Guides & Touren"
        case .tabMyTours: "Meine Touren"
        case .roleOwner: "Inhaber"
        case .roleStaffShort: "Theke"
        case .roleGuideShort: "Tourguide"
        case .columnDate: "Datum"
        case .columnTour: "Tour"
        case .columnParticipants: "Teilnehmer"
        case .columnName: "Name"
        case .columnUsername: "Benutzer"
        case .columnRole: "Rolle"
        case .columnAdmin: "Admin"
        case .columnBranches: "Filialen"
        case .columnCategories: "Kategorien"
        case .columnRestrictions: "Einschränkung"
        case .columnLastLogIn: "Letzte Anm."
        case .columnState: "Status"
        case .columnPlaces: "Plätze"
        case .columnGuide: "Guide"
        case .columnReleased: "Freigabe"
        case .columnContract: "Vertrag"
        case .columnPhone: "Telefon"
        case .columnEmail: "E-Mail"
        case .columnAccess: "Zugang"
        case .myToursTitle: "Meine Touren · {1}"
        case .myToursPast: "Vergangene Touren"
        case .myToursNone: "Keine freigegebenen Touren."
        case .myToursHint:
            """
            Nur zum Lesen: hier lässt sich nichts ändern · {1} neu laden · {2} Hilfe
            """
        case .myToursAsOf: "Stand {1}"
        case .myToursFromCache:
            "Aus dem Speicher dieses Rechners: Stand {1} ({2})."
        case .unlockOfflineGuide:
            "Ohne Server angemeldet als {1}: die Touren kommen aus dem Speicher dieses Rechners."
        case .myToursNothingCached:
            """
            Der Server ist nicht erreichbar, und auf diesem Rechner ist noch keine Tourliste \
            gespeichert.
            """
        case .fieldUsername: "Benutzername"
        case .fieldName: "Name"
        case .fieldContractNumber: "Vertragsnr."
        case .fieldOtherPhone: "Telefon 2"
        case .fieldAccountHolder: "Kontoinhaber"
        case .fieldIBAN: "IBAN"
        case .fieldBIC: "BIC"
        case .fieldTaxNumber: "Steuernummer"
        case .fieldVATID: "USt-IdNr."
        case .fieldTour: "Tour"
        case .fieldTourDate: "Datum"
        case .fieldTourStart: "Beginn"
        case .fieldTourEnd: "Ende"
        case .fieldCapacity: "Plätze"
        case .fieldGuide: "Guide"
        case .fieldReleased: "Freigegeben"
        case .usersTitle: "Benutzer von {1} ({2})"
        case .usersNone: "Noch keine Benutzer."
        case .usersWaitForServer: "Die Benutzerliste kommt, sobald der Server erreichbar ist."
        case .usersNoneSelected: "Kein Benutzer ausgewählt."
        case .usersHint:
            """
            {1} Admin ja/nein · {2} Filialen · {3} Kategorien · {4} neu · {5} \
            sperren/entsperren · {6} löschen · {7} neues Passwort · {8} suchen
            """
        case .userDetail:
            """
            {1} ({2}, {3}) · Filialen: {4} · Kategorien: {5} · zuletzt angemeldet: {6}
            """
        case .userStateActive: "aktiv"
        case .userStateInactive: "gesperrt"
        case .adminYes: "ja"
        case .releasedNo: "nein"
        case .restrictAll: "alle"
        case .restrictNone: "keine"
        case .restrictionsSummary: "Filialen: {1} · Kategorien: {2}"
        case .neverLoggedIn: "nie"
        case .ownerKeepsAdmin: "{1} ist Inhaber des Kontos und bleibt immer Admin."
        case .guideNeverAdmin: "{1} ist Tourguide; Tourguides können keine Admins sein."
        case .notYourself:
            """
            Das eigene Konto kann man hier nicht herabstufen, sperren oder löschen; das macht \
            ein anderer Admin.
            """
        case .ownerUnrestricted:
            """
            {1} ist Inhaber des Kontos und sieht immer alle Filialen und Kategorien.
            """
        case .guideUnrestricted:
            """
            {1} ist Tourguide und sieht nur die eigenen Touren; Filialen und Kategorien gelten \
            nicht.
            """
        case .ownerStaysActive: "{1} ist Inhaber des Kontos und kann nicht gesperrt werden."
        case .ownerNotDeleted: "{1} ist Inhaber des Kontos und kann nicht gelöscht werden."
        case .userChangePending:
            """
            Für {1} ist schon eine Änderung unterwegs; bitte die Antwort abwarten.
            """
        case .userChangeOnItsWay: "{1}: die Änderung ist unterwegs zum Server …"
        case .accountChangesNeedNetwork:
            """
            Ohne Verbindung zum Server lassen sich Benutzer, Guides und Touren nicht ändern; \
            bitte warten, bis der Desk wieder online ist.
            """
        case .accountChangeNotSaved:
            """
            Der Server ist nicht erreichbar: die Änderung ist nicht gespeichert. Bitte noch \
            einmal, sobald der Desk wieder online ist.
            """
        case .deactivateQuestion:
            """
            {1} sperren? Die Anmeldung geht dann nicht mehr, offene Sitzungen enden sofort. \
            Entsperren geht mit derselben Taste.
            """
        case .deleteUserQuestion:
            """
            {1} löschen? Anmeldung und persönliche Daten werden entfernt; das lässt sich nicht \
            rückgängig machen.
            """
        case .newPasswordQuestion:
            """
            Für {1} ein neues Passwort erzeugen und an {2} schicken? Das bisherige gilt dann \
            nicht mehr.
            """
        case .userCreating: "Der Benutzer wird angelegt …"
        case .userCreated: "{1} ist angelegt (Benutzer {2})."
        case .passwordMailSent: "Das Passwort ging per E-Mail an {1}."
        case .passwordMailSpooled:
            """
            Das Passwort liegt als E-Mail an {1} im Postausgang des Servers (kein Mailserver \
            eingerichtet).
            """
        case .passwordMailFailed:
            """
            Die E-Mail mit dem Passwort an {1} ließ sich nicht verschicken; bitte später mit \
            {2} ein neues Passwort senden.
            """
        case .userNowAdmin: "{1} ist jetzt Admin."
        case .userNoLongerAdmin: "{1} ist kein Admin mehr."
        case .userRestrictionsSaved: "Für {1} gespeichert: {2}."
        case .userActivated: "{1} ist entsperrt und kann sich wieder anmelden."
        case .userDeactivated: "{1} ist gesperrt; offene Sitzungen sind beendet."
        case .userDeleted: "{1} ist gelöscht."
        case .newPasswordMade: "Für {1} gilt ein neues Passwort."
        case .newUserTitle: "Neuer Benutzer"
        case .newUserMailNote:
            """
            Der Server erzeugt das Passwort und schickt es an die E-Mail-Adresse; niemand am \
            Desk sieht es. Neue Benutzer arbeiten an der Theke, ohne Einschränkung und ohne \
            Admin-Recht.
            """
        case .usernameNoSpaces: "Bitte 1 bis 64 Zeichen ohne Leerzeichen."
        case .usernameTaken: "Diesen Benutzernamen gibt es schon."
        case .restrictBranchesTitle: "Filialen von {1}"
        case .restrictCategoriesTitle: "Kategorien von {1}"
        case .restrictNoTickBranches:
            """
            Kein Haken = keine Einschränkung: alle Filialen, auch künftige.
            """
        case .restrictNoTickCategories:
            """
            Kein Haken = keine Einschränkung: alle Kategorien, auch künftige.
            """
        case .restrictAdminNote:
            """
            {1} ist Admin; die Einschränkung gilt erst, wenn das Admin-Recht wegfällt.
            """
        case .restrictHint: "{1} Haken setzen/entfernen · {2} speichern · {3} abbrechen"
        case .guidesTitle: "Guides & Touren"
        case .guidesHeading: "Guides"
        case .guidesNone: "Noch keine Guides."
        case .guidesWaitForServer: "Die Liste kommt, sobald der Server erreichbar ist."
        case .guidesNoneSelected: "Kein Guide ausgewählt."
        case .guidesHint:
            """
            {1} neuer Guide · {2} bearbeiten · {3} Zugang anlegen · {4} zu den Touren
            """
        case .guideSaved: "Die Daten von {1} sind gespeichert."
        case .guideAccessCreated: "Zugang {1} für {2} ist angelegt."
        case .guideHasAccess: "{1} hat schon einen Zugang."
        case .guideNeedsEmail:
            """
            Für den Zugang braucht {1} eine E-Mail-Adresse: das Passwort geht per Mail.
            """
        case .guideNewTitle: "Neuer Guide"
        case .guideEditTitle: "Guide {1} bearbeiten"
        case .guideAccessTitle: "Zugang für {1}"
        case .guideAccessNote:
            """
            Der Server erzeugt das Passwort und schickt es an {1}. Mit dem Zugang sieht der \
            Guide am Desk nur die eigenen freigegebenen Touren.
            """
        case .contractNumberTaken: "Diese Vertragsnummer hat schon ein anderer Guide."
        case .guideFieldRefused:
            """
            Der Server lehnt diese Angabe ab; bitte prüfen (eine Zeile, höchstens 200 \
            Zeichen).
            """
        case .bicInvalid: "Keine BIC (8 oder 11 Zeichen)."
        case .tourOver: "Dieser Termin ist schon vorbei."
        case .ibanInvalid: "Keine gültige IBAN (Prüfziffern, Länge)."
        case .ibanMissing: "Zu Kontoinhaber oder BIC fehlt die IBAN."
        case .keyIsForTours: "Diese Taste gilt für die Touren: mit {1} dorthin wechseln."
        case .keyIsForGuides: "Diese Taste gilt für die Guides: mit {1} dorthin wechseln."
        case .formHint: "{1} weiter und am Ende speichern · {2} nächstes Feld · {3} abbrechen"
        case .saving: "Wird gespeichert …"
        case .toursHeading: "Touren ab heute"
        case .toursNone: "Keine Tourtermine ab heute."
        case .toursNoneSelected: "Keine Tour ausgewählt."
        case .toursHint:
            """
            {1} neuer Termin · {2} bearbeiten · {3} Guide zuweisen · {4} \
            freigeben/zurücknehmen · {5} zu den Guides
            """
        case .tourSaved: "{1} am {2} ist gespeichert."
        case .tourReleased: "{1} am {2} ist freigegeben: {3} sieht die Tour jetzt."
        case .tourNotReleased: "{1} am {2} ist nicht mehr freigegeben."
        case .tourAssigned: "{1} am {2}: {3} ist als Guide eingetragen."
        case .tourNoGuide: "{1} am {2} hat keinen Guide mehr."
        case .releaseNeedsGuide: "Erst einen Guide zuweisen ({1}), dann freigeben."
        case .assignGuideTitle: "Guide für {1}"
        case .noGuide: "– kein Guide –"
        case .guideAssigned: "zugewiesen"
        case .noTourOffers:
            """
            Es gibt keine Tour-Angebote, für die ein Termin angelegt werden könnte.
            """
        case .capacityInvalid: "Bitte eine Zahl von 1 bis 10000."
        case .tourEndBeforeStart: "Das Ende muss nach dem Beginn liegen."
        case .tourNewTitle: "Neuer Tourtermin"
        case .tourEditTitle: "Termin von {1} bearbeiten"
        case .helpScopeUsers: "Benutzer"
        case .helpScopeGuides: "Guides & Touren"
        case .commandToggleAdmin: "Admin-Recht geben oder nehmen"
        case .commandEditBranches: "Filialen einschränken"
        case .commandEditCategories: "Kategorien einschränken"
        case .commandNewUser: "Neuer Benutzer"
        case .commandDeactivateUser: "Benutzer sperren oder entsperren"
        case .commandDeleteUser: "Benutzer löschen"
        case .commandMailNewPassword: "Neues Passwort per E-Mail"
        case .commandNewGuideOrTour: "Neuer Guide oder Tourtermin"
        case .commandEditGuideOrTour: "Guide oder Termin bearbeiten"
        case .commandCreateGuideAccess: "Zugang für den Guide anlegen"
        case .commandAssignGuide: "Guide zuweisen"
        case .commandReleaseTour: "Tour freigeben oder zurücknehmen"

        // Dialogs, help, quit.
        case .yes: "Ja"
        case .no: "Nein"
        case .ok: "OK"
        case .quitTitle: "Beenden"
        case .quitHalfDone: "Die Bestellung ist noch nicht fertig. Trotzdem beenden?"
        case .abandonQuestion: "Die angefangene Bestellung verwerfen?"
        case .helpTitle: "Tasten ({1})"
        case .helpClose: "{1} schließt die Hilfe"
        case .configProblem: "{1}, Zeile {2}: {3}"
        case .configUsingDefault: "{1}; es gilt die Standardeinstellung."
        case .configMoreInLog: " (+{1} weitere in desk.log)"
        case .configProblemFile: "{1}: {2}"
        case .configMissingEquals: "zwischen Name und Wert fehlt ein „=“"
        case .configBadName: "„{1}“ ist kein gültiger Name"
        case .configMissingValue: "nach „=“ fehlt der Wert"
        case .configUnknownKey: "die Taste „{1}“ ist unbekannt"
        case .configUnknownCommand: "den Befehl „{1}“ kennt der Desk nicht"
        case .configKeyBoundTwice: "die Taste {1} gehört schon zu {2}, nicht auch zu {3}"
        case .configDuplicate: "„{1}“ steht zweimal in der Datei"
        case .configUnknownRole: "die Rolle „{1}“ ist unbekannt"
        case .configUnknownColor: "die Farbe „{1}“ ist unbekannt"
        case .configUnknownAttribute: "das Attribut „{1}“ ist unbekannt"
        case .configMissingColors: "Vorder- und Hintergrundfarbe fehlen"
        case .configUnreadable: "die Datei lässt sich nicht lesen (Fehler {1})"
        case .configNotUTF8: "die Datei ist kein UTF-8-Text"
        case .configNotFound: "„{1}“ gibt es nicht"
        case .configBadFileName: "„{1}“ ist kein einfacher Dateiname"

        // Errors from the server or the network.
        case .errorUnexpected:
            """
            Unerwarteter Fehler ({1}). Bitte noch einmal versuchen; das Log hat Einzelheiten.
            """
        case .errorUnreachable: "Der Server ist nicht erreichbar. Der Desk versucht es weiter."
        case .errorBackOnline: "Der Server ist wieder erreichbar."
        case .errorOffline: "Der Server ist nicht erreichbar."
        case .errorTimeout: "Der Server hat nicht rechtzeitig geantwortet."
        case .errorConnectionLost: "Die Verbindung zum Server ist abgebrochen."
        case .errorTLS:
            """
            Die sichere Verbindung zum Server ist gescheitert: sein Zertifikat wird nicht \
            anerkannt.
            """
        case .errorInvalidCredentials: "Konto, Benutzer oder Passwort stimmen nicht."
        case .errorSessionEnded: "Die Sitzung ist abgelaufen. Bitte neu anmelden."
        case .errorForbidden: "Das ist für diesen Benutzer nicht erlaubt."
        case .errorNotFound: "Nicht gefunden, oder für diesen Benutzer nicht sichtbar."
        case .errorInvalidInput: "Der Server lehnt eine Angabe ab. Bitte die Eingaben prüfen."
        case .errorSoldOut: "Nicht mehr genug frei."
        case .errorInvalidTransition: "Das geht im jetzigen Status der Bestellung nicht."
        case .errorConflict:
            """
            Das widerspricht gespeicherten Daten. Bitte neu laden und noch einmal versuchen.
            """
        case .errorTotalMismatch:
            """
            Der Preis hat sich inzwischen geändert; bitte die Summe noch einmal prüfen.
            """
        case .errorIdempotencyKeyReused:
            """
            Diese Bestellung wurde schon mit anderen Angaben gesendet; bitte eine neue beginnen.
            """
        case .errorHoldExpired: "Die Reservierung ist abgelaufen."
        case .errorTooLarge: "Die Eingabe ist zu lang für den Server."
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

        // Offline desk and sync.
        case .tabSync: "Abgleich"
        case .tabSyncCount: "Abgleich ({1})"
        case .statusConflicts: "zu klären: {1}"
        case .offlineBanner:
            "OFFLINE · Stand {1} ({2}) · Bestellungen werden später gesendet"
        case .offlineBannerGuide:
            "OFFLINE · Touren aus dem Speicher · neu geladen, sobald der Server antwortet"
        case .offlineBannerNoData:
            "OFFLINE · keine gespeicherten Zahlen · Bestellungen werden später gesendet"
        case .ageJustNow: "gerade eben"
        case .ageMinutes: "vor {1} Min."
        case .ageHours: "vor {1} Std."
        case .ageDays: "vor {1} Tagen"
        case .reasonSoldOut: "ausgebucht"
        case .reasonPriceChanged: "Preis geändert"
        case .reasonHoldExpired: "Reservierung abgelaufen"
        case .reasonNotVisible: "Angebot nicht mehr sichtbar"
        case .reasonOther: "abgelehnt ({1})"
        case .unlockOffline:
            """
            Ohne Server angemeldet als {1}. Neue Bestellungen werden gesendet, sobald er wieder \
            erreichbar ist.
            """
        case .loginOfflineHint:
            "Server nicht erreichbar: ohne ihn meldet sich {1} (Konto {2}) mit eigenem Passwort an."
        case .unlockWrongPassword:
            "Der Server ist nicht erreichbar, und das Passwort stimmt nicht. Noch {1} Versuche."
        case .unlockLockedOut:
            """
            Zu viele falsche Passwörter. Anmelden geht erst wieder, wenn der Server erreichbar \
            ist.
            """
        case .unlockOtherUser:
            """
            Der Server ist nicht erreichbar. Ohne ihn kann sich an diesem Desk nur {1} (Konto \
            {2}) anmelden.
            """
        case .unlockNotSetUp:
            """
            Der Server ist nicht erreichbar, und an diesem Desk hat sich noch niemand angemeldet, \
            der ohne ihn weiterarbeiten könnte.
            """
        case .unlockNoData:
            """
            Der Server ist nicht erreichbar, und der Desk hat keine gespeicherten Daten. Anmelden \
            geht erst wieder mit dem Server.
            """
        case .backgroundLogInRefused:
            """
            Der Server hat die Anmeldung abgelehnt. Bitte neu anmelden; nicht gesendete \
            Bestellungen bleiben erhalten.
            """
        case .storageFailed: "Die Daten des Desks lassen sich nicht schreiben: {1}"
        case .logOutHalfDone: "Die Bestellung ist noch nicht fertig. Trotzdem abmelden?"
        case .logOutRefusedUnsent:
            """
            Abmelden geht nicht: {1} noch nicht beim Server. Der Desk sendet, sobald er kann \
            (siehe Abgleich).
            """
        case .logOutRefusedShortages: "Abmelden geht nicht: {1} unter Abgleich noch offen."
        case .ordersOne: "1 Bestellung ist"
        case .ordersMany: "{1} Bestellungen sind"
        case .shortagesOne: "1 Engpass ist"
        case .shortagesMany: "{1} Engpässe sind"
        case .loggedOut: "Abgemeldet."
        case .offlineCancel:
            "Stornieren geht nur mit dem Server. Bitte warten, bis er wieder erreichbar ist."
        case .offlinePickUp:
            """
            Die Abholung lässt sich nur mit dem Server buchen. Bitte warten, bis er wieder \
            erreichbar ist.
            """
        case .offlineReturn:
            """
            Die Rückgabe lässt sich nur mit dem Server buchen. Bitte warten, bis er wieder \
            erreichbar ist.
            """
        case .offlineNoMonth: "Ohne Server liegen für diesen Monat keine Zahlen vor."
        case .offlineNoCatalogue:
            "Das Angebot ließ sich nicht laden, und der Desk hat keines gespeichert."
        case .sessionEndedUnsent:
            "Nicht gesendete Bestellungen ({1}) gehen nach der Anmeldung hinaus."
        case .conflictNew:
            "Der Server hat Bestellung {1} abgelehnt ({2}). Bitte unter Abgleich klären ({3})."
        case .shortageNew:
            "Ein Walk-in lässt spätere Aufträge ohne Einheit. Bitte unter Abgleich klären ({1})."
        case .orderWaiting: "Bestellung {1} ist gespeichert und wird gesendet …"
        case .orderQueuedTitle: "Ohne Server angenommen"
        case .orderQueuedWalkIn:
            """
            Bestellung {1} ist gespeichert. Sie wird als Übergabe an der Theke gesendet, sobald \
            der Server erreichbar ist.
            """
        case .orderQueuedReservation:
            """
            Bestellung {1} ist gespeichert und wird gesendet, sobald der Server erreichbar ist. \
            Ist dann nichts mehr frei, erscheint sie unter Abgleich.
            """
        case .orderNotStored:
            "Die Bestellung ließ sich nicht speichern und ist NICHT angenommen: {1}"
        case .confirmWalkIn: "Übergabe jetzt an der Theke"
        case .confirmReservation: "Reservierung"
        case .syncTitle: "Abgleich · nicht beim Server: {1} · zu klären: {2}"
        case .syncEmpty: "Alles ist beim Server, nichts ist zu klären."
        case .syncHint:
            "{1} anderes Angebot · {2} andere Zeit · {3} nicht anlegen · {4} erledigt · {5} senden"
        case .syncRefused: "Konflikt: {1}"
        case .syncShortage: "Engpass: {1} zu wenig"
        case .syncWaiting: "wartet"
        case .syncRetrying: "{1}. Versuch um {2}"
        case .syncSent: "gesendet: {1}"
        case .syncRefusedDetail: "Abgelehnt: {1}. Anderes Angebot, andere Zeit oder nicht anlegen?"
        case .syncShortageDetail:
            "{1}: {2}× {3} zu wenig wegen Walk-in {4}; umbuchen oder stornieren, dann erledigt."
        case .syncPendingWalkIn:
            "Übergabe an der Theke: wird sicher angelegt, sobald der Server erreichbar ist."
        case .syncPendingReservation:
            "Reservierung: wird gesendet, sobald der Server erreichbar ist."
        case .syncSentDetail: "Vorläufige Nummer {1} ist beim Server Bestellung {2}."
        case .syncGiveUpQuestion:
            "Bestellung {1} nicht anlegen? Sie bleibt als aufgegeben vermerkt."
        case .syncGivenUp: "Bestellung {1} wird nicht angelegt."
        case .syncAcknowledged: "Engpass bei Auftrag {1} ist erledigt."
        case .syncFinishOrderFirst: "Erst die offene Bestellung abschließen oder abbrechen."
        case .syncNotAConflict: "Das geht nur bei einer abgelehnten Bestellung."
        case .syncNotAShortage: "Als erledigt markieren lässt sich nur ein Engpass."
        case .syncSending: "Sende, was wartet …"
        case .cacheRebuilt:
            """
            Der Zwischenspeicher war beschädigt und ist neu angelegt; er füllt sich beim nächsten \
            Abgleich. Nicht gesendete Bestellungen sind erhalten ({1}).
            """
        case .filesMadePrivate:
            "Eine Datei des Desks war für andere lesbar und ist jetzt geschützt."
        case .startupOutboxUnusable:
            """
            Der Ausgangskorb {1} ist nicht lesbar ({2}). Der Desk startet nicht, damit keine \
            Bestellung verloren geht; bitte den Support rufen.
            """
        case .startupStorageFailed: "Die Daten des Desks in {1} lassen sich nicht öffnen: {2}"

        // Help: what each keymap command does, and the scope headings.
        case .helpScopeGlobal: "Überall"
        case .helpScopeCalendar: "Kalender"
        case .helpScopeList: "Listen"
        case .helpScopeField: "Eingabefelder"
        case .helpScopeStepper: "Mengen"
        case .helpScopeDialog: "Dialoge"
        case .helpScopeWizard: "Bestellung"
        case .helpScopeOrders: "Aufträge"
        case .commandHelp: "Hilfe zu den Tasten"
        case .commandQuit: "Desk beenden"
        case .commandNextTab: "Nächster Reiter"
        case .commandPreviousTab: "Voriger Reiter"
        case .commandBack: "Zurück"
        case .commandConfirm: "Bestätigen, weiter"
        case .commandCancel: "Abbrechen, zurück"
        case .commandRefresh: "Neu laden"
        case .commandPreviousDay: "Voriger Tag"
        case .commandNextDay: "Nächster Tag"
        case .commandPreviousWeek: "Vorige Woche"
        case .commandNextWeek: "Nächste Woche"
        case .commandPreviousMonth: "Voriger Monat"
        case .commandNextMonth: "Nächster Monat"
        case .commandToday: "Heute"
        case .commandFindOffer: "Angebot nach Namen suchen"
        case .commandNewOrder: "Bestellung an diesem Tag beginnen"
        case .commandSwitchBranch: "Filiale wählen"
        case .commandSwitchCategory: "Kategorie wählen"
        case .commandListUp: "Zeile hoch"
        case .commandListDown: "Zeile runter"
        case .commandListPageUp: "Seite hoch"
        case .commandListPageDown: "Seite runter"
        case .commandListHome: "Zur ersten Zeile"
        case .commandListEnd: "Zur letzten Zeile"
        case .commandListSearch: "Suchen"
        case .commandListToggle: "Ankreuzen oder Menge 1 ↔ 0"
        case .commandFieldLeft: "Cursor nach links"
        case .commandFieldRight: "Cursor nach rechts"
        case .commandFieldHome: "Cursor an den Anfang"
        case .commandFieldEnd: "Cursor ans Ende"
        case .commandFieldDeleteBackward: "Zeichen links löschen"
        case .commandFieldDeleteForward: "Zeichen rechts löschen"
        case .commandFieldDeleteToEnd: "Bis zum Ende löschen"
        case .commandFieldDeleteToStart: "Bis zum Anfang löschen"
        case .commandNextField: "Nächstes Feld"
        case .commandPreviousField: "Voriges Feld"
        case .commandIncrease: "Menge erhöhen"
        case .commandDecrease: "Menge verringern"
        case .commandDialogNext: "Nächste Schaltfläche"
        case .commandDialogPrevious: "Vorige Schaltfläche"
        case .commandNextStep: "Nächster Schritt"
        case .commandPreviousStep: "Voriger Schritt"
        case .commandPickUp: "Als abgeholt markieren"
        case .commandMarkReturned: "Als zurückgegeben markieren"
        case .commandCancelOrder: "Bestellung stornieren"
        case .helpScopeSync: "Abgleich"
        case .commandLogOut: "Abmelden"
        case .commandOtherOffer: "Abgelehnte Bestellung: anderes Angebot wählen"
        case .commandOtherTime: "Abgelehnte Bestellung: andere Zeit wählen"
        case .commandGiveUpOrder: "Abgelehnte Bestellung nicht anlegen"
        case .commandAcknowledge: "Engpass als erledigt markieren"
        }
    }
}
