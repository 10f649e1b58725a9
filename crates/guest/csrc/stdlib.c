/*
** stdlib.c: the rest of <stdlib.h> and <locale.h> for lua.wasm.
** 'malloc' and friends are in Rust (src/heap.rs), 'strtod' too (crates/libc/src/strtod.rs).
*/

#include <stdlib.h>
#include <locale.h>
#include <string.h>


/* A call to 'abort' is a bug in lua.wasm: trap, and the host discards the instance. */
_Noreturn void abort (void) {
  __builtin_trap();
}


/* Only reachable through 'os.exit', which lua.wasm replaces; trap like 'abort'. */
_Noreturn void exit (int status) {
  (void)status;
  __builtin_trap();
}


/* The sandbox has no environment: every variable is unset. */
char *getenv (const char *name) {
  (void)name;
  return NULL;
}


/* There is no command processor ('system(NULL)' is 0). */
int system (const char *cmd) {
  return (cmd == NULL) ? 0 : -1;
}


int abs (int v) { return v < 0 ? -v : v; }


/* Only the "C" locale exists: it can be queried and selected, nothing else. */
char *setlocale (int category, const char *locale) {
  (void)category;
  if (locale == NULL || locale[0] == '\0' || strcmp(locale, "C") == 0 ||
      strcmp(locale, "POSIX") == 0)
    return "C";
  return NULL;
}


struct lconv *localeconv (void) {
  static struct lconv c = {"."};
  return &c;
}
