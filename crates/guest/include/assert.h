/* assert.h: lua.wasm is built without LUAI_ASSERT; assertions compile to nothing. */
#ifndef LW_ASSERT_H
#define LW_ASSERT_H
#define assert(e) ((void)0)
#endif
