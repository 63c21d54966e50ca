// DeskApp: the desk's screens, order wizard and sync.
