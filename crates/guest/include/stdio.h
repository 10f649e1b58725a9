/*
** stdio.h: the part of <stdio.h> that Lua uses, for lua.wasm's freestanding libc.
** There is no file system: 'stdout' and 'stderr' are routed to the host (see
** docs/ABI.md, "Output"), 'stdin' is always at end of file and 'fopen' always fails.
*/
#ifndef LW_STDIO_H
#define LW_STDIO_H

#include <stddef.h>
#include <stdarg.h>

#define EOF (-1)
#define BUFSIZ 1024
#define L_tmpnam 20
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

typedef struct lw_FILE FILE;

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...);
int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap);
int fprintf(FILE *restrict f, const char *restrict fmt, ...);
int printf(const char *restrict fmt, ...);

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f);
int fputs(const char *restrict s, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int puts(const char *s);
int fflush(FILE *f);
int getc(FILE *f);
int ungetc(int c, FILE *f);
char *fgets(char *restrict s, int n, FILE *restrict f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);

FILE *fopen(const char *restrict name, const char *restrict mode);
FILE *freopen(const char *restrict name, const char *restrict mode, FILE *restrict f);
int fclose(FILE *f);
int remove(const char *name);
int rename(const char *oldname, const char *newname);
char *tmpnam(char *s);

#endif
