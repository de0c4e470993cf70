/* Case-insensitive comparison of C strings in the "C" locale (CPython's Include/pystrcmp.h;
 * Python/pystrcmp.c). */
#ifndef Py_STRCMP_H
#define Py_STRCMP_H
#ifdef __cplusplus
extern "C" {
#endif

/* <0, 0 or >0 as strcmp/strncmp, comparing Py_TOLOWER of each byte (at most n bytes). */
PyAPI_FUNC(int) PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t n);
PyAPI_FUNC(int) PyOS_mystricmp(const char *a, const char *b);

#define PyOS_strnicmp PyOS_mystrnicmp
#define PyOS_stricmp PyOS_mystricmp

#ifdef __cplusplus
}
#endif
#endif /* !Py_STRCMP_H */
