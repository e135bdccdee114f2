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

// Mouse: the masks are macros. Clicks (press or click) select, the wheel scrolls.
static inline mmask_t shim_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int shim_mouse_kind(mmask_t state) {
    if (state & BUTTON4_PRESSED) return 1;               // wheel up
    if (state & BUTTON5_PRESSED) return 2;               // wheel down
    if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 3; // left click
    return 0;
}

#endif
