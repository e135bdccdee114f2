#ifndef SESSIONS_HUB_CNCURSESW_SHIM_H
#define SESSIONS_HUB_CNCURSESW_SHIM_H

// Wide-character API: must be defined before ncurses.h is included (PLATFORM.md).
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/ncurses.h>
#include <term.h>

// Macros Swift cannot import, wrapped as functions.
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_italic(void) { return A_ITALIC; }
static inline attr_t shim_a_standout(void) { return A_STANDOUT; }
static inline int shim_key_f(int n) { return KEY_F(n); }
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
