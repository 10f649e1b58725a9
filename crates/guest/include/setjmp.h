/*
** setjmp.h: setjmp/longjmp over WebAssembly exception handling.
** clang ('-mllvm -wasm-enable-sjlj') rewrites every call of 'setjmp' and 'longjmp'
** into calls of the runtime in csrc/setjmp.c; 'jmp_buf' is that runtime's record.
*/
#ifndef LW_SETJMP_H
#define LW_SETJMP_H

typedef struct lw_jmp_buf {
  void *func_invocation_id;  /* identifies the function activation that called setjmp */
  unsigned int label;        /* which setjmp call inside that activation */
  struct { void *env; int val; } arg;  /* payload thrown by longjmp */
} jmp_buf[1];

int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int val);

#endif
