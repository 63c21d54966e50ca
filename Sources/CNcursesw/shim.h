#ifndef BOOKING_CNCURSESW_SHIM_H
#define BOOKING_CNCURSESW_SHIM_H

/* SwiftPM drops the -D flags of ncursesw.pc; without them the wide-character
   API (wget_wch, mvwaddwstr, cchar_t) is not declared. */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int bk_wcwidth(wchar_t c) { return wcwidth(c); }

static inline attr_t bk_a_bold(void) { return A_BOLD; }
static inline attr_t bk_a_reverse(void) { return A_REVERSE; }
static inline attr_t bk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bk_a_dim(void) { return A_DIM; }

static inline int bk_key_f(int n) { return KEY_F(n); }

/* The character set of the current LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *bk_codeset(void) { return nl_langinfo(CODESET); }

/* stdscr is a mutable C global, which Swift 6 refuses to read directly. */
static inline WINDOW *bk_stdscr(void) { return stdscr; }

static inline attr_t bk_a_italic(void) { return A_ITALIC; }

/* COLORS is a mutable C global too; valid after start_color(). */
static inline int bk_colors(void) { return COLORS; }

#endif
