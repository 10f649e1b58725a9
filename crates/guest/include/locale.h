/*
** locale.h: lua.wasm runs in the "C" locale only.
*/
#ifndef LW_LOCALE_H
#define LW_LOCALE_H

#include <stddef.h>

#define LC_ALL 6
#define LC_COLLATE 3
#define LC_CTYPE 0
#define LC_MONETARY 4
#define LC_NUMERIC 1
#define LC_TIME 2

struct lconv { char *decimal_point; };

char *setlocale(int category, const char *locale);
struct lconv *localeconv(void);

#endif
