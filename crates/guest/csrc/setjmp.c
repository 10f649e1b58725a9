/*
** setjmp.c: the runtime of setjmp/longjmp over WebAssembly exception handling.
**
** clang's '-mllvm -wasm-enable-sjlj' rewrites C code that calls 'setjmp' so that:
** 'setjmp(env)' calls '__wasm_setjmp(env, label, id)', where 'id' is unique to the
** running activation of the calling function and 'label' to the call site; 'longjmp'
** becomes '__wasm_longjmp(env, val)', which throws the tag '__c_longjmp' carrying a
** pointer to '{env, val}'; every call in a function that called setjmp is wrapped
** in a catch of that tag, which asks '__wasm_setjmp_test(env, id)' whether the
** jump is for one of its own setjmp calls (answer: the label) or must be rethrown
** (answer: 0).
** Lua uses this for all its errors ('LUAI_THROW'/'LUAI_TRY' in ldo.c), so a Lua error
** unwinds through wasm frames only, never through Rust ones (see ARCHITECTURE.md).
*/

#include <setjmp.h>
#include <stdint.h>

void __wasm_setjmp (void *env, uint32_t label, void *func_invocation_id);
uint32_t __wasm_setjmp_test (void *env, void *func_invocation_id);
void __wasm_longjmp (void *env, int val);


void __wasm_setjmp (void *env, uint32_t label, void *func_invocation_id) {
  struct lw_jmp_buf *jb = (struct lw_jmp_buf *)env;
  jb->func_invocation_id = func_invocation_id;
  jb->label = label;
}


uint32_t __wasm_setjmp_test (void *env, void *func_invocation_id) {
  struct lw_jmp_buf *jb = (struct lw_jmp_buf *)env;
  /* a jump to a buffer filled by another activation is not ours: rethrow */
  return (jb->func_invocation_id == func_invocation_id) ? jb->label : 0;
}


/*
** The payload lives in the jmp_buf itself, which outlives the throw: the catching
** activation owns it. As in C, 'longjmp(env, 0)' makes setjmp return 1.
*/
void __wasm_longjmp (void *env, int val) {
  lw_throw_longjmp((struct lw_jmp_buf *)env, val);
}
