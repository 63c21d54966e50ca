// DeskClient: the desk's client of the booking API; the only desk code using Curl.
