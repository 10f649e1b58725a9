/*
** math.h: implemented in Rust by the 'libm' crate (crates/libc/src/math.rs).
*/
#ifndef LW_MATH_H
#define LW_MATH_H

#define HUGE_VAL (__builtin_huge_val())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)

double floor(double x);
double ceil(double x);
double fabs(double x);
double sqrt(double x);
double fmod(double x, double y);
double pow(double x, double y);
double exp(double x);
double log(double x);
double log2(double x);
double log10(double x);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double frexp(double x, int *e);
double ldexp(double x, int e);

#endif
