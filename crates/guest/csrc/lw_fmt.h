/*
** lw_fmt.h: the printf conversions of the Rust side (crates/libc/src/fmt.rs), which
** printf.c calls once per conversion of a format string.
*/
#ifndef LW_FMT_H
#define LW_FMT_H

#include <stddef.h>
#include <stdint.h>

/* Flags of a conversion ('lw_fmtspec.flags'). */
#define LW_FMT_MINUS	1	/* '-': pad on the right */
#define LW_FMT_PLUS	2	/* '+': sign on non-negative signed values */
#define LW_FMT_SPACE	4	/* ' ': space where a '+' would go */
#define LW_FMT_HASH	8	/* '#': alternate form */
#define LW_FMT_ZERO	16	/* '0': pad numbers with zeros */

/* One printf conversion, parsed by printf.c. */
struct lw_fmtspec {
  unsigned flags;  /* a set of LW_FMT_* */
  int width;  /* -1 when absent */
  int precision;  /* -1 when absent */
  int conv;  /* the conversion character: d i u o x X c s p e E f F g G a A */
};

/*
** Each formats one argument, writes at most 'cap' bytes at 'out' (no NUL;
** 'out' may be NULL when 'cap' is 0) and returns the number of bytes the
** complete conversion produces, which may exceed 'cap'.
*/
size_t lw_fmt_signed (char *out, size_t cap, const struct lw_fmtspec *spec,
                      long long v);  /* d i */
size_t lw_fmt_unsigned (char *out, size_t cap, const struct lw_fmtspec *spec,
                        unsigned long long v);  /* u o x X */
size_t lw_fmt_double (char *out, size_t cap, const struct lw_fmtspec *spec,
                      double v);  /* e E f F g G a A */
/* s: 'len' is the number of bytes to consider (the precision still applies) */
size_t lw_fmt_string (char *out, size_t cap, const struct lw_fmtspec *spec,
                      const char *s, size_t len);
/* c: '(unsigned char)c' is written, a NUL byte too */
size_t lw_fmt_char (char *out, size_t cap, const struct lw_fmtspec *spec,
                    int c);
/* p: "0x" and lowercase hex, "(nil)" for NULL, as glibc */
size_t lw_fmt_pointer (char *out, size_t cap, const struct lw_fmtspec *spec,
                       uintptr_t p);

#endif
