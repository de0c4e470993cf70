/* PyOS_mystricmp and PyOS_mystrnicmp (Include/pystrcmp.h): ASCII case folding only, so the
 * result does not depend on the C locale. */
#include "Python.h"

int
PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t n)
{
    for (; n > 0; n--, a++, b++) {
        int diff = Py_TOLOWER((unsigned char)*a) - Py_TOLOWER((unsigned char)*b);
        if (diff != 0 || *a == '\0') {
            return diff;
        }
    }
    return 0;
}

int
PyOS_mystricmp(const char *a, const char *b)
{
    return PyOS_mystrnicmp(a, b, PY_SSIZE_T_MAX);
}
