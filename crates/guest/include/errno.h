/*
** errno.h: error numbers (Linux values, so that messages match native Lua).
*/
#ifndef LW_ERRNO_H
#define LW_ERRNO_H

extern int errno;

#define ENOENT 2
#define EIO 5
#define EBADF 9
#define ENOMEM 12
#define EACCES 13
#define EINVAL 22
#define EROFS 30
#define ERANGE 34
#define ENOSYS 38

#endif
