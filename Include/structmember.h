/* structmember.h: the pre-3.12 spellings of member descriptors (T_INT, READONLY, PyMemberDef,
 * PyMember_GetOne/SetOne) for extensions that still include it.  Braid defines all of them in
 * descrobject.h (via Python.h), as CPython 3.12+ does; this header only pulls that in. */
#ifndef Py_STRUCTMEMBER_H
#define Py_STRUCTMEMBER_H
#include "Python.h"
#endif /* Py_STRUCTMEMBER_H */
