#ifndef BOOKING_CSODIUM_SHIM_H
#define BOOKING_CSODIUM_SHIM_H

#include <sodium.h>

#endif
