/* os.fspath() protocol (Python/fileutils.c until the posix module exists).
 * Owner: runtime room. */
#ifndef Py_OSMODULE_H
#define Py_OSMODULE_H

/* str and bytes are returned as is; otherwise the result of __fspath__(), which must be str
 * or bytes (TypeError otherwise).  New reference. */
PyAPI_FUNC(PyObject *) PyOS_FSPath(PyObject *path);

#endif /* Py_OSMODULE_H */
