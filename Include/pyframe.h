/* Frame objects: the Python-visible view of an executing frame (Objects/frameobject.c).
 * Owner: eval room.
 *
 * Frames execute on the per-thread frame stack (_PyInterpreterFrame, pycore_frame.h); a
 * PyFrameObject is created only when someone asks for one (sys._getframe, tracebacks,
 * f_back), and takes the frame's data over when the frame finishes. */
#ifndef Py_PYFRAME_H
#define Py_PYFRAME_H

typedef struct _frame PyFrameObject;

PyAPI_DATA(PyTypeObject) PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *);      /* new reference */
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *);     /* new reference or NULL */
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *);        /* new reference */
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *);       /* new reference */
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *);      /* new reference */
PyAPI_FUNC(PyObject *) PyFrame_GetGenerator(PyFrameObject *);     /* new reference or NULL */
PyAPI_FUNC(int) PyFrame_GetLasti(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyFrame_GetVar(PyFrameObject *, PyObject *name);   /* new reference */
PyAPI_FUNC(PyObject *) PyFrame_GetVarString(PyFrameObject *, const char *name);
/* Copy fast locals into f_locals (no-op kept for compatibility), and back. */
PyAPI_FUNC(int) PyFrame_FastToLocalsWithError(PyFrameObject *);
PyAPI_FUNC(void) PyFrame_FastToLocals(PyFrameObject *);
PyAPI_FUNC(void) PyFrame_LocalsToFast(PyFrameObject *, int);

#endif /* Py_PYFRAME_H */
