#ifndef BOOKING_CNCURSESW_SHIM_H
#define BOOKING_CNCURSESW_SHIM_H

/* SwiftPM drops the -D flags of ncursesw.pc; without them the wide-character
   API (wget_wch, mvwaddwstr, cchar_t) is not declared. */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int bk_wcwidth(wchar_t c) { return wcwidth(c); }

static inline attr_t bk_a_bold(void) { return A_BOLD; }
static inline attr_t bk_a_reverse(void) { return A_REVERSE; }
static inline attr_t bk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bk_a_dim(void) { return A_DIM; }

static inline int bk_key_f(int n) { return KEY_F(n); }

#endif
