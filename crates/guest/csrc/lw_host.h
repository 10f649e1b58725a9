/*
** lw_host.h: what the C side of the libc layer asks of the Rust side of the guest.
*/
#ifndef LW_HOST_H
#define LW_HOST_H

#include <stddef.h>

#define LW_STDOUT 1
#define LW_STDERR 2

/* Appends 'n' bytes to the captured output 'stream' (LW_STDOUT or LW_STDERR). */
void lw_output_write (int stream, const char *s, size_t n);

#endif
