/*
** time.h: time for lua.wasm. The host supplies the current time through the
** channel table (docs/ABI.md, "Host services"); the calendar is UTC.
*/
#ifndef LW_TIME_H
#define LW_TIME_H

#include <stddef.h>

typedef long long time_t;
typedef long long clock_t;
#define CLOCKS_PER_SEC ((clock_t)1000000)

struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
};

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t a, time_t b);
time_t mktime(struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *localtime(const time_t *t);
size_t strftime(char *restrict s, size_t n, const char *restrict fmt,
                const struct tm *restrict tm);

#endif
