/* The import system, in C (Include/import.h, Include/internal/pycore_import.h).
 *
 * Finders, in order: sys.modules; the builtin-module table (_PyImport_Inittab plus
 * PyImport_AppendInittab entries); then, for each directory of the search path (sys.path for
 * top-level modules, the parent package's __path__ for submodules): a package
 * `<dir>/<name>/__init__.py`, a source module `<dir>/<name>.py`, an extension module
 * `<dir>/<name><EXT_SUFFIX>` (Python/importdl.c); a directory without __init__.py found
 * nowhere else becomes a namespace package.
 *
 * A module is in sys.modules before its code runs (circular imports see the partially
 * initialised module) and its __spec__._initializing is True meanwhile; it is removed again
 * if its code raises.  No .pyc files are read or written (sys.dont_write_bytecode is True).
 *
 * Loaders and specs are importlib.machinery's objects (defined in importlib._bootstrap_braid):
 * the BuiltinImporter class, SourceFileLoader, ExtensionFileLoader, NamespaceLoader objects and
 * ModuleSpec, with __loader__ identical to __spec__.loader, as in CPython.  The first import of
 * a module found on a path imports importlib._bootstrap_braid (see "loader objects" below);
 * until it has run, specs are SimpleNamespace objects with ModuleSpec's attributes and loaders
 * are None, and the modules imported meanwhile get their loaders when it is ready.
 *
 * Threads: imports in several threads run at once in the free-threaded build (and interleave
 * in the GIL build wherever module code runs); a module being initialised by one thread makes
 * the others wait ("per-module import locking" below).  Shared objects the import system reads
 * -- sys.path, sys.meta_path, the items of the search path, a module's globals -- can be
 * changed by other threads at any time, so it reads them as new references (import_sys_get,
 * PyList_GetItemRef, PyDict_GetItemRef), never as borrowed ones held across a call. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_import.h"

/* Python/importdl.c: the extension suffixes of this build, NULL-terminated. */
extern const char *const _PyImport_DynLoadFiletab[];
#include "pycore_ceval.h"
#include "pycore_initconfig.h"
#include "pycore_sysmodule.h"
#include "pycore_typeobject.h"

#include <unistd.h>

#ifndef EXT_SUFFIX
#  define EXT_SUFFIX ".so"
#endif

/* Python/importdl.c: load an extension module from `path` (str) as `name`.  New ref. */
extern PyObject *_PyImport_LoadDynamicModule(PyObject *name, PyObject *path, PyObject *spec);

struct _inittab *PyImport_Inittab = _PyImport_Inittab;
static struct _inittab *inittab_copy = NULL;

/* *result = a new reference to sys.<name>, or NULL if sys has no such attribute.  1 if
 * found, 0 if not, -1 on error.  Not PySys_GetObject: its borrowed value is released at once
 * if another thread rebinds the attribute (sys.path = [...]). */
static int import_sys_get(const char *name, PyObject **result)
{
    PyObject *sysdict = _PyInterpreterState_GET()->sysdict;
    if (sysdict == NULL) {
        *result = NULL;
        return 0;
    }
    return PyDict_GetItemStringRef(sysdict, name, result);
}

/* ---- the builtin-module table ---- */

int PyImport_ExtendInittab(struct _inittab *newtab)
{
    int n = 0, i = 0;
    while (newtab[i].name != NULL) {
        i++;
    }
    if (i == 0) {
        return 0;
    }
    while (PyImport_Inittab[n].name != NULL) {
        n++;
    }
    struct _inittab *p = PyMem_RawMalloc(sizeof(struct _inittab) * (size_t)(n + i + 1));
    if (p == NULL) {
        return -1;
    }
    memcpy(p, PyImport_Inittab, sizeof(struct _inittab) * (size_t)n);
    memcpy(p + n, newtab, sizeof(struct _inittab) * (size_t)(i + 1));
    PyMem_RawFree(inittab_copy);
    PyImport_Inittab = inittab_copy = p;
    return 0;
}

int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))
{
    if (_PyRuntime.initialized) {
        Py_FatalError("PyImport_AppendInittab() may not be called after Py_Initialize()");
    }
    struct _inittab newtab[2] = {{name, initfunc}, {NULL, NULL}};
    return PyImport_ExtendInittab(newtab);
}

static struct _inittab *find_inittab(const char *name)
{
    for (struct _inittab *p = PyImport_Inittab; p->name != NULL; p++) {
        if (strcmp(p->name, name) == 0) {
            return p;
        }
    }
    return NULL;
}

int _PyImport_IsBuiltin(const char *name)
{
    if (strcmp(name, "sys") == 0 || strcmp(name, "builtins") == 0) {
        return 1;
    }
    return find_inittab(name) != NULL;
}

PyObject *_PyImport_GetBuiltinModuleNames(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    static const char *const core[] = {"builtins", "sys", NULL};
    for (int i = 0; core[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(core[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    for (struct _inittab *p = PyImport_Inittab; p->name != NULL; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

/* ---- sys.modules ---- */

PyObject *PyImport_GetModuleDict(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->modules == NULL) {
        Py_FatalError("interpreter has no modules dictionary");
    }
    return interp->modules;
}

static PyObject *modules_dict(void)
{
    return _PyInterpreterState_GET()->modules;
}

/* New reference to sys.modules[name], or NULL (with an exception only on error). */
PyObject *PyImport_GetModule(PyObject *name)
{
    PyObject *m;
    if (PyDict_GetItemRef(modules_dict(), name, &m) < 0) {
        return NULL;
    }
    return m;
}

PyObject *PyImport_AddModuleRef(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *m = PyImport_GetModule(nameobj);
    if (m == NULL && !PyErr_Occurred()) {
        m = PyModule_NewObject(nameobj);
        if (m != NULL && PyDict_SetItem(modules_dict(), nameobj, m) < 0) {
            Py_CLEAR(m);
        }
    }
    Py_DECREF(nameobj);
    return m;
}

PyObject *PyImport_AddModuleObject(PyObject *name)
{
    PyObject *m = PyImport_GetModule(name);
    if (m == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        m = PyModule_NewObject(name);
        if (m == NULL || PyDict_SetItem(modules_dict(), name, m) < 0) {
            Py_XDECREF(m);
            return NULL;
        }
    }
    /* Borrowed: sys.modules keeps it alive. */
    Py_DECREF(m);
    return m;
}

PyObject *PyImport_AddModule(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *m = PyImport_AddModuleObject(nameobj);
    Py_DECREF(nameobj);
    return m;
}

/* ---- specs ---- */

/* A new spec: an importlib.machinery.ModuleSpec when `bootstrap` (the module defining it) is
 * given, else a SimpleNamespace with ModuleSpec's attributes.  origin/search_locations may be
 * NULL (None).  Return a new reference. */
static PyObject *make_spec(PyObject *bootstrap, PyObject *name, PyObject *loader,
                           PyObject *origin, PyObject *search_locations, int has_location)
{
    if (bootstrap != NULL) {
        PyObject *spec = PyObject_CallMethod(bootstrap, "ModuleSpec", "OO", name,
                                             loader ? loader : Py_None);
        if (spec == NULL) {
            return NULL;
        }
        if (PyObject_SetAttrString(spec, "origin", origin ? origin : Py_None) < 0 ||
            PyObject_SetAttrString(spec, "submodule_search_locations",
                                   search_locations ? search_locations : Py_None) < 0 ||
            PyObject_SetAttrString(spec, "has_location",
                                   has_location ? Py_True : Py_False) < 0 ||
            PyObject_SetAttrString(spec, "_initializing", Py_False) < 0) {
            Py_DECREF(spec);
            return NULL;
        }
        return spec;
    }
    PyObject *parent;
    if (search_locations != NULL) {
        parent = Py_NewRef(name);
    }
    else {
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
        if (dot == -2) {
            return NULL;
        }
        parent = dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
        if (parent == NULL) {
            return NULL;
        }
    }
    PyObject *kw = Py_BuildValue("{sOsOsOsOsNsOsOsOsO}", "name", name,
                                 "loader", loader ? loader : Py_None,
                                 "origin", origin ? origin : Py_None,
                                 "submodule_search_locations",
                                 search_locations ? search_locations : Py_None,
                                 "parent", parent,
                                 "has_location", has_location ? Py_True : Py_False,
                                 "cached", Py_None, "loader_state", Py_None,
                                 "_initializing", Py_False);
    if (kw == NULL) {
        return NULL;
    }
    PyObject *spec = _PyNamespace_New(kw);
    Py_DECREF(kw);
    return spec;
}

/* Is the module being initialised (its spec's _initializing is true)?  0/1, never fails. */
static int module_initializing(PyObject *mod)
{
    PyObject *spec;
    if (PyObject_GetOptionalAttr(mod, _Py_ID(__spec__), &spec) <= 0) {
        PyErr_Clear();
        return 0;
    }
    PyObject *v;
    int r = 0;
    if (PyObject_GetOptionalAttrString(spec, "_initializing", &v) > 0) {
        r = PyObject_IsTrue(v) > 0;
        Py_DECREF(v);
    }
    PyErr_Clear();
    Py_DECREF(spec);
    return r;
}

static void set_initializing(PyObject *spec, int value)
{
    if (spec != NULL && PyObject_SetAttrString(spec, "_initializing",
                                               value ? Py_True : Py_False) < 0) {
        PyErr_Clear();
    }
}

/* ---- loader objects (importlib.machinery) ---- */

/* The module defining importlib.machinery's loader classes and ModuleSpec. */
#define BOOTSTRAP_NAME "importlib._bootstrap_braid"
/* Set (to True) on the bootstrap module once the modules imported before it have loaders. */
#define BOOTSTRAP_READY "_braid_loaders_installed"

/* What loads a module; selects the importlib.machinery class of its loader. */
typedef enum {
    LOADER_BUILTIN,       /* BuiltinImporter (the class itself, as in CPython) */
    LOADER_SOURCE,        /* SourceFileLoader(name, path) */
    LOADER_SOURCELESS,    /* SourcelessFileLoader(name, path) */
    LOADER_EXTENSION,     /* ExtensionFileLoader(name, path) */
    LOADER_NAMESPACE,     /* NamespaceLoader(name, path, PathFinder) */
} loader_kind;

/* The loader of a module of `kind`: path is its file (its search locations for namespace
 * packages).  Return a new reference. */
static PyObject *make_loader(PyObject *bootstrap, loader_kind kind, PyObject *name,
                             PyObject *path)
{
    switch (kind) {
    case LOADER_BUILTIN:
        return PyObject_GetAttrString(bootstrap, "BuiltinImporter");
    case LOADER_SOURCE:
        return PyObject_CallMethod(bootstrap, "SourceFileLoader", "OO", name, path);
    case LOADER_SOURCELESS:
        return PyObject_CallMethod(bootstrap, "SourcelessFileLoader", "OO", name, path);
    case LOADER_EXTENSION:
        return PyObject_CallMethod(bootstrap, "ExtensionFileLoader", "OO", name, path);
    case LOADER_NAMESPACE: {
        PyObject *finder = PyObject_GetAttrString(bootstrap, "PathFinder");
        if (finder == NULL) {
            return NULL;
        }
        return PyObject_CallMethod(bootstrap, "NamespaceLoader", "OON", name, path, finder);
    }
    }
    PyErr_SetString(PyExc_SystemError, "unknown loader kind");
    return NULL;
}

/* The kind of loader for a module imported before the bootstrap module was ready, from its
 * spec's origin and search locations.  -1 if it has none we know (left alone). */
static int loader_kind_of(PyObject *origin, PyObject *locations)
{
    if (origin == Py_None) {
        return locations != Py_None ? LOADER_NAMESPACE : -1;
    }
    if (!PyUnicode_Check(origin)) {
        return -1;
    }
    if (PyUnicode_EqualToUTF8(origin, "built-in")) {
        return LOADER_BUILTIN;
    }
    static const struct {
        const char *suffix;
        loader_kind kind;
    } by_suffix[] = {{".py", LOADER_SOURCE}, {".pyc", LOADER_SOURCELESS}};
    for (size_t i = 0; i < sizeof(by_suffix) / sizeof(by_suffix[0]); i++) {
        PyObject *suffix = PyUnicode_FromString(by_suffix[i].suffix);
        if (suffix == NULL) {
            return -2;
        }
        Py_ssize_t match = PyUnicode_Tailmatch(origin, suffix, 0, PY_SSIZE_T_MAX, 1);
        Py_DECREF(suffix);
        if (match != 0) {
            return match < 0 ? -2 : (int)by_suffix[i].kind;
        }
    }
    for (int k = 0; _PyImport_DynLoadFiletab[k] != NULL; k++) {
        PyObject *suffix = PyUnicode_FromString(_PyImport_DynLoadFiletab[k]);
        if (suffix == NULL) {
            return -2;
        }
        Py_ssize_t match = PyUnicode_Tailmatch(origin, suffix, 0, PY_SSIZE_T_MAX, 1);
        Py_DECREF(suffix);
        if (match != 0) {
            return match < 0 ? -2 : LOADER_EXTENSION;
        }
    }
    return -1;
}

/* Give `mod` (imported before the bootstrap module was ready: its spec's loader is None) the
 * loader CPython would have given it.  0 or -1. */
static int install_loader(PyObject *bootstrap, PyObject *name, PyObject *mod)
{
    PyObject *spec, *loader = NULL, *origin = NULL, *locations = NULL;
    int rc = PyObject_GetOptionalAttr(mod, _Py_ID(__spec__), &spec);
    if (rc <= 0 || spec == Py_None) {
        Py_XDECREF(spec);
        return rc < 0 ? -1 : 0;
    }
    rc = -1;
    if (PyObject_GetOptionalAttrString(spec, "loader", &loader) < 0 ||
        PyObject_GetOptionalAttrString(spec, "origin", &origin) < 0 ||
        PyObject_GetOptionalAttrString(spec, "submodule_search_locations", &locations) < 0) {
        goto done;
    }
    rc = 0;
    if (loader != Py_None || origin == NULL || locations == NULL) {
        goto done;
    }
    int kind = loader_kind_of(origin, locations);
    if (kind < 0) {
        rc = kind == -2 ? -1 : 0;
        goto done;
    }
    Py_SETREF(loader, make_loader(bootstrap, (loader_kind)kind, name,
                                  kind == LOADER_NAMESPACE ? locations : origin));
    if (loader == NULL || PyObject_SetAttrString(spec, "loader", loader) < 0 ||
        PyObject_SetAttr(mod, _Py_ID(__loader__), loader) < 0) {
        rc = -1;
    }
done:
    Py_XDECREF(loader);
    Py_XDECREF(origin);
    Py_XDECREF(locations);
    Py_DECREF(spec);
    return rc;
}

/* The bootstrap module, ready to make loaders and specs: *pbootstrap is a new reference to it,
 * or NULL while it cannot be used yet (it, or the importlib package importing it, is being
 * imported, or Lib/ has no importlib, or it is not imported yet and may_import is 0).  The
 * first import of a module found on a path imports it (builtin modules do not: a process that
 * imports only those does not pay for compiling importlib), then gives the modules imported
 * before it their loaders (repeating this in two threads is harmless: both set the same
 * loaders).  `name` is the module being imported.  0 or -1. */
static int get_bootstrap(PyThreadState *tstate, PyObject *name, int may_import,
                         PyObject **pbootstrap)
{
    PyObject *modules = tstate->interp->modules;
    PyObject *bootstrap;
    *pbootstrap = NULL;
    int rc = PyDict_GetItemStringRef(modules, BOOTSTRAP_NAME, &bootstrap);
    if (rc < 0) {
        return -1;
    }
    if (rc == 0) {
        /* importlib/__init__.py imports the bootstrap module: neither can wait for it. */
        if (!may_import || PyUnicode_EqualToUTF8(name, "importlib") ||
            PyUnicode_EqualToUTF8(name, BOOTSTRAP_NAME)) {
            return 0;
        }
        bootstrap = PyImport_ImportModule(BOOTSTRAP_NAME);
        if (bootstrap == NULL) {
            if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                PyErr_Clear();      /* no Lib/importlib: modules keep a None loader */
                return 0;
            }
            return -1;
        }
    }
    else if (module_initializing(bootstrap)) {
        Py_DECREF(bootstrap);
        return 0;
    }
    rc = PyObject_HasAttrStringWithError(bootstrap, BOOTSTRAP_READY);
    if (rc == 0) {
        PyObject *items = PyDict_Items(modules);
        rc = items == NULL ? -1 : 0;
        for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(items); i++) {
            PyObject *item = PyList_GET_ITEM(items, i);
            PyObject *mod = PyTuple_GET_ITEM(item, 1);
            if (PyModule_Check(mod)) {
                rc = install_loader(bootstrap, PyTuple_GET_ITEM(item, 0), mod);
            }
        }
        Py_XDECREF(items);
        if (rc == 0) {
            rc = PyObject_SetAttrString(bootstrap, BOOTSTRAP_READY, Py_True);
        }
    }
    if (rc < 0) {
        Py_DECREF(bootstrap);
        return -1;
    }
    *pbootstrap = bootstrap;
    return 0;
}

/* A module imported while the bootstrap module could not be used yet (its loader is None):
 * give it its loader now if the bootstrap module has become ready meanwhile (a module of the
 * importlib package itself, or one imported by another thread during the bootstrap).  0 or
 * -1. */
static int install_loader_late(PyThreadState *tstate, PyObject *name, PyObject *mod)
{
    PyObject *bootstrap;
    if (!PyModule_Check(mod) || get_bootstrap(tstate, name, 0, &bootstrap) < 0) {
        return PyModule_Check(mod) ? -1 : 0;
    }
    if (bootstrap == NULL) {
        return 0;
    }
    int rc = install_loader(bootstrap, name, mod);
    Py_DECREF(bootstrap);
    return rc;
}

/* The spec and loader of a module being imported (new references in *pspec, *ploader), with
 * its file (or, for namespace packages, its search locations) in `path`. 0 or -1. */
static int make_spec_and_loader(PyThreadState *tstate, loader_kind kind, PyObject *name,
                                PyObject *origin, PyObject *locations, int has_location,
                                PyObject **pspec, PyObject **ploader)
{
    PyObject *bootstrap;
    *pspec = *ploader = NULL;
    if (get_bootstrap(tstate, name, kind != LOADER_BUILTIN, &bootstrap) < 0) {
        return -1;
    }
    if (bootstrap == NULL) {
        *ploader = Py_NewRef(Py_None);
    }
    else {
        *ploader = make_loader(bootstrap, kind, name,
                               kind == LOADER_NAMESPACE ? locations : origin);
    }
    if (*ploader != NULL) {
        *pspec = make_spec(bootstrap, name, *ploader, origin, locations, has_location);
    }
    Py_XDECREF(bootstrap);
    if (*pspec == NULL) {
        Py_CLEAR(*ploader);
        return -1;
    }
    return 0;
}

/* ---- builtin modules ---- */

/* Initialise the module object a PyInit function returned (a module or a PyModuleDef). */
static PyObject *module_from_init_result(PyObject *res, PyObject *name, PyObject *spec)
{
    if (res == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "initialization of %U failed without raising an "
                         "exception", name);
        }
        return NULL;
    }
    if (PyObject_TypeCheck(res, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)res;
        PyObject *mod = PyModule_FromDefAndSpec(def, spec);
        if (mod == NULL) {
            return NULL;
        }
        if (PyModule_Check(mod) && PyModule_ExecDef(mod, def) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    /* Single-phase initialisation: the module is ready. */
    PyModuleDef *def = PyModule_Check(res) ? PyModule_GetDef(res) : NULL;
    if (def != NULL) {
        PyInterpreterState *interp = _PyInterpreterState_GET();
        if (def->m_base.m_index == 0) {
            def->m_base.m_index = PyList_GET_SIZE(interp->modules_by_index) + 1;
        }
        while (PyList_GET_SIZE(interp->modules_by_index) <= def->m_base.m_index) {
            if (PyList_Append(interp->modules_by_index, Py_None) < 0) {
                Py_DECREF(res);
                return NULL;
            }
        }
        if (PyList_SetItem(interp->modules_by_index, def->m_base.m_index,
                           Py_NewRef(res)) < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

PyObject *_PyImport_InitBuiltin(PyThreadState *tstate, PyObject *name)
{
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        return NULL;
    }
    struct _inittab *entry = find_inittab(cname);
    if (entry == NULL) {
        PyErr_Format(PyExc_ModuleNotFoundError, "No module named %R", name);
        return NULL;
    }
    PyObject *origin = PyUnicode_FromString("built-in");
    if (origin == NULL) {
        return NULL;
    }
    PyObject *spec, *loader;
    int rc = make_spec_and_loader(tstate, LOADER_BUILTIN, name, origin, NULL, 0, &spec,
                                  &loader);
    Py_DECREF(origin);
    if (rc < 0) {
        return NULL;
    }
    PyObject *mod = module_from_init_result(entry->initfunc(), name, spec);
    if (mod != NULL && PyModule_Check(mod)) {
        PyObject *d = PyModule_GetDict(mod);
        PyObject *pkg = NULL;
        if (PyDict_SetItemString(d, "__spec__", spec) < 0 ||
            PyDict_SetItemString(d, "__loader__", loader) < 0 ||
            PyDict_SetDefaultRef(d, _Py_ID(__package__), Py_None, &pkg) < 0 ||
            (pkg == Py_None && PyDict_SetItemString(d, "__package__",
                                                    _Py_STR("")) < 0)) {
            Py_CLEAR(mod);
        }
        Py_XDECREF(pkg);
    }
    if (mod != NULL && PyDict_SetItem(tstate->interp->modules, name, mod) < 0) {
        Py_CLEAR(mod);
    }
    if (mod != NULL && loader == Py_None && install_loader_late(tstate, name, mod) < 0) {
        Py_CLEAR(mod);
    }
    Py_DECREF(spec);
    Py_DECREF(loader);
    return mod;
}

/* ---- finding modules on a path ---- */

typedef struct {
    int kind;              /* FOUND_* */
    PyObject *filename;    /* str: the file to run / load (NULL for namespace packages) */
    PyObject *locations;   /* list: __path__ for packages */
} found_module;

#define FOUND_NONE 0
#define FOUND_SOURCE 1
#define FOUND_PACKAGE 2
#define FOUND_EXTENSION 3
#define FOUND_NAMESPACE 4

static void found_clear(found_module *f)
{
    Py_CLEAR(f->filename);
    Py_CLEAR(f->locations);
    f->kind = FOUND_NONE;
}

/* Join dir and name (str); "" means the current directory. */
static PyObject *path_join(PyObject *dir, const char *name_utf8)
{
    if (PyUnicode_GET_LENGTH(dir) == 0) {
        return PyUnicode_FromString(name_utf8);
    }
    return PyUnicode_FromFormat("%U/%s", dir, name_utf8);
}

/* The absolute form of a relative search-path entry (str), as CPython's FileFinder gives it:
 * "", "." and "./x" name the current directory and x in it.  The current directory is read
 * once per search, into *pcwd (a new reference, kept by the caller).  Return a new
 * reference; the entry itself if it is absolute or the current directory is unreadable. */
static PyObject *absolute_dir(PyObject *dir, PyObject **pcwd)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(dir);
    if (len > 0 && PyUnicode_READ_CHAR(dir, 0) == '/') {
        return Py_NewRef(dir);
    }
    if (*pcwd == NULL) {
        char buf[4096];
        if (getcwd(buf, sizeof(buf)) == NULL) {
            return Py_NewRef(dir);       /* as CPython: the entry is searched as it is */
        }
        *pcwd = PyUnicode_DecodeFSDefault(buf);
        if (*pcwd == NULL) {
            return NULL;
        }
    }
    Py_ssize_t start = 0;
    while (start + 1 < len && PyUnicode_READ_CHAR(dir, start) == '.' &&
           PyUnicode_READ_CHAR(dir, start + 1) == '/') {
        start += 2;
    }
    if (start == len || (start + 1 == len && PyUnicode_READ_CHAR(dir, start) == '.')) {
        return Py_NewRef(*pcwd);
    }
    PyObject *rest = PyUnicode_Substring(dir, start, len);
    if (rest == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%U/%U", *pcwd, rest);
    Py_DECREF(rest);
    return result;
}

/* 1 if the path (str) names a regular file / directory. */
static int path_is(PyObject *path, int want_dir)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(path);
    if (bytes == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = want_dir ? _Py_IsDir(PyBytes_AS_STRING(bytes))
                     : _Py_IsFile(PyBytes_AS_STRING(bytes));
    Py_DECREF(bytes);
    return r;
}

/* Search `search_path` (a list of str; other entries ignored) for module `tail`.  0 with
 * result->kind set (FOUND_NONE if not found), or -1 on error. */
static int find_in_path(const char *tail, PyObject *search_path, found_module *result)
{
    result->kind = FOUND_NONE;
    result->filename = NULL;
    result->locations = NULL;
    PyObject *namespace_dirs = NULL;
    if (search_path == NULL || !PyList_Check(search_path)) {
        return 0;
    }
    char buf[1024];
    PyObject *cwd = NULL;
    Py_INCREF(search_path);
    /* Another thread may change the list meanwhile (sys.path.remove(p) releases p at once):
     * each step takes its entry by reference, and the search ends where the list now ends. */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(search_path); i++) {
        PyObject *entry = PyList_GetItemRef(search_path, i);
        if (entry == NULL) {
            PyErr_Clear();      /* the list shrank under us */
            break;
        }
        if (!PyUnicode_Check(entry)) {
            Py_DECREF(entry);
            continue;
        }
        PyObject *dir = absolute_dir(entry, &cwd);
        Py_DECREF(entry);
        if (dir == NULL) {
            goto error;
        }
        PyObject *pkgdir = path_join(dir, tail);
        if (pkgdir == NULL) {
            Py_DECREF(dir);
            goto error;
        }
        if (path_is(pkgdir, 1)) {
            PyObject *init = PyUnicode_FromFormat("%U/__init__.py", pkgdir);
            if (init == NULL) {
                Py_DECREF(pkgdir);
                Py_DECREF(dir);
                goto error;
            }
            if (path_is(init, 0)) {
                result->kind = FOUND_PACKAGE;
                result->filename = init;
                result->locations = Py_BuildValue("[O]", pkgdir);
                Py_DECREF(pkgdir);
                Py_DECREF(dir);
                if (result->locations == NULL) {
                    goto error;
                }
                goto found;
            }
            Py_DECREF(init);
            if (namespace_dirs == NULL) {
                namespace_dirs = PyList_New(0);
                if (namespace_dirs == NULL) {
                    Py_DECREF(pkgdir);
                    Py_DECREF(dir);
                    goto error;
                }
            }
            if (PyList_Append(namespace_dirs, pkgdir) < 0) {
                Py_DECREF(pkgdir);
                Py_DECREF(dir);
                goto error;
            }
        }
        Py_DECREF(pkgdir);
        snprintf(buf, sizeof(buf), "%s.py", tail);
        PyObject *source = path_join(dir, buf);
        if (source == NULL) {
            Py_DECREF(dir);
            goto error;
        }
        if (path_is(source, 0)) {
            result->kind = FOUND_SOURCE;
            result->filename = source;
            Py_DECREF(dir);
            goto found;
        }
        Py_DECREF(source);
        /* This build's extension suffixes (Python/importdl.c: the free-threaded build does
         * not load the stable ABI, as CPython 3.13t). */
        for (int k = 0; _PyImport_DynLoadFiletab[k] != NULL; k++) {
            snprintf(buf, sizeof(buf), "%s%s", tail, _PyImport_DynLoadFiletab[k]);
            PyObject *ext = path_join(dir, buf);
            if (ext == NULL) {
                Py_DECREF(dir);
                goto error;
            }
            if (path_is(ext, 0)) {
                result->kind = FOUND_EXTENSION;
                result->filename = ext;
                Py_DECREF(dir);
                goto found;
            }
            Py_DECREF(ext);
        }
        Py_DECREF(dir);
    }
    if (namespace_dirs != NULL) {
        result->kind = FOUND_NAMESPACE;
        result->locations = namespace_dirs;
        namespace_dirs = NULL;
    }
found:
    Py_XDECREF(cwd);
    Py_XDECREF(namespace_dirs);
    Py_DECREF(search_path);
    return 0;
error:
    Py_XDECREF(cwd);
    Py_XDECREF(namespace_dirs);
    Py_DECREF(search_path);
    found_clear(result);
    return -1;
}

/* Compile the source file `filename` (str).  New reference to a code object. */
static PyObject *compile_source_file(PyObject *filename)
{
    PyObject *bytes = PyUnicode_EncodeFSDefault(filename);
    if (bytes == NULL) {
        return NULL;
    }
    Py_ssize_t size;
    char *source = _Py_ReadFile(PyBytes_AS_STRING(bytes), &size);
    Py_DECREF(bytes);
    if (source == NULL) {
        return NULL;
    }
    PyObject *code;
    if ((Py_ssize_t)strlen(source) != size) {
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        code = NULL;
    }
    else {
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        code = Py_CompileStringObject(source, filename, Py_file_input, &cf, -1);
    }
    PyMem_Free(source);
    return code;
}

/* ---- per-module import locking ----
 * While a thread executes a module's code, the module is in sys.modules (so circular
 * imports in that thread see it) but another thread that imports it must wait until it is
 * initialised.  Waiting releases the GIL and polls; a cycle of threads waiting for each
 * other's modules (A initialises M and waits for N, B initialises N and waits for M) is a
 * deadlock, which is broken by returning the partially initialised module, as CPython
 * does.
 *
 * interp->import_owners maps a module name to the id (int) of the thread initialising it;
 * interp->import_waiting maps a thread id to the name of the module that thread waits for.
 * Both dicts are made by _PyImport_Init (import_lock_init), before a second thread can exist,
 * and live as long as the interpreter, so the pointers are never written while threads run.
 * Their entries are changed by every importing thread (in the free-threaded build at the same
 * time; in the GIL build whenever a waiting thread lets the GIL go): each dict operation is
 * atomic under the dict's own lock, and a value read from them is taken as a new reference
 * (PyDict_GetItemRef), since its entry may be deleted, and the value freed, at any moment.
 * Claiming a name (the look-up and the insertion as one step) is ordered by
 * import_claim_lock. */

/* Make the two dicts (start-up, one thread).  0 or -1. */
static int import_lock_init(PyInterpreterState *interp)
{
    if (interp->import_owners == NULL) {
        interp->import_owners = PyDict_New();
        if (interp->import_owners == NULL) {
            return -1;
        }
    }
    if (interp->import_waiting == NULL) {
        interp->import_waiting = PyDict_New();
        if (interp->import_waiting == NULL) {
            return -1;
        }
    }
    return 0;
}

/* Record that this thread initialises `name` (under import_claim_lock).  0 or -1. */
static int import_begin(PyInterpreterState *interp, PyObject *name)
{
    PyObject *me = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
    if (me == NULL) {
        return -1;
    }
    int rc = PyDict_SetItem(interp->import_owners, name, me);
    Py_DECREF(me);
    return rc;
}

static void import_end(PyInterpreterState *interp, PyObject *name)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (interp->import_owners != NULL && PyDict_DelItem(interp->import_owners, name) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

/* Would waiting for `name` deadlock (its owner waits, directly or not, for us)?  Follows
 * the chain owner -> the module it waits for -> its owner ..., holding a reference to each
 * link: the threads along the chain delete their entries as they go. */
static int import_would_deadlock(PyInterpreterState *interp, PyObject *name, PyObject *me)
{
    int deadlock = 0;
    Py_INCREF(name);
    for (int steps = 0; steps < 100 && name != NULL && !deadlock; steps++) {
        PyObject *owner;
        if (PyDict_GetItemRef(interp->import_owners, name, &owner) <= 0) {
            PyErr_Clear();
            break;
        }
        deadlock = PyObject_RichCompareBool(owner, me, Py_EQ) == 1;
        Py_SETREF(name, NULL);
        if (!deadlock && PyDict_GetItemRef(interp->import_waiting, owner, &name) < 0) {
            PyErr_Clear();
        }
        Py_DECREF(owner);
    }
    Py_XDECREF(name);
    return deadlock;
}

/* If another thread is initialising `name`, wait until it finishes (or a deadlock would
 * result).  0 or -1 (only on memory errors or signals). */
static int import_wait_for(PyThreadState *tstate, PyObject *name)
{
    PyInterpreterState *interp = tstate->interp;
    if (interp->import_owners == NULL || PyDict_GET_SIZE(interp->import_owners) == 0) {
        return 0;
    }
    PyObject *me = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
    if (me == NULL) {
        return -1;
    }
    int rc = 0;
    for (;;) {
        PyObject *owner;
        if (PyDict_GetItemRef(interp->import_owners, name, &owner) <= 0) {
            PyErr_Clear();
            break;
        }
        int stop = PyObject_RichCompareBool(owner, me, Py_EQ) == 1 ||
                   import_would_deadlock(interp, name, me);
        Py_DECREF(owner);
        if (stop) {
            PyErr_Clear();
            break;
        }
        if (PyDict_SetItem(interp->import_waiting, me, name) < 0) {
            rc = -1;
            break;
        }
        Py_BEGIN_ALLOW_THREADS
        usleep(200);
        Py_END_ALLOW_THREADS
        if (PyDict_DelItem(interp->import_waiting, me) < 0) {
            PyErr_Clear();
        }
        if (PyErr_CheckSignals() < 0) {
            rc = -1;
            break;
        }
    }
    Py_DECREF(me);
    return rc;
}

/* Two threads may both find a module missing from sys.modules (there is no GIL to make the
 * check and the registration one step in the free-threaded build): the first to claim it
 * under import_claim_lock becomes its owner in interp->import_owners and loads it; the others
 * wait for it (import_wait_for) and take the result from sys.modules, or claim it in turn if
 * the import failed.  import_claim_lock only orders the claim itself (a dict look-up and
 * insertion); it is never held while Python code runs.  Returns 1 (claimed; the caller calls
 * import_end when done), 0 with *pmod set (imported meanwhile by another thread), or -1. */
static PyMutex import_claim_lock;

static int import_claim(PyThreadState *tstate, PyObject *name, PyObject **pmod)
{
    PyInterpreterState *interp = tstate->interp;
    PyObject *modules = interp->modules;
    *pmod = NULL;
    if (interp->import_owners == NULL) {
        PyErr_SetString(PyExc_SystemError, "import before the import system was initialised");
        return -1;
    }
    for (;;) {
        int rc;
        PyObject *owner = NULL;
        PyMutex_Lock(&import_claim_lock);
        rc = PyDict_GetItemRef(modules, name, pmod);
        if (rc >= 0) {
            /* Registered in sys.modules is not imported: the owner may still be running
             * the module's code. */
            int owned = PyDict_GetItemRef(interp->import_owners, name, &owner);
            if (owned < 0) {
                rc = -1;
            }
            else if (rc == 0 && owned == 0) {
                rc = import_begin(interp, name) < 0 ? -1 : 2;
            }
        }
        PyMutex_Unlock(&import_claim_lock);
        if (rc < 0) {
            Py_CLEAR(*pmod);
            Py_XDECREF(owner);
            return -1;
        }
        if (rc == 2) {
            return 1;
        }
        if (owner == NULL) {
            return 0;       /* imported and initialised */
        }
        /* Owned by a thread that is loading it; by us, recursively: a circular import gets
         * the partially initialised module (or loads it), as in CPython. */
        PyObject *me = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
        int mine = me != NULL ? PyObject_RichCompareBool(owner, me, Py_EQ) : -1;
        Py_XDECREF(me);
        Py_DECREF(owner);
        if (mine < 0) {
            Py_CLEAR(*pmod);
            return -1;
        }
        if (mine) {
            return *pmod != NULL ? 0 : 1;
        }
        Py_CLEAR(*pmod);
        if (import_wait_for(tstate, name) < 0) {
            return -1;
        }
        rc = PyDict_GetItemRef(modules, name, pmod);
        if (rc != 0) {
            return rc < 0 ? -1 : 0;
        }
    }
}

static PyObject *load_with_spec(PyThreadState *tstate, PyObject *name, found_module *found,
                                PyObject *spec, PyObject *loader);

/* Create, register and execute a module found on the path.  New reference. */
static PyObject *load_found(PyThreadState *tstate, PyObject *name, found_module *found)
{
    loader_kind kind = found->kind == FOUND_EXTENSION ? LOADER_EXTENSION
                       : found->kind == FOUND_NAMESPACE ? LOADER_NAMESPACE : LOADER_SOURCE;
    PyObject *spec, *loader;
    if (make_spec_and_loader(tstate, kind, name, found->filename, found->locations,
                             found->filename != NULL, &spec, &loader) < 0) {
        return NULL;
    }
    PyObject *mod = load_with_spec(tstate, name, found, spec, loader);
    if (mod != NULL && loader == Py_None && install_loader_late(tstate, name, mod) < 0) {
        Py_CLEAR(mod);
    }
    Py_DECREF(spec);
    Py_DECREF(loader);
    return mod;
}

/* load_found with the spec and loader made (borrowed references).  New reference. */
static PyObject *load_with_spec(PyThreadState *tstate, PyObject *name, found_module *found,
                                PyObject *spec, PyObject *loader)
{
    PyObject *modules = tstate->interp->modules;
    if (found->kind == FOUND_EXTENSION) {
        PyObject *mod = _PyImport_LoadDynamicModule(name, found->filename, spec);
        if (mod != NULL && PyModule_Check(mod)) {
            PyObject *d = PyModule_GetDict(mod);
            if (PyDict_SetItemString(d, "__file__", found->filename) < 0 ||
                PyDict_SetItemString(d, "__spec__", spec) < 0 ||
                PyDict_SetItemString(d, "__loader__", loader) < 0 ||
                PyDict_SetItem(modules, name, mod) < 0) {
                Py_CLEAR(mod);
            }
        }
        return mod;
    }

    PyObject *mod = PyModule_NewObject(name);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *d = PyModule_GetDict(mod);
    PyObject *parent = PyObject_GetAttrString(spec, "parent");
    if (parent == NULL ||
        PyDict_SetItemString(d, "__package__", parent) < 0 ||
        PyDict_SetItemString(d, "__spec__", spec) < 0 ||
        PyDict_SetItemString(d, "__loader__", loader) < 0 ||
        (found->filename != NULL &&
         (PyDict_SetItemString(d, "__file__", found->filename) < 0 ||
          PyDict_SetItemString(d, "__cached__", Py_None) < 0)) ||
        (found->locations != NULL &&
         PyDict_SetItemString(d, "__path__", found->locations) < 0) ||
        PyDict_SetItemString(d, "__builtins__", tstate->interp->builtins_module) < 0) {
        Py_XDECREF(parent);
        Py_DECREF(mod);
        return NULL;
    }
    Py_DECREF(parent);
    if (found->kind == FOUND_NAMESPACE) {
        if (PyDict_SetItem(modules, name, mod) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    PyObject *code = compile_source_file(found->filename);
    if (code == NULL) {
        Py_DECREF(mod);
        return NULL;
    }
    if (PyDict_SetItem(modules, name, mod) < 0) {
        Py_DECREF(code);
        Py_DECREF(mod);
        return NULL;
    }
    set_initializing(spec, 1);
    if (import_begin(tstate->interp, name) < 0) {
        set_initializing(spec, 0);
        Py_DECREF(code);
        Py_DECREF(mod);
        return NULL;
    }
    PyObject *r = PyEval_EvalCode(code, d, d);
    import_end(tstate->interp, name);
    set_initializing(spec, 0);
    Py_DECREF(code);
    if (r == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyDict_DelItem(modules, name) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
        Py_DECREF(mod);
        return NULL;
    }
    Py_DECREF(r);
    Py_DECREF(mod);
    /* The module may have replaced itself in sys.modules. */
    PyObject *final = PyImport_GetModule(name);
    if (final == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
    }
    return final;
}

static PyObject *module_not_found(PyObject *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, name, NULL);
    Py_DECREF(msg);
    return NULL;
}

/* ---- the default finders and path hooks (sys.meta_path, sys.path_hooks) ----
 *
 * As in CPython, sys.meta_path starts as [BuiltinImporter, FrozenImporter, PathFinder] and
 * sys.path_hooks as [zipimporter, FileFinder.path_hook(...)].  Those objects are Python
 * classes (importlib._bootstrap_braid, zipimport), which start-up does not import: the lists
 * start with stand-ins, immortal objects that forward attribute access and calls to the real
 * object, importing it on first use and putting it in their place in the list.  Importing
 * the module that defines a real object puts it in place too (default_entries_module_loaded):
 * the first import of a module found on a path imports the bootstrap module, so Python code
 * normally sees only the real finders.
 *
 * The import system recognises the default finders in sys.meta_path (the stand-ins, or the
 * classes, which carry a _braid_native_finder attribute naming their kind) and does their
 * work in C; any other finder is asked with the find_spec protocol, in list order. */

typedef enum {
    FINDER_OTHER,         /* a finder installed by Python code */
    FINDER_BUILTIN,
    FINDER_FROZEN,        /* Braid has no frozen modules: finds nothing */
    FINDER_PATH,
} finder_kind;

typedef struct {
    PyObject_HEAD
    finder_kind kind;     /* FINDER_OTHER for path hooks */
    const char *list;     /* the sys attribute holding it: "meta_path" or "path_hooks" */
    const char *module;   /* the real object: module.attr */
    const char *attr;
} default_entry;

/* The real object for `entry`, put in its place in its list.  New reference. */
static PyObject *default_entry_resolve(default_entry *entry)
{
    PyObject *real = _PyImport_GetModuleAttrString(entry->module, entry->attr);
    if (real == NULL) {
        return NULL;
    }
    PyObject *list;
    if (import_sys_get(entry->list, &list) < 0) {
        Py_DECREF(real);
        return NULL;
    }
    if (list != NULL && PyList_Check(list)) {
        /* The list's lock makes the search and the replacement one step (PyList_SetItem
         * re-enters it, and stores the item as lock-free readers of the list expect). */
        int rc = 0;
        Py_BEGIN_CRITICAL_SECTION(list);
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
            if (PyList_GET_ITEM(list, i) == (PyObject *)entry) {
                /* Releases the stand-in, which is immortal. */
                rc = PyList_SetItem(list, i, Py_NewRef(real));
                break;
            }
        }
        Py_END_CRITICAL_SECTION();
        if (rc < 0) {
            Py_DECREF(list);
            Py_DECREF(real);
            return NULL;
        }
    }
    Py_XDECREF(list);
    return real;
}

static PyObject *default_entry_getattro(PyObject *self, PyObject *name)
{
    PyObject *real = default_entry_resolve((default_entry *)self);
    if (real == NULL) {
        return NULL;
    }
    PyObject *value = PyObject_GetAttr(real, name);
    Py_DECREF(real);
    return value;
}

static PyObject *default_entry_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *real = default_entry_resolve((default_entry *)self);
    if (real == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(real, args, kwargs);
    Py_DECREF(real);
    return result;
}

static PyObject *default_entry_repr(PyObject *self)
{
    PyObject *real = default_entry_resolve((default_entry *)self);
    if (real == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Repr(real);
    Py_DECREF(real);
    return result;
}

static PyTypeObject DefaultEntry_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_imp._default_entry",
    .tp_basicsize = sizeof(default_entry),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Stand-in for a default entry of sys.meta_path or sys.path_hooks.",
    .tp_getattro = default_entry_getattro,
    .tp_call = default_entry_call,
    .tp_repr = default_entry_repr,
};
_Py_REGISTER_STATIC_TYPE(DefaultEntry_Type);

/* Immutable after start-up: immortal static objects. */
static default_entry default_entries[] = {
    {PyObject_HEAD_INIT(&DefaultEntry_Type) FINDER_BUILTIN, "meta_path", BOOTSTRAP_NAME,
     "BuiltinImporter"},
    {PyObject_HEAD_INIT(&DefaultEntry_Type) FINDER_FROZEN, "meta_path", BOOTSTRAP_NAME,
     "FrozenImporter"},
    {PyObject_HEAD_INIT(&DefaultEntry_Type) FINDER_PATH, "meta_path", BOOTSTRAP_NAME,
     "PathFinder"},
    {PyObject_HEAD_INIT(&DefaultEntry_Type) FINDER_OTHER, "path_hooks", "zipimport",
     "zipimporter"},
    {PyObject_HEAD_INIT(&DefaultEntry_Type) FINDER_OTHER, "path_hooks", BOOTSTRAP_NAME,
     "_file_finder_hook"},
};

#define N_DEFAULT_ENTRIES ((Py_ssize_t)(sizeof(default_entries) / sizeof(default_entries[0])))

/* The initial value of sys.meta_path (list == "meta_path") or sys.path_hooks.  New
 * reference. */
static PyObject *default_entry_list(const char *list)
{
    PyObject *result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i < N_DEFAULT_ENTRIES; i++) {
        if (strcmp(default_entries[i].list, list) == 0 &&
            PyList_Append(result, (PyObject *)&default_entries[i]) < 0) {
            Py_CLEAR(result);
        }
    }
    return result;
}

PyObject *_PyImport_DefaultMetaPath(void)
{
    return default_entry_list("meta_path");
}

PyObject *_PyImport_DefaultPathHooks(void)
{
    return default_entry_list("path_hooks");
}

/* Module `name` has just been imported: put the objects it defines in place of their
 * stand-ins (the bootstrap module's finders and path hook, zipimport.zipimporter).  0 or
 * -1. */
static int default_entries_module_loaded(PyObject *name)
{
    for (Py_ssize_t i = 0; i < N_DEFAULT_ENTRIES; i++) {
        if (PyUnicode_EqualToUTF8(name, default_entries[i].module)) {
            PyObject *real = default_entry_resolve(&default_entries[i]);
            if (real == NULL) {
                return -1;
            }
            Py_DECREF(real);
        }
    }
    return 0;
}

/* The kind of a sys.meta_path entry.  -1 with an exception set on failure. */
static int finder_kind_of(PyObject *finder)
{
    if (Py_IS_TYPE(finder, &DefaultEntry_Type)) {
        return (int)((default_entry *)finder)->kind;
    }
    if (!PyType_Check(finder) || ((PyTypeObject *)finder)->tp_dict == NULL) {
        return FINDER_OTHER;
    }
    /* Only the class itself: a subclass may override find_spec. */
    PyObject *marker;
    if (PyDict_GetItemStringRef(((PyTypeObject *)finder)->tp_dict, "_braid_native_finder",
                                &marker) < 0) {
        return -1;
    }
    int kind = FINDER_OTHER;
    if (marker != NULL && PyUnicode_Check(marker)) {
        if (PyUnicode_EqualToUTF8(marker, "builtin")) {
            kind = FINDER_BUILTIN;
        }
        else if (PyUnicode_EqualToUTF8(marker, "frozen")) {
            kind = FINDER_FROZEN;
        }
        else if (PyUnicode_EqualToUTF8(marker, "path")) {
            kind = FINDER_PATH;
        }
    }
    Py_XDECREF(marker);
    return kind;
}

/* Ask a finder installed by Python code for `name` (find_spec protocol) and load what it
 * finds.  New reference to the module; NULL with no exception when it did not find it. */
static PyObject *ask_finder(PyObject *finder, PyObject *name, PyObject *path)
{
    PyObject *find_spec;
    if (PyObject_GetOptionalAttrString(finder, "find_spec", &find_spec) <= 0) {
        return NULL;
    }
    PyObject *spec = PyObject_CallFunctionObjArgs(find_spec, name, path ? path : Py_None,
                                                  NULL);
    Py_DECREF(find_spec);
    if (spec == NULL || spec == Py_None) {
        Py_XDECREF(spec);
        return NULL;
    }
    /* importlib.util.module_from_spec + loader.exec_module, in Python. */
    PyObject *result = NULL;
    PyObject *bootstrap = PyImport_ImportModule(BOOTSTRAP_NAME);
    if (bootstrap != NULL) {
        result = PyObject_CallMethod(bootstrap, "_load_from_spec", "O", spec);
        Py_DECREF(bootstrap);
    }
    Py_DECREF(spec);
    return result;
}

/* Find and load `name` (last component `tail`) with the finders of sys.meta_path, in order:
 * path is the parent package's __path__ for a submodule, NULL for a top-level module;
 * search_path is where the path finder looks (path, or sys.path).  New reference to the
 * module; NULL with no exception when no finder found it. */
static PyObject *find_with_meta_path(PyThreadState *tstate, PyObject *name, PyObject *tail,
                                     PyObject *path, PyObject *search_path)
{
    static const finder_kind fallback[] = {FINDER_BUILTIN, FINDER_PATH};
    PyObject *meta_path;
    if (import_sys_get("meta_path", &meta_path) < 0) {
        return NULL;
    }
    int use_fallback = meta_path == NULL || !PyList_Check(meta_path);
    if (use_fallback) {
        Py_CLEAR(meta_path);
    }
    Py_ssize_t n = use_fallback ? 2 : PyList_GET_SIZE(meta_path);
    PyObject *mod = NULL;
    /* The list may change while finders run: each step re-reads its length and item. */
    for (Py_ssize_t i = 0; i < n && mod == NULL && !PyErr_Occurred(); i++) {
        PyObject *finder = NULL;
        int kind;
        if (use_fallback) {
            kind = fallback[i];
        }
        else {
            finder = PyList_GetItemRef(meta_path, i);
            if (finder == NULL) {
                break;
            }
            kind = finder_kind_of(finder);
        }
        if (kind == FINDER_BUILTIN) {
            const char *cname = PyUnicode_AsUTF8(name);
            if (cname != NULL && path == NULL && find_inittab(cname) != NULL) {
                mod = _PyImport_InitBuiltin(tstate, name);
            }
        }
        else if (kind == FINDER_PATH) {
            const char *ctail = PyUnicode_AsUTF8(tail);
            found_module found;
            if (ctail != NULL && find_in_path(ctail, search_path, &found) == 0 &&
                found.kind != FOUND_NONE) {
                mod = load_found(tstate, name, &found);
                found_clear(&found);
            }
        }
        else if (kind == FINDER_OTHER) {
            mod = ask_finder(finder, name, path);
        }
        Py_XDECREF(finder);
        if (!use_fallback) {
            n = PyList_GET_SIZE(meta_path);
        }
    }
    Py_XDECREF(meta_path);
    return mod;
}

/* Import the absolute dotted name, loading parents first.  New reference. */
static PyObject *import_absolute(PyThreadState *tstate, PyObject *abs_name)
{
    PyObject *modules = tstate->interp->modules;
    PyObject *mod;
    if (PyDict_GetItemRef(modules, abs_name, &mod) < 0) {
        return NULL;
    }
    if (mod != NULL) {
        if (mod == Py_None) {
            Py_DECREF(mod);
            return module_not_found(abs_name, "import of %U halted; None in sys.modules",
                                    abs_name);
        }
        /* Being initialised by another thread: wait for it to finish. */
        if (tstate->interp->import_owners != NULL &&
            PyDict_GET_SIZE(tstate->interp->import_owners) > 0) {
            if (import_wait_for(tstate, abs_name) < 0) {
                Py_DECREF(mod);
                return NULL;
            }
            /* It may have failed and been removed, or replaced itself. */
            Py_SETREF(mod, PyImport_GetModule(abs_name));
            if (mod == NULL) {
                if (PyErr_Occurred()) {
                    return NULL;
                }
                return import_absolute(tstate, abs_name);
            }
        }
        return mod;
    }
    /* Parent package first. */
    Py_ssize_t len = PyUnicode_GET_LENGTH(abs_name);
    Py_ssize_t dot = PyUnicode_FindChar(abs_name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    PyObject *search_path = NULL;
    PyObject *parent_mod = NULL;
    PyObject *tail;
    if (dot >= 0) {
        PyObject *parent_name = PyUnicode_Substring(abs_name, 0, dot);
        if (parent_name == NULL) {
            return NULL;
        }
        parent_mod = import_absolute(tstate, parent_name);
        if (parent_mod == NULL) {
            Py_DECREF(parent_name);
            return NULL;
        }
        /* Importing the parent may have imported us. */
        if (PyDict_GetItemRef(modules, abs_name, &mod) < 0) {
            Py_DECREF(parent_name);
            Py_DECREF(parent_mod);
            return NULL;
        }
        if (mod != NULL) {
            Py_DECREF(parent_name);
            Py_DECREF(parent_mod);
            return mod;
        }
        if (PyObject_GetOptionalAttr(parent_mod, _Py_ID(__path__), &search_path) < 0) {
            Py_DECREF(parent_name);
            Py_DECREF(parent_mod);
            return NULL;
        }
        if (search_path == NULL) {
            module_not_found(abs_name, "No module named %R; %R is not a package", abs_name,
                             parent_name);
            Py_DECREF(parent_name);
            Py_DECREF(parent_mod);
            return NULL;
        }
        Py_DECREF(parent_name);
        tail = PyUnicode_Substring(abs_name, dot + 1, len);
    }
    else {
        tail = Py_NewRef(abs_name);
        if (import_sys_get("path", &search_path) <= 0) {
            Py_DECREF(tail);
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ImportError,
                                "sys.path must be a list of directory names");
            }
            return NULL;
        }
    }
    if (tail == NULL) {
        Py_XDECREF(search_path);
        Py_XDECREF(parent_mod);
        return NULL;
    }

    int claimed = import_claim(tstate, abs_name, &mod);
    if (claimed < 0 || mod != NULL) {
        goto done;       /* error, or another thread finished importing it meanwhile */
    }
    mod = find_with_meta_path(tstate, abs_name, tail, dot >= 0 ? search_path : NULL,
                              search_path);
    if (mod == NULL && !PyErr_Occurred()) {
        module_not_found(abs_name, "No module named %R", abs_name);
    }
    import_end(tstate->interp, abs_name);
    if (mod != NULL && default_entries_module_loaded(abs_name) < 0) {
        Py_CLEAR(mod);
    }
    if (mod != NULL && parent_mod != NULL) {
        /* Bind the submodule in its parent's namespace. */
        if (PyObject_SetAttr(parent_mod, tail, mod) < 0) {
            Py_CLEAR(mod);
        }
    }
done:
    Py_DECREF(tail);
    Py_XDECREF(search_path);
    Py_XDECREF(parent_mod);
    return mod;
}

/* The package a relative import is relative to.  New reference.  globals may be changed by
 * other threads meanwhile: every value read from it is held by reference. */
static PyObject *resolve_package(PyObject *globals)
{
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    PyObject *package;
    if (PyDict_GetItemRef(globals, _Py_ID(__package__), &package) < 0) {
        return NULL;
    }
    if (package == Py_None) {
        Py_CLEAR(package);
    }
    if (package != NULL) {
        if (!PyUnicode_Check(package)) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            return NULL;
        }
        return package;
    }
    PyObject *spec;
    if (PyDict_GetItemRef(globals, _Py_ID(__spec__), &spec) < 0) {
        return NULL;
    }
    if (spec != NULL && spec != Py_None) {
        PyObject *parent = PyObject_GetAttrString(spec, "parent");
        Py_DECREF(spec);
        return parent;
    }
    Py_XDECREF(spec);
    PyObject *name;
    if (PyDict_GetItemRef(globals, _Py_ID(__name__), &name) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        }
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    int is_pkg = PyDict_Contains(globals, _Py_ID(__path__));
    if (is_pkg != 0) {
        if (is_pkg < 0) {
            Py_CLEAR(name);
        }
        return name;
    }
    PyObject *result;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    if (dot == -2) {
        result = NULL;
    }
    else if (dot < 0) {
        result = PyUnicode_FromString("");
    }
    else {
        result = PyUnicode_Substring(name, 0, dot);
    }
    Py_DECREF(name);
    return result;
}

/* from <module> import <fromlist...>: import submodules named in fromlist. */
static int handle_fromlist(PyThreadState *tstate, PyObject *module, PyObject *fromlist,
                           int recursive)
{
    PyObject *seq = PySequence_Fast(fromlist, "fromlist must be a sequence");
    if (seq == NULL) {
        return -1;
    }
    PyObject *modname = NULL;
    int rc = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq) && rc == 0; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "Item in %s must be str, not %.100s",
                         recursive ? "``from list''" : "``from list''",
                         Py_TYPE(x)->tp_name);
            rc = -1;
            break;
        }
        if (PyUnicode_CompareWithASCIIString(x, "*") == 0) {
            if (recursive) {
                continue;
            }
            PyObject *all;
            if (PyObject_GetOptionalAttr(module, _Py_ID(__all__), &all) < 0) {
                rc = -1;
                break;
            }
            if (all != NULL) {
                rc = handle_fromlist(tstate, module, all, 1);
                Py_DECREF(all);
            }
            continue;
        }
        PyObject *v;
        int has = PyObject_GetOptionalAttr(module, x, &v);
        if (has < 0) {
            rc = -1;
            break;
        }
        if (has) {
            Py_DECREF(v);
            continue;
        }
        if (modname == NULL) {
            modname = PyObject_GetAttr(module, _Py_ID(__name__));
            if (modname == NULL) {
                rc = -1;
                break;
            }
        }
        PyObject *subname = PyUnicode_FromFormat("%U.%U", modname, x);
        if (subname == NULL) {
            rc = -1;
            break;
        }
        PyObject *sub = import_absolute(tstate, subname);
        if (sub == NULL) {
            /* A missing submodule is not an error here (IMPORT_FROM reports it). */
            if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                PyObject *exc = PyErr_GetRaisedException();
                PyObject *exc_name = PyObject_GetAttrString(exc, "name");
                int same = exc_name != NULL &&
                           PyObject_RichCompareBool(exc_name, subname, Py_EQ) == 1;
                Py_XDECREF(exc_name);
                if (same) {
                    Py_DECREF(exc);
                    PyErr_Clear();
                }
                else {
                    PyErr_SetRaisedException(exc);
                    rc = -1;
                }
            }
            else {
                rc = -1;
            }
        }
        Py_XDECREF(sub);
        Py_DECREF(subname);
    }
    Py_XDECREF(modname);
    Py_DECREF(seq);
    return rc;
}

PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
                                           PyObject *locals, PyObject *fromlist, int level)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (name == NULL) {
        PyErr_SetString(PyExc_ValueError, "Empty module name");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    PyObject *abs_name;
    if (level > 0) {
        PyObject *package = resolve_package(globals);
        if (package == NULL) {
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(package) == 0) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_ImportError,
                            "attempted relative import with no known parent package");
            return NULL;
        }
        PyObject *base = package;
        for (int i = 1; i < level; i++) {
            Py_ssize_t dot = PyUnicode_FindChar(base, '.', 0, PyUnicode_GET_LENGTH(base), -1);
            if (dot == -2) {
                Py_DECREF(base);
                return NULL;
            }
            if (dot < 0) {
                Py_DECREF(base);
                PyErr_SetString(PyExc_ImportError,
                                "attempted relative import beyond top-level package");
                return NULL;
            }
            Py_SETREF(base, PyUnicode_Substring(base, 0, dot));
            if (base == NULL) {
                return NULL;
            }
        }
        if (PyUnicode_GET_LENGTH(name) == 0) {
            abs_name = base;
        }
        else {
            abs_name = PyUnicode_FromFormat("%U.%U", base, name);
            Py_DECREF(base);
            if (abs_name == NULL) {
                return NULL;
            }
        }
    }
    else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }

    PyObject *mod = import_absolute(tstate, abs_name);
    if (mod == NULL) {
        Py_DECREF(abs_name);
        return NULL;
    }
    int has_from = 0;
    if (fromlist != NULL && fromlist != Py_None) {
        has_from = PyObject_IsTrue(fromlist);
        if (has_from < 0) {
            Py_DECREF(mod);
            Py_DECREF(abs_name);
            return NULL;
        }
    }
    PyObject *result;
    if (!has_from) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
        if (level == 0 || len > 0) {
            if (dot < 0) {
                result = Py_NewRef(mod);
            }
            else {
                /* `import a.b.c` binds `a`: the top of the (absolute) chain. */
                Py_ssize_t cut = PyUnicode_GET_LENGTH(abs_name) - (len - dot);
                PyObject *front = PyUnicode_Substring(abs_name, 0, cut);
                if (front == NULL) {
                    Py_DECREF(mod);
                    Py_DECREF(abs_name);
                    return NULL;
                }
                result = PyImport_GetModule(front);
                if (result == NULL && !PyErr_Occurred()) {
                    PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", front);
                }
                Py_DECREF(front);
            }
        }
        else {
            result = Py_NewRef(mod);
        }
    }
    else {
        PyObject *path;
        int is_pkg = PyObject_GetOptionalAttr(mod, _Py_ID(__path__), &path);
        if (is_pkg < 0) {
            result = NULL;
        }
        else {
            Py_XDECREF(path);
            if (is_pkg && handle_fromlist(tstate, mod, fromlist, 0) < 0) {
                result = NULL;
            }
            else {
                result = Py_NewRef(mod);
            }
        }
    }
    Py_DECREF(mod);
    Py_DECREF(abs_name);
    return result;
}

PyObject *_PyImport_ImportName(PyThreadState *tstate, PyObject *name, PyObject *globals,
                               PyObject *fromlist, int level)
{
    /* By reference: another thread may rebind builtins.__import__ meanwhile. */
    PyObject *import_func;
    if (PyDict_GetItemRef(tstate->interp->builtins, _Py_ID(__import__), &import_func) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        }
        return NULL;
    }
    if (import_func == tstate->interp->import_func) {
        Py_DECREF(import_func);
        return PyImport_ImportModuleLevelObject(name, globals, NULL, fromlist, level);
    }
    PyObject *lvl = PyLong_FromLong(level);
    if (lvl == NULL) {
        Py_DECREF(import_func);
        return NULL;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(import_func, name,
                                               globals ? globals : Py_None, Py_None,
                                               fromlist ? fromlist : Py_None, lvl, NULL);
    Py_DECREF(import_func);
    Py_DECREF(lvl);
    return r;
}

PyObject *_PyImport_ImportFrom(PyThreadState *tstate, PyObject *module, PyObject *name)
{
    PyObject *x;
    if (PyObject_GetOptionalAttr(module, name, &x) != 0) {
        return x;
    }
    /* Fall back to sys.modules[f"{module.__name__}.{name}"] (circular submodule imports). */
    PyObject *pkgname;
    if (PyObject_GetOptionalAttr(module, _Py_ID(__name__), &pkgname) < 0) {
        return NULL;
    }
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        PyObject *fullname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullname == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(fullname);
        Py_DECREF(fullname);
        if (x != NULL || PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return x;
        }
    }
    PyObject *shown = pkgname != NULL && PyUnicode_Check(pkgname)
                          ? pkgname : NULL;
    /* The location shown is the module's __file__ (built-in modules: unknown). */
    PyObject *origin = NULL;
    if (PyObject_GetOptionalAttr(module, _Py_ID(__file__), &origin) < 0) {
        PyErr_Clear();
    }
    PyObject *msg;
    if (shown == NULL) {
        msg = PyUnicode_FromFormat("cannot import name %R from %s", name,
                                   "<unknown module name>");
    }
    else if (module_initializing(module)) {
        msg = PyUnicode_FromFormat("cannot import name %R from partially initialized module "
                                   "%R (most likely due to a circular import) (%S)", name,
                                   shown, origin ? origin : Py_None);
    }
    else if (origin != NULL && PyUnicode_Check(origin)) {
        msg = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown, origin);
    }
    else {
        msg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                   shown);
    }
    if (msg != NULL) {
        PyErr_SetImportError(msg, shown ? shown : Py_None,
                             origin && PyUnicode_Check(origin) ? origin : Py_None);
        PyObject *exc = PyErr_GetRaisedException();
        if (exc != NULL && PyObject_SetAttrString(exc, "name_from", name) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
        Py_DECREF(msg);
    }
    Py_XDECREF(origin);
    Py_XDECREF(pkgname);
    return NULL;
}

PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                                     PyObject *fromlist, int level)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *m = PyImport_ImportModuleLevelObject(nameobj, globals, locals, fromlist, level);
    Py_DECREF(nameobj);
    return m;
}

PyObject *PyImport_Import(PyObject *module_name)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *globals = PyEval_GetGlobals();
    PyObject *fromlist = Py_BuildValue("[s]", "__doc__");
    if (fromlist == NULL) {
        return NULL;
    }
    PyObject *r = _PyImport_ImportName(tstate, module_name, globals, fromlist, 0);
    Py_DECREF(fromlist);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    r = PyImport_GetModule(module_name);
    if (r == NULL && !PyErr_Occurred()) {
        PyErr_SetObject(PyExc_KeyError, module_name);
    }
    return r;
}

PyObject *PyImport_ImportModule(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    /* Fast path: already imported -- unless some thread is importing something right now:
     * the module may be in sys.modules but not initialised yet, and the full path waits for
     * its owner (import_absolute). */
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *m = NULL;
    if (interp->import_owners == NULL || PyDict_GET_SIZE(interp->import_owners) == 0) {
        m = PyImport_GetModule(nameobj);
    }
    if (m == NULL && !PyErr_Occurred()) {
        m = PyImport_Import(nameobj);
    }
    Py_DECREF(nameobj);
    return m;
}

PyObject *PyImport_ImportModuleNoBlock(const char *name)
{
    return PyImport_ImportModule(name);
}

PyObject *_PyImport_GetModuleAttrString(const char *modname, const char *attrname)
{
    PyObject *mod = PyImport_ImportModule(modname);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_GetAttrString(mod, attrname);
    Py_DECREF(mod);
    return r;
}

/* Re-execute a source module's code in its existing namespace. */
PyObject *PyImport_ReloadModule(PyObject *m)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyModule_Check(m)) {
        PyErr_SetString(PyExc_TypeError, "reload() argument must be a module");
        return NULL;
    }
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) {
        return NULL;
    }
    PyObject *current = PyImport_GetModule(name);
    if (current != m) {
        Py_XDECREF(current);
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_ImportError, "module %U not in sys.modules", name);
            PyObject *exc = PyErr_GetRaisedException();
            if (exc && PyObject_SetAttrString(exc, "name", name) < 0) {
                PyErr_Clear();
            }
            PyErr_SetRaisedException(exc);
        }
        Py_DECREF(name);
        return NULL;
    }
    Py_DECREF(current);
    PyObject *d = PyModule_GetDict(m);
    /* A reference: another thread may rebind __file__ while the file is compiled. */
    PyObject *file;
    if (PyDict_GetItemStringRef(d, "__file__", &file) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        Py_XDECREF(file);
        Py_DECREF(name);
        return NULL;
    }
    if (file == NULL || !PyUnicode_Check(file) || _PyImport_IsBuiltin(cname)) {
        Py_XDECREF(file);
        Py_DECREF(name);
        return Py_NewRef(m);
    }
    PyObject *code = compile_source_file(file);
    Py_DECREF(file);
    if (code == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    if (r == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *final = PyImport_GetModule(name);
    Py_DECREF(name);
    (void)tstate;
    return final;
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL) {
        return NULL;
    }
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_SetDefault(d, _Py_ID(__builtins__), tstate->interp->builtins_module) == NULL) {
        goto error;
    }
    if (pathname == NULL) {
        pathname = ((PyCodeObject *)co)->co_filename;
    }
    if (pathname != NULL && PyDict_SetItemString(d, "__file__", pathname) < 0) {
        goto error;
    }
    if (PyDict_SetItemString(d, "__cached__", cpathname ? cpathname : Py_None) < 0) {
        goto error;
    }
    PyObject *r = PyEval_EvalCode(co, d, d);
    if (r == NULL) {
        goto error;
    }
    Py_DECREF(r);
    Py_DECREF(m);
    return PyImport_GetModule(name);
error:
    if (PyDict_DelItem(tstate->interp->modules, name) < 0) {
        PyErr_Clear();
    }
    Py_DECREF(m);
    return NULL;
}

PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                               const char *pathname, const char *cpathname)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    PyObject *path = pathname ? PyUnicode_DecodeFSDefault(pathname) : NULL;
    PyObject *cpath = cpathname ? PyUnicode_DecodeFSDefault(cpathname) : NULL;
    PyObject *m = NULL;
    if (nameobj != NULL && !PyErr_Occurred()) {
        m = PyImport_ExecCodeModuleObject(nameobj, co, path, cpath);
    }
    Py_XDECREF(nameobj);
    Py_XDECREF(path);
    Py_XDECREF(cpath);
    return m;
}

PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, pathname, NULL);
}

PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, NULL, NULL);
}

long PyImport_GetMagicNumber(void)
{
    /* CPython 3.13's magic number (3571) as the little-endian word of a .pyc header. */
    return 3571 | ((long)'\r' << 16) | ((long)'\n' << 24);
}

const char *PyImport_GetMagicTag(void)
{
    return "braid-313";
}

int PyImport_ImportFrozenModuleObject(PyObject *name)
{
    return 0;
}

int PyImport_ImportFrozenModule(const char *name)
{
    return 0;
}

/* ---- single-phase module registry ---- */

PyObject *PyState_FindModule(PyModuleDef *def)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    Py_ssize_t index = def->m_base.m_index;
    if (def->m_slots != NULL || index <= 0 || interp->modules_by_index == NULL ||
        index >= PyList_GET_SIZE(interp->modules_by_index)) {
        return NULL;
    }
    PyObject *m = PyList_GET_ITEM(interp->modules_by_index, index);
    return m == Py_None ? NULL : m;
}

int PyState_AddModule(PyObject *module, PyModuleDef *def)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (def->m_slots != NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_AddModule called on module with slots");
        return -1;
    }
    if (def->m_base.m_index == 0) {
        def->m_base.m_index = PyList_GET_SIZE(interp->modules_by_index) + 1;
    }
    while (PyList_GET_SIZE(interp->modules_by_index) <= def->m_base.m_index) {
        if (PyList_Append(interp->modules_by_index, Py_None) < 0) {
            return -1;
        }
    }
    return PyList_SetItem(interp->modules_by_index, def->m_base.m_index,
                          Py_NewRef(module));
}

int PyState_RemoveModule(PyModuleDef *def)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    Py_ssize_t index = def->m_base.m_index;
    if (index <= 0 || index >= PyList_GET_SIZE(interp->modules_by_index)) {
        PyErr_SetString(PyExc_SystemError, "PyState_RemoveModule: Module index out of bounds.");
        return -1;
    }
    return PyList_SetItem(interp->modules_by_index, index, Py_NewRef(Py_None));
}

/* ---- -m support ---- */

int _PyImport_FindSource(PyObject *name, PyObject **pfilename, int *pispkg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    *pfilename = NULL;
    *pispkg = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return -1;
    }
    PyObject *search_path;
    PyObject *tail;
    if (dot >= 0) {
        PyObject *parent_name = PyUnicode_Substring(name, 0, dot);
        if (parent_name == NULL) {
            return -1;
        }
        PyObject *parent = import_absolute(tstate, parent_name);
        Py_DECREF(parent_name);
        if (parent == NULL) {
            return -1;
        }
        int has = PyObject_GetOptionalAttr(parent, _Py_ID(__path__), &search_path);
        Py_DECREF(parent);
        if (has <= 0) {
            return has < 0 ? -1 : 0;
        }
        tail = PyUnicode_Substring(name, dot + 1, len);
    }
    else {
        if (import_sys_get("path", &search_path) < 0) {
            return -1;
        }
        tail = Py_NewRef(name);
    }
    if (tail == NULL) {
        Py_XDECREF(search_path);
        return -1;
    }
    const char *ctail = PyUnicode_AsUTF8(tail);
    found_module found;
    int rc = -1;
    if (ctail != NULL && find_in_path(ctail, search_path, &found) == 0) {
        if (found.kind == FOUND_SOURCE || found.kind == FOUND_PACKAGE) {
            *pfilename = Py_NewRef(found.filename);
            *pispkg = found.kind == FOUND_PACKAGE;
            rc = 1;
        }
        else {
            *pispkg = found.kind == FOUND_NAMESPACE;
            rc = 0;
        }
        found_clear(&found);
    }
    Py_DECREF(tail);
    Py_XDECREF(search_path);
    return rc;
}

/* ---- the _imp module (a subset of CPython's, plus what Lib/importlib uses) ---- */

static PyObject *imp_is_builtin(PyObject *module, PyObject *name)
{
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        return NULL;
    }
    return PyLong_FromLong(_PyImport_IsBuiltin(cname) ? 1 : 0);
}

static PyObject *imp_is_frozen(PyObject *module, PyObject *name)
{
    Py_RETURN_FALSE;
}

static PyObject *imp_create_builtin(PyObject *module, PyObject *spec)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        return NULL;
    }
    PyObject *mod = PyImport_GetModule(name);
    if (mod == NULL && !PyErr_Occurred()) {
        if (PyUnicode_CompareWithASCIIString(name, "sys") == 0 ||
            PyUnicode_CompareWithASCIIString(name, "builtins") == 0) {
            PyErr_Format(PyExc_ImportError, "cannot re-create %U", name);
        }
        else {
            mod = _PyImport_InitBuiltin(tstate, name);
        }
    }
    Py_DECREF(name);
    return mod;
}

static PyObject *imp_exec_builtin(PyObject *module, PyObject *mod)
{
    return PyLong_FromLong(0);
}

static PyObject *imp_extension_suffixes(PyObject *module, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (int k = 0; list != NULL && _PyImport_DynLoadFiletab[k] != NULL; k++) {
        PyObject *suffix = PyUnicode_FromString(_PyImport_DynLoadFiletab[k]);
        if (suffix == NULL || PyList_Append(list, suffix) < 0) {
            Py_XDECREF(suffix);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(suffix);
    }
    return list;
}

static PyObject *imp_lock_noop(PyObject *module, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *imp_lock_held(PyObject *module, PyObject *unused)
{
    Py_RETURN_FALSE;
}

/* _imp._find(name, path) -> (kind, filename, locations) or None; kind in
 * 'source', 'package', 'extension', 'namespace', 'builtin'. */
static PyObject *imp_find(PyObject *module, PyObject *args)
{
    PyObject *name, *path = Py_None;
    if (!PyArg_ParseTuple(args, "U|O:_find", &name, &path)) {
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        return NULL;
    }
    if (path == Py_None && _PyImport_IsBuiltin(cname)) {
        return Py_BuildValue("(sOO)", "builtin", Py_None, Py_None);
    }
    PyObject *search;
    if (path != Py_None) {
        search = Py_NewRef(path);
    }
    else if (import_sys_get("path", &search) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    PyObject *tail = dot >= 0 ? PyUnicode_Substring(name, dot + 1, len) : Py_NewRef(name);
    if (tail == NULL) {
        Py_XDECREF(search);
        return NULL;
    }
    found_module found;
    const char *ctail = PyUnicode_AsUTF8(tail);
    int rc = ctail != NULL ? find_in_path(ctail, search, &found) : -1;
    Py_DECREF(tail);
    Py_XDECREF(search);
    if (rc < 0) {
        return NULL;
    }
    static const char *const kinds[] = {NULL, "source", "package", "extension", "namespace"};
    PyObject *r;
    if (found.kind == FOUND_NONE) {
        r = Py_NewRef(Py_None);
    }
    else {
        r = Py_BuildValue("(sOO)", kinds[found.kind],
                          found.filename ? found.filename : Py_None,
                          found.locations ? found.locations : Py_None);
    }
    found_clear(&found);
    return r;
}

/* _imp._exec_source(module, filename): compile and run the file in module.__dict__. */
static PyObject *imp_exec_source(PyObject *module, PyObject *args)
{
    PyObject *mod, *filename;
    if (!PyArg_ParseTuple(args, "OU:_exec_source", &mod, &filename)) {
        return NULL;
    }
    PyObject *d = PyObject_GetAttr(mod, _Py_ID(__dict__));
    if (d == NULL) {
        return NULL;
    }
    if (PyDict_SetDefault(d, _Py_ID(__builtins__),
                          _PyInterpreterState_GET()->builtins_module) == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *code = compile_source_file(filename);
    if (code == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    Py_DECREF(d);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* _imp._load_extension(name, filename, spec) -> module */
static PyObject *imp_load_extension(PyObject *module, PyObject *args)
{
    PyObject *name, *filename, *spec;
    if (!PyArg_ParseTuple(args, "UUO:_load_extension", &name, &filename, &spec)) {
        return NULL;
    }
    return _PyImport_LoadDynamicModule(name, filename, spec);
}

static PyObject *imp_reload(PyObject *module, PyObject *mod)
{
    return PyImport_ReloadModule(mod);
}

static PyObject *imp_source_hash(PyObject *module, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_NotImplementedError, "Braid does not use .pyc files");
    return NULL;
}

static PyMethodDef imp_methods[] = {
    {"is_builtin", imp_is_builtin, METH_O, "Returns True if the module name corresponds to "
     "a built-in module."},
    {"is_frozen", imp_is_frozen, METH_O, "Returns True if the module name corresponds to a "
     "frozen module."},
    {"create_builtin", imp_create_builtin, METH_O, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, METH_O, "Initialize a built-in module."},
    {"extension_suffixes", imp_extension_suffixes, METH_NOARGS,
     "Returns the list of file suffixes used to identify extension modules."},
    {"acquire_lock", imp_lock_noop, METH_NOARGS, "Acquires the interpreter's import lock."},
    {"release_lock", imp_lock_noop, METH_NOARGS, "Release the interpreter's import lock."},
    {"lock_held", imp_lock_held, METH_NOARGS, "Return True if the import lock is held."},
    {"_find", imp_find, METH_VARARGS, "Find a module on a path (Braid)."},
    {"_exec_source", imp_exec_source, METH_VARARGS, "Run a source file in a module (Braid)."},
    {"_load_extension", imp_load_extension, METH_VARARGS, "Load an extension (Braid)."},
    {"_reload", imp_reload, METH_O, "Re-execute a module's source (Braid)."},
    {"source_hash", _PyCFunction_CAST(imp_source_hash), METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static int imp_exec(PyObject *module)
{
    PyObject *flag = PyUnicode_FromString("never");
    if (flag == NULL) {
        return -1;
    }
    return PyModule_Add(module, "check_hash_based_pycs", flag);
}

static PyModuleDef_Slot imp_slots[] = {
    {Py_mod_exec, imp_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef impmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_imp",
    .m_doc = "(Extremely) low-level import machinery bits as used by importlib.",
    .m_size = 0,
    .m_methods = imp_methods,
    .m_slots = imp_slots,
};

PyMODINIT_FUNC
PyInit__imp(void)
{
    return PyModuleDef_Init(&impmodule);
}

/* Make the per-module import locking state; sys and builtins are created before the import
 * system: give them their specs. */
int _PyImport_Init(PyInterpreterState *interp)
{
    static const char *const names[] = {"sys", "builtins", NULL};
    if (import_lock_init(interp) < 0) {
        return -1;
    }
    PyObject *origin = PyUnicode_FromString("built-in");
    if (origin == NULL) {
        return -1;
    }
    for (int i = 0; names[i] != NULL; i++) {
        PyObject *mod = PyDict_GetItemString(interp->modules, names[i]);
        if (mod == NULL || !PyModule_Check(mod)) {
            continue;
        }
        PyObject *name = PyUnicode_FromString(names[i]);
        PyObject *spec = name ? make_spec(NULL, name, Py_None, origin, NULL, 0) : NULL;
        Py_XDECREF(name);
        PyObject *d = PyModule_GetDict(mod);
        if (spec == NULL || PyDict_SetItemString(d, "__spec__", spec) < 0 ||
            PyDict_SetItemString(d, "__loader__", Py_None) < 0) {
            Py_XDECREF(spec);
            Py_DECREF(origin);
            return -1;
        }
        Py_DECREF(spec);
    }
    Py_DECREF(origin);
    return 0;
}

void _PyImport_Fini(PyInterpreterState *interp)
{
    (void)interp;
}
