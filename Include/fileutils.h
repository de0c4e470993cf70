/* Locale encoding of command-line and environment bytes (Python/fileutils.c).
 * Owner: runtime room.  Braid runs in UTF-8 mode: the "locale" encoding is UTF-8 with
 * surrogateescape for undecodable bytes, as CPython's -X utf8 mode does. */
#ifndef Py_FILEUTILS_H
#define Py_FILEUTILS_H

/* Decode a byte string; result allocated with PyMem_RawMalloc (free with PyMem_RawFree).
 * NULL on memory error or invalid input; *size is the length in wchar_t (or (size_t)-1 on
 * memory error, (size_t)-2 on a decoding error) when size is not NULL. */
PyAPI_FUNC(wchar_t *) Py_DecodeLocale(const char *arg, size_t *size);
/* Encode to bytes (PyMem_Malloc); *error_pos is set to the index of an unencodable
 * character, or (size_t)-1. */
PyAPI_FUNC(char *) Py_EncodeLocale(const wchar_t *text, size_t *error_pos);

/* Read a whole file into a PyMem_Malloc'd, NUL-terminated buffer; NULL with OSError set. */
PyAPI_FUNC(char *) _Py_ReadFile(const char *path, Py_ssize_t *size);
/* Is path an existing regular file / directory?  No exception. */
PyAPI_FUNC(int) _Py_IsFile(const char *path);
PyAPI_FUNC(int) _Py_IsDir(const char *path);
/* write() all of buf, retrying on EINTR; -1 with errno on error, never raises. */
PyAPI_FUNC(Py_ssize_t) _Py_write_noraise(int fd, const void *buf, size_t count);

#endif /* Py_FILEUTILS_H */
