/*
** luawasm_config.h: configuration of Lua 5.4 for lua.wasm.
** Force-included (clang '-include') before every Lua source file, so that it plays
** the part of the '@@' options of luaconf.h without editing lua-src/.
** Every option here is one that luaconf.h, llimits.h or a library file leaves open
** with '#if !defined(...)'.
*/
#ifndef LUAWASM_CONFIG_H
#define LUAWASM_CONFIG_H

/*
** @@ lua_getlocaledecpoint: lua.wasm runs in the "C" locale only; the decimal point is
** always '.', so there is no call to 'localeconv' in the number reader.
*/
#define lua_getlocaledecpoint()		'.'

/*
** @@ LUAI_MAXCCALLS: the limit of nested C calls and syntactical levels. The shadow
** stack (see crates/guest/build.rs, 'STACK_SIZE') is sized for this limit, which is
** Lua's default, so deep recursion ends in Lua's own "stack overflow" error.
*/
#define LUAI_MAXCCALLS		200

/*
** @@ l_system: there is no shell; 'os.execute()' answers false, as C's 'system(NULL)'
** does on a system without a command processor.
*/
#define l_system(cmd)		((cmd) == NULL ? 0 : -1)

/*
** @@ luai_userstateresume: before a coroutine runs, lua.wasm gives it the count hook of
** the instruction budget when the current call has a budget, and takes it away when not
** (crates/guest/src/budget.rs): a hook slows every instruction, so calls without a
** budget run without one.
*/
/*
** @@ luai_userstatefree: lua.wasm records the coroutines it resumes, so that an
** interrupt from the host reaches the one running (crates/guest/src/threads.rs); a
** thread about to be freed is forgotten.
*/
#if !defined(__ASSEMBLER__)	/* this header is force-included into c_longjmp.S too */
struct lua_State;
void luawasm_budget_resume(struct lua_State *L);
void luawasm_thread_free(struct lua_State *L);
#endif
#define luai_userstateresume(L,n)	luawasm_budget_resume(L)
#define luai_userstatefree(L,L1)	luawasm_thread_free(L1)

/*
** @@ LUAI_THROW/LUAI_TRY: Lua's ISO C default (setjmp/longjmp, which clang lowers to
** WebAssembly exceptions: csrc/setjmp.c), except that 'luaD_throw' throws the
** '__c_longjmp' exception itself, with the payload '__wasm_longjmp' would give it,
** instead of calling 'longjmp'. Every Lua error and every coroutine yield is such a
** throw, and wasmtime's unwinder pays for each frame it crosses: one frame fewer.
*/
#if !defined(__ASSEMBLER__)
#include <setjmp.h>
#endif
#define LUAI_THROW(L,c)		lw_throw_longjmp((c)->b, 1)
#define LUAI_TRY(L,c,a)		if (setjmp((c)->b) == 0) { a }
#define luai_jmpbuf		jmp_buf

#endif
