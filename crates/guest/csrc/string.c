/*
** string.c: the <string.h> functions of lua.wasm's libc ("C" locale).
** 'memcpy', 'memmove' and 'memset' are single bulk-memory instructions.
*/

#include <string.h>
#include <errno.h>


void *memcpy (void *restrict d, const void *restrict s, size_t n) {
  __builtin_memcpy(d, s, n);  /* lowered to 'memory.copy' (-mbulk-memory) */
  return d;
}


void *memmove (void *d, const void *s, size_t n) {
  __builtin_memmove(d, s, n);  /* 'memory.copy' handles overlap */
  return d;
}


void *memset (void *d, int c, size_t n) {
  __builtin_memset(d, c, n);  /* lowered to 'memory.fill' */
  return d;
}


int memcmp (const void *a, const void *b, size_t n) {
  const unsigned char *l = a, *r = b;
  for (; n > 0; n--, l++, r++)
    if (*l != *r) return *l - *r;
  return 0;
}


void *memchr (const void *s, int c, size_t n) {
  const unsigned char *p = s;
  for (; n > 0; n--, p++)
    if (*p == (unsigned char)c) return (void *)p;
  return NULL;
}


size_t strlen (const char *s) {
  const char *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}


int strcmp (const char *a, const char *b) {
  for (; *a && *a == *b; a++, b++) ;
  return *(const unsigned char *)a - *(const unsigned char *)b;
}


int strncmp (const char *a, const char *b, size_t n) {
  for (; n > 0; n--, a++, b++) {
    if (*a != *b) return *(const unsigned char *)a - *(const unsigned char *)b;
    if (*a == '\0') return 0;
  }
  return 0;
}


/* In the "C" locale, collation is byte order. */
int strcoll (const char *a, const char *b) {
  return strcmp(a, b);
}


char *strcpy (char *restrict d, const char *restrict s) {
  char *r = d;
  while ((*d++ = *s++) != '\0') ;
  return r;
}


char *strchr (const char *s, int c) {
  for (;; s++) {
    if (*s == (char)c) return (char *)s;
    if (*s == '\0') return NULL;
  }
}


char *strrchr (const char *s, int c) {
  const char *last = NULL;
  for (;; s++) {
    if (*s == (char)c) last = s;
    if (*s == '\0') return (char *)last;
  }
}


char *strpbrk (const char *s, const char *accept) {
  for (; *s; s++)
    if (strchr(accept, *s)) return (char *)s;
  return NULL;
}


size_t strspn (const char *s, const char *accept) {
  const char *p = s;
  while (*p && strchr(accept, *p)) p++;
  return (size_t)(p - s);
}


char *strstr (const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (strncmp(hay, needle, n) == 0) return (char *)hay;
  return (n == 0) ? (char *)hay : NULL;
}


/* The glibc texts of the error numbers that lua.wasm's libc can produce. */
char *strerror (int errnum) {
  switch (errnum) {
    case 0: return "Success";
    case ENOENT: return "No such file or directory";
    case EIO: return "Input/output error";
    case EBADF: return "Bad file descriptor";
    case ENOMEM: return "Cannot allocate memory";
    case EACCES: return "Permission denied";
    case EINVAL: return "Invalid argument";
    case EROFS: return "Read-only file system";
    case ERANGE: return "Numerical result out of range";
    case ENOSYS: return "Function not implemented";
    default: return "Unknown error";
  }
}
