/*
** stdio.c: the <stdio.h> of lua.wasm. There is no file system: 'stdout' and 'stderr'
** hand their bytes to the Rust side (lw_output_write), which delivers them to the
** host; 'stdin' is always at end of file; 'fopen' fails with ENOENT, as for a file
** that does not exist, so 'dofile', 'loadfile' and 'require' of a file give Lua's
** usual "cannot open" errors.
*/

#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lw_host.h"


struct lw_FILE {
  int stream;  /* LW_STDOUT, LW_STDERR, or 0 for the always-empty stdin */
};

static struct lw_FILE lw_stdin = {0};
static struct lw_FILE lw_stdout = {LW_STDOUT};
static struct lw_FILE lw_stderr = {LW_STDERR};

FILE *const stdin = &lw_stdin;
FILE *const stdout = &lw_stdout;
FILE *const stderr = &lw_stderr;

int errno;


size_t fwrite (const void *restrict p, size_t size, size_t n, FILE *restrict f) {
  if (f->stream == 0 || size == 0) return 0;
  lw_output_write(f->stream, (const char *)p, size * n);
  return n;
}


int fputs (const char *restrict s, FILE *restrict f) {
  return (fwrite(s, 1, strlen(s), f) > 0 || *s == '\0') ? 0 : EOF;
}


/* Formats through a stack buffer in pieces, so any length can be printed. */
static int lw_vfprintf (FILE *restrict f, const char *restrict fmt, va_list ap) {
  char buff[512];
  va_list aq;
  int n;
  va_copy(aq, ap);
  n = vsnprintf(buff, sizeof(buff), fmt, aq);
  va_end(aq);
  if (n < 0) return n;
  if ((size_t)n < sizeof(buff))
    fwrite(buff, 1, (size_t)n, f);
  else {  /* too long for the stack buffer: format it on the heap */
    char *big = (char *)malloc((size_t)n + 1);
    if (big == NULL) return -1;
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    fwrite(big, 1, (size_t)n, f);
    free(big);
  }
  return n;
}


int fprintf (FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = lw_vfprintf(f, fmt, ap);
  va_end(ap);
  return n;
}


int printf (const char *restrict fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = lw_vfprintf(stdout, fmt, ap);
  va_end(ap);
  return n;
}


int fflush (FILE *f) { (void)f; return 0; }

size_t fread (void *restrict p, size_t size, size_t n, FILE *restrict f) {
  (void)p; (void)size; (void)n; (void)f;
  return 0;  /* stdin is empty; no other file can be open */
}

int getc (FILE *f) { (void)f; return EOF; }

int ungetc (int c, FILE *f) { (void)f; return c; }

char *fgets (char *restrict s, int n, FILE *restrict f) {
  (void)s; (void)n; (void)f;
  return NULL;
}

int feof (FILE *f) { return f->stream == 0; }

int ferror (FILE *f) { (void)f; return 0; }

void clearerr (FILE *f) { (void)f; }


FILE *fopen (const char *restrict name, const char *restrict mode) {
  (void)name; (void)mode;
  errno = ENOENT;
  return NULL;
}


FILE *freopen (const char *restrict name, const char *restrict mode, FILE *restrict f) {
  (void)f;
  return fopen(name, mode);
}


int fclose (FILE *f) { (void)f; return 0; }


int remove (const char *name) {
  (void)name;
  errno = ENOENT;
  return -1;
}


int rename (const char *oldname, const char *newname) {
  (void)oldname; (void)newname;
  errno = ENOENT;
  return -1;
}


char *tmpnam (char *s) {
  (void)s;
  return NULL;  /* no file system, no temporary names */
}


/*
** Single-character output. clang rewrites 'fwrite' of one byte and 'fputs' of short
** literals into these, so they must exist even though Lua never names them.
*/
int fputc (int c, FILE *f) {
  char ch = (char)c;
  return (fwrite(&ch, 1, 1, f) == 1) ? (unsigned char)c : EOF;
}

int putc (int c, FILE *f) { return fputc(c, f); }

int putchar (int c) { return fputc(c, stdout); }

int puts (const char *s) {
  return (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF) ? EOF : 0;
}
