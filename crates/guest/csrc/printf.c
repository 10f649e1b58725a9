/*
** printf.c: 'snprintf' and 'vsnprintf' of lua.wasm. This file parses format
** strings and fetches the arguments (only C can read a 'va_list'); each
** conversion is then formatted, exactly as glibc does, by the Rust side
** (lw_fmt.h, crates/libc/src/fmt.rs).
** Not supported, as Lua never uses them: '%n', positional arguments ("%1$d")
** and wide characters ('%lc', '%ls'); such formats fail (return -1), as
** formats with an unknown conversion do in glibc.
*/

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "lw_fmt.h"


/* the largest result of 'vsnprintf' (INT_MAX, without <limits.h>) */
#define LW_MAXRESULT	__INT_MAX__

/* '%zd' is read as a 'ptrdiff_t' and '%tu' as a 'size_t' */
_Static_assert(sizeof(size_t) == sizeof(ptrdiff_t),
               "size_t and ptrdiff_t must have the same size");


/* length modifiers */
enum lw_length {
  LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIGL
};


/*
** The output of one 'vsnprintf'. The next byte goes at 'p' if 'room' is not
** 0; 'room' never counts the byte kept for the final NUL. 'total' counts all
** bytes of the complete output, stored or not, and stays <= LW_MAXRESULT:
** when it would pass it, 'overflow' is set instead.
*/
typedef struct Outbuf {
  char *p;
  size_t room;
  size_t total;
  int overflow;
} Outbuf;


/* Accounts for 'n' bytes produced at 'ob->p', of which only 'ob->room' fit. */
static void advance (Outbuf *ob, size_t n) {
  size_t stored = (n < ob->room) ? n : ob->room;
  if (stored > 0) {  /* ('p' may be NULL when nothing is ever stored) */
    ob->p += stored;
    ob->room -= stored;
  }
  if (n > (size_t)LW_MAXRESULT - ob->total)
    ob->overflow = 1;
  else
    ob->total += n;
}


static void addbytes (Outbuf *ob, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n && i < ob->room; i++)
    ob->p[i] = s[i];
  advance(ob, n);
}


/* Length of 's', but at most 'max' (no limit when 'max' is negative). */
static size_t lw_strnlen (const char *s, int max) {
  size_t lim = (max < 0) ? SIZE_MAX : (size_t)max;
  size_t n = 0;
  while (n < lim && s[n] != '\0') n++;
  return n;
}


static int isdigit_ (char c) {
  return c >= '0' && c <= '9';
}


/* Reads a (possibly empty) run of digits; -1 if its value exceeds INT_MAX. */
static int getnum (const char **pf) {
  const char *f = *pf;
  int n = 0;
  for (; isdigit_(*f); f++) {
    int d = *f - '0';
    if (n >= 0)  /* not overflowed yet? */
      n = (n > (LW_MAXRESULT - d) / 10) ? -1 : n * 10 + d;
  }
  *pf = f;
  return n;
}


/* The LW_FMT_* flag that 'c' stands for, or 0. */
static unsigned getflag (char c) {
  switch (c) {
    case '-': return LW_FMT_MINUS;
    case '+': return LW_FMT_PLUS;
    case ' ': return LW_FMT_SPACE;
    case '#': return LW_FMT_HASH;
    case '0': return LW_FMT_ZERO;
    default: return 0;
  }
}


/* Reads a length modifier, if there is one. */
static int getlength (const char **pf) {
  const char *f = *pf;
  int len;
  switch (*f) {
    case 'h':
      len = LEN_H;
      if (f[1] == 'h') { f++; len = LEN_HH; }
      break;
    case 'l':
      len = LEN_L;
      if (f[1] == 'l') { f++; len = LEN_LL; }
      break;
    case 'j': len = LEN_J; break;
    case 'z': len = LEN_Z; break;
    case 't': len = LEN_T; break;
    case 'L': len = LEN_BIGL; break;
    default: return LEN_NONE;
  }
  *pf = f + 1;
  return len;
}


/*
** Parses a conversion specification, 'f' pointing after its '%': flags,
** width, precision, length modifier and conversion character. A '*' width
** or precision is fetched from 'ap'; a negative '*' width means the '-' flag,
** a negative '*' precision means none. Returns the position after the
** conversion character, or NULL if the specification is not valid.
*/
static const char *getspec (const char *f, struct lw_fmtspec *spec,
                            int *len, va_list *ap) {
  unsigned flag;
  spec->flags = 0;
  while ((flag = getflag(*f)) != 0) {
    spec->flags |= flag;
    f++;
  }
  spec->width = -1;
  if (*f == '*') {
    int w = va_arg(*ap, int);
    f++;
    if (w < 0) {
      if (w < -LW_MAXRESULT) return NULL;  /* INT_MIN cannot be negated */
      spec->flags |= LW_FMT_MINUS;
      w = -w;
    }
    spec->width = w;
  }
  else if (isdigit_(*f) && (spec->width = getnum(&f)) < 0)
    return NULL;
  spec->precision = -1;
  if (*f == '.') {  /* precision? ("." alone is 0) */
    f++;
    if (*f == '*') {
      int p = va_arg(*ap, int);
      f++;
      spec->precision = (p < 0) ? -1 : p;
    }
    else if ((spec->precision = getnum(&f)) < 0)
      return NULL;
  }
  *len = getlength(&f);
  spec->conv = (unsigned char)*f;
  return (*f == '\0') ? NULL : f + 1;
}


static long long getsigned (int len, va_list *ap) {
  switch (len) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H: return (short)va_arg(*ap, int);
    case LEN_L: return va_arg(*ap, long);
    case LEN_LL: case LEN_BIGL: return va_arg(*ap, long long);
    case LEN_J: return va_arg(*ap, intmax_t);
    case LEN_Z: case LEN_T: return va_arg(*ap, ptrdiff_t);
    default: return va_arg(*ap, int);
  }
}


static unsigned long long getunsigned (int len, va_list *ap) {
  switch (len) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_H: return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_L: return va_arg(*ap, unsigned long);
    case LEN_LL: case LEN_BIGL: return va_arg(*ap, unsigned long long);
    case LEN_J: return va_arg(*ap, uintmax_t);
    case LEN_Z: case LEN_T: return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned int);
  }
}


/*
** Formats the conversion 'spec', fetching its argument from 'ap' with the
** type that the conversion and the length modifier 'len' say. Returns 0, or
** -1 for a conversion that this printf does not know.
*/
static int convert (Outbuf *ob, const struct lw_fmtspec *spec, int len,
                    va_list *ap) {
  size_t n;
  switch (spec->conv) {
    case 'd': case 'i':
      n = lw_fmt_signed(ob->p, ob->room, spec, getsigned(len, ap));
      break;
    case 'u': case 'o': case 'x': case 'X':
      n = lw_fmt_unsigned(ob->p, ob->room, spec, getunsigned(len, ap));
      break;
    case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G': case 'a': case 'A': {
      /* a long double is formatted with the precision of a double */
      double v = (len == LEN_BIGL) ? (double)va_arg(*ap, long double)
                                   : va_arg(*ap, double);
      n = lw_fmt_double(ob->p, ob->room, spec, v);
      break;
    }
    case 'c':
      if (len == LEN_L) return -1;  /* no wide characters */
      n = lw_fmt_char(ob->p, ob->room, spec, va_arg(*ap, int));
      break;
    case 's': {
      const char *s = va_arg(*ap, const char *);
      if (len == LEN_L) return -1;  /* no wide characters */
      if (s == NULL)  /* glibc prints "(null)", or nothing if it would be cut */
        s = (spec->precision < 0 || spec->precision >= 6) ? "(null)" : "";
      n = lw_fmt_string(ob->p, ob->room, spec, s,
                        lw_strnlen(s, spec->precision));
      break;
    }
    case 'p':
      n = lw_fmt_pointer(ob->p, ob->room, spec,
                         (uintptr_t)va_arg(*ap, void *));
      break;
    case '%':  /* flags and width do not apply ("%5%" is "%", as in glibc) */
      addbytes(ob, "%", 1);
      return 0;
    default:
      return -1;
  }
  advance(ob, n);
  return 0;
}


int vsnprintf (char *restrict buf, size_t n, const char *restrict fmt,
               va_list ap) {
  Outbuf ob;
  va_list aq;  /* a copy, so that its address can be passed on */
  int status = 0;
  ob.p = buf;
  ob.room = (n > 0) ? n - 1 : 0;  /* keep a byte for the NUL */
  ob.total = 0;
  ob.overflow = 0;
  va_copy(aq, ap);
  while (status == 0 && !ob.overflow && *fmt != '\0') {
    if (*fmt != '%') {  /* copy a run of plain characters */
      const char *s = fmt;
      while (*fmt != '\0' && *fmt != '%') fmt++;
      addbytes(&ob, s, (size_t)(fmt - s));
    }
    else {
      struct lw_fmtspec spec;
      int len;
      fmt = getspec(fmt + 1, &spec, &len, &aq);
      status = (fmt == NULL) ? -1 : convert(&ob, &spec, len, &aq);
    }
  }
  va_end(aq);
  if (n > 0)
    *ob.p = '\0';  /* 'ob.p' is at most at 'buf + n - 1' */
  return (status < 0 || ob.overflow) ? -1 : (int)ob.total;
}


int snprintf (char *restrict buf, size_t n, const char *restrict fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}
