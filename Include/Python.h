/* Braid's C API: the one header extensions and the interpreter include.
 * Names and meanings are CPython 3.13's (DESIGN.md §1, §9). */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "pyconfig.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "patchlevel.h"
#include "pymacro.h"
#include "pyctype.h"
#include "pyport.h"
#include "pyatomic.h"
#include "pymem.h"
#include "lock.h"
#include "object.h"
#include "objimpl.h"
#include "typeslots.h"
#include "pyhash.h"
#include "pystate.h"
#include "critical_section.h"

#include "pymath.h"
#include "bytearrayobject.h"
#include "bytesobject.h"
#include "unicodeobject.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "rangeobject.h"
#include "memoryobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "funcobject.h"
#include "classobject.h"
#include "fileobject.h"
#include "pycapsule.h"
#include "cpython/code.h"
#include "pyframe.h"
#include "traceback.h"
#include "sliceobject.h"
#include "cellobject.h"
#include "iterobject.h"
#include "genobject.h"
#include "descrobject.h"
#include "genericaliasobject.h"
#include "warnings.h"
#include "weakrefobject.h"
#include "structseq.h"
#include "codecs.h"
#include "pyerrors.h"
#include "pythread.h"
#include "pythonrun.h"
#include "pylifecycle.h"
#include "ceval.h"
#include "sysmodule.h"
#include "osmodule.h"
#include "intrcheck.h"
#include "import.h"
#include "abstract.h"
#include "bltinmodule.h"
#include "compile.h"
#include "pystrtod.h"
#include "fileutils.h"
#include "enumobject.h"
#include "modsupport.h"
#include "cpython/modsupport.h"
#include "cpython/pymem.h"
#include "cpython/pytime.h"
#include "cpython/ceval.h"
#include "cpython/pystate.h"
#include "pyconstant.h"
#include "tracemalloc.h"
#include "pystrcmp.h"
#include "context.h"

#ifdef __cplusplus
}
#endif

/* Every extension records the ABI it was compiled for (weak: each translation unit may define
 * it, the linker keeps one); Python/importdl.c refuses the other build's mark before dlopen.
 * Py_BRAID_NO_ABI_MARK leaves it out (the loader's tests use it). */
#if !defined(Py_BUILD_CORE) && !defined(Py_BRAID_NO_ABI_MARK) && defined(__GNUC__)
#  ifdef Py_GIL_DISABLED
__attribute__((weak, used, visibility("default"))) char _Py_Braid_ABI_313t = 't';
#  else
__attribute__((weak, used, visibility("default"))) char _Py_Braid_ABI_313 = 'g';
#  endif
#endif

#endif /* Py_PYTHON_H */
