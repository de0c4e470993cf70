/* Traceback objects (Python/traceback.c).  Owner: eval room.
 *
 * A traceback entry records one frame an exception passed through; entries are linked from
 * the outermost frame (the exception's __traceback__) to the innermost (tb_next). */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H

typedef struct _traceback PyTracebackObject;
struct _traceback {
    PyObject_HEAD
    PyTracebackObject *tb_next;   /* strong or NULL */
    PyFrameObject *tb_frame;      /* strong */
    int tb_lasti;                 /* byte offset of the instruction */
    int tb_lineno;                /* -1 until computed */
};

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

/* Add an entry for frame to the traceback of the current exception: 0 or -1. */
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *);
/* Write "Traceback (most recent call last):" and the entries of v to file: 0 or -1. */
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *v, PyObject *file);
/* Helpers for printing (used by the runtime's exception display). */
PyAPI_FUNC(int) _Py_DisplaySourceLine(PyObject *file, PyObject *filename, int lineno,
                                      int indent, int *truncation, PyObject **line);
/* Return a new traceback (tb_next, frame, lasti, lineno) or NULL. */
PyAPI_FUNC(PyObject *) _PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame);

#endif /* Py_TRACEBACK_H */
