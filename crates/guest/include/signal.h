/* signal.h: lua.wasm has no signals; Lua only needs the type of its hook flag. */
#ifndef LW_SIGNAL_H
#define LW_SIGNAL_H
typedef int sig_atomic_t;
#endif
