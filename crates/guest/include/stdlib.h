/*
** stdlib.h: the part of <stdlib.h> that Lua uses, for lua.wasm's freestanding libc.
*/
#ifndef LW_STDLIB_H
#define LW_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void *malloc(size_t n);
void *realloc(void *p, size_t n);
void free(void *p);

double strtod(const char *restrict s, char **restrict end);
_Noreturn void abort(void);
_Noreturn void exit(int status);
char *getenv(const char *name);
int system(const char *cmd);
int abs(int v);

#endif
