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

/*
** What 'longjmp' does (csrc/setjmp.c's '__wasm_longjmp'), inline: put the payload in the
** buffer, which outlives the throw, and throw the '__c_longjmp' exception (tag 1) with
** it. As in C, a value of 0 makes setjmp return 1. Lua's 'luaD_throw' uses it directly
** (LUAI_THROW in luawasm_config.h), one frame fewer to unwind per error and yield.
*/
static inline _Noreturn void lw_throw_longjmp (jmp_buf env, int val) {
  struct lw_jmp_buf *jb = env;
  jb->arg.env = env;
  jb->arg.val = (val == 0) ? 1 : val;
  __builtin_wasm_throw(1, &jb->arg);  /* tag 1 is C_LONGJMP, i.e. '__c_longjmp' */
  __builtin_unreachable();
}

#endif
