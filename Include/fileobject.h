/* File helpers over Python file objects (Python/pylifecycle.c's minimal stdio for now).
 * Owner: runtime room. */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H

#define PY_STDIOTEXTMODE "b"

/* Py_PRINT_RAW in flags: write str(v), else repr(v).  0 or -1. */
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *v, PyObject *f, int flags);
PyAPI_FUNC(int) PyFile_WriteString(const char *s, PyObject *f);
/* f.readline() (n <= 0) or f.readline(n); with n < 0, strip the newline and raise EOFError
 * at end of file.  New reference. */
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *f, int n);
/* A file object over the descriptor fd (the minimal text stream until `io` exists; mode
 * "r"/"w"/"a" with optional "b" and "+").  New reference. */
PyAPI_FUNC(PyObject *) PyFile_FromFd(int fd, const char *name, const char *mode,
                                     int buffering, const char *encoding, const char *errors,
                                     const char *newline, int closefd);
/* fileno of an int or an object with fileno().  -1 with an exception set on error. */
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *);
PyAPI_FUNC(PyObject *) PyFile_OpenCode(const char *utf8path);
PyAPI_FUNC(PyObject *) PyFile_OpenCodeObject(PyObject *path);

PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;
PyAPI_DATA(int) Py_UTF8Mode;

#endif /* Py_FILEOBJECT_H */
