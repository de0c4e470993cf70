/* The gc module: the Python interface to the collector (Python/gc.c). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_gc.h"

static struct _gc_runtime_state *gcstate_get(void)
{
    return &_PyInterpreterState_GET()->gc;
}

static PyObject *gc_enable(PyObject *module, PyObject *unused)
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *gc_disable(PyObject *module, PyObject *unused)
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *gc_isenabled(PyObject *module, PyObject *unused)
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *gc_collect(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"generation", NULL};
    int generation = _PyGC_NUM_GENERATIONS - 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|i:collect", kwlist, &generation)) {
        return NULL;
    }
    if (generation < 0 || generation >= _PyGC_NUM_GENERATIONS) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t n = _PyGC_Collect(tstate, generation, _Py_GC_REASON_MANUAL);
    return PyLong_FromSsize_t(n);
}

static PyObject *gc_set_debug(PyObject *module, PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    gcstate_get()->debug = flags;
    Py_RETURN_NONE;
}

static PyObject *gc_get_debug(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(gcstate_get()->debug);
}

static PyObject *gc_set_threshold(PyObject *module, PyObject *args)
{
    struct _gc_runtime_state *gcstate = gcstate_get();
    int t[_PyGC_NUM_GENERATIONS];
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        t[i] = gcstate->generations[i].threshold;
    }
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &t[0], &t[1], &t[2])) {
        return NULL;
    }
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        gcstate->generations[i].threshold = t[i];
    }
    Py_RETURN_NONE;
}

static PyObject *gc_get_threshold(PyObject *module, PyObject *unused)
{
    struct _gc_runtime_state *gcstate = gcstate_get();
    return Py_BuildValue("(iii)", gcstate->generations[0].threshold,
                         gcstate->generations[1].threshold, gcstate->generations[2].threshold);
}

static PyObject *gc_get_count(PyObject *module, PyObject *unused)
{
    struct _gc_runtime_state *gcstate = gcstate_get();
    return Py_BuildValue("(iii)", gcstate->generations[0].count,
                         gcstate->generations[1].count, gcstate->generations[2].count);
}

static PyObject *gc_get_objects(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"generation", NULL};
    PyObject *genobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:get_objects", kwlist, &genobj)) {
        return NULL;
    }
    int generation = -1;
    if (genobj != Py_None) {
        generation = PyLong_AsInt(genobj);
        if (generation == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (generation >= _PyGC_NUM_GENERATIONS) {
            return PyErr_Format(PyExc_ValueError, "generation parameter must be less than "
                                "the number of available generations (%i)",
                                _PyGC_NUM_GENERATIONS);
        }
        if (generation < 0) {
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    return _PyGC_GetObjects(_PyInterpreterState_GET(), generation);
}

static PyObject *gc_get_referrers(PyObject *module, PyObject *args)
{
    return _PyGC_GetReferrers(_PyInterpreterState_GET(), args);
}

static PyObject *gc_get_referents(PyObject *module, PyObject *args)
{
    return _PyGC_GetReferents(args);
}

static PyObject *gc_is_tracked(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(obj));
}

static PyObject *gc_is_finalized(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(obj));
}

static PyObject *gc_get_stats(PyObject *module, PyObject *unused)
{
    struct _gc_runtime_state *gcstate = gcstate_get();
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        struct _gc_generation_stats *st = &gcstate->generation_stats[i];
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", st->collections, "collected",
                                    st->collected, "uncollectable", st->uncollectable);
        if (d == NULL || PyList_Append(result, d) < 0) {
            Py_XDECREF(d);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(d);
    }
    return result;
}

static PyObject *gc_freeze(PyObject *module, PyObject *unused)
{
    _PyGC_Freeze(_PyInterpreterState_GET());
    Py_RETURN_NONE;
}

static PyObject *gc_unfreeze(PyObject *module, PyObject *unused)
{
    _PyGC_Unfreeze(_PyInterpreterState_GET());
    Py_RETURN_NONE;
}

static PyObject *gc_get_freeze_count(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(_PyGC_GetFreezeCount(_PyInterpreterState_GET()));
}

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS, "Returns true if automatic gc is enabled."},
    {"collect", _PyCFunction_CAST(gc_collect), METH_VARARGS | METH_KEYWORDS,
     "Run the garbage collector; return the number of unreachable objects found."},
    {"set_debug", gc_set_debug, METH_O, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, METH_NOARGS, "Get the garbage collection debugging flags."},
    {"set_threshold", gc_set_threshold, METH_VARARGS, "Set the collection thresholds."},
    {"get_threshold", gc_get_threshold, METH_NOARGS, "Return the current thresholds."},
    {"get_count", gc_get_count, METH_NOARGS, "Return the current collection counts."},
    {"get_objects", _PyCFunction_CAST(gc_get_objects), METH_VARARGS | METH_KEYWORDS,
     "Return a list of objects tracked by the collector."},
    {"get_referrers", gc_get_referrers, METH_VARARGS,
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, METH_VARARGS,
     "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked, METH_O,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_O,
     "Returns true if the object has been already finalized by the GC."},
    {"get_stats", gc_get_stats, METH_NOARGS,
     "Return a list of dictionaries containing per-generation statistics."},
    {"freeze", gc_freeze, METH_NOARGS, "Freeze all current tracked objects."},
    {"unfreeze", gc_unfreeze, METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS,
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static int gc_exec(PyObject *module)
{
    struct _gc_runtime_state *gcstate = gcstate_get();
    if (gcstate->garbage == NULL) {
        gcstate->garbage = PyList_New(0);
        if (gcstate->garbage == NULL) {
            return -1;
        }
    }
    if (gcstate->callbacks == NULL) {
        gcstate->callbacks = PyList_New(0);
        if (gcstate->callbacks == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "garbage", gcstate->garbage) < 0 ||
        PyModule_AddObjectRef(module, "callbacks", gcstate->callbacks) < 0 ||
        PyModule_AddIntConstant(module, "DEBUG_STATS", 1) < 0 ||
        PyModule_AddIntConstant(module, "DEBUG_COLLECTABLE", 2) < 0 ||
        PyModule_AddIntConstant(module, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        PyModule_AddIntConstant(module, "DEBUG_SAVEALL", 32) < 0 ||
        PyModule_AddIntConstant(module, "DEBUG_LEAK", 38) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot gc_slots[] = {
    {Py_mod_exec, gc_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef gcmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gc",
    .m_doc = "This module provides access to the garbage collector for reference cycles.",
    .m_size = 0,
    .m_methods = gc_methods,
    .m_slots = gc_slots,
};

PyMODINIT_FUNC
PyInit_gc(void)
{
    return PyModuleDef_Init(&gcmodule);
}
