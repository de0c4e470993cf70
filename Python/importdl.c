/* Loading extension modules from shared libraries: dlopen + PyInit_<name>.
 *
 * The file's PyInit_<name> (name: the last component of the module name) returns either a
 * module (single-phase initialisation) or a PyModuleDef (multi-phase: the module is created
 * from the spec, then its exec slots run).
 *
 * ABI safety (DESIGN.md §9).  The two builds have different object headers, so an extension
 * compiled for one must never run in the other.  Two marks tell them apart, and both are checked
 * before the library is dlopen'ed, so a refused file never runs any of its code:
 *   - the file name: ".braid-313-<triplet>.so" (GIL build) or ".braid-313t-<triplet>.so"
 *     (free-threaded build); ".abi3.so" is accepted only by the GIL build, because the
 *     free-threaded build has no stable ABI (as in CPython 3.13t);
 *   - an ABI mark symbol that Braid's headers define in every extension (a weak global named
 *     _Py_Braid_ABI_313 or _Py_Braid_ABI_313t), read from the file's ELF dynamic symbol table.
 *     A file without a mark (built against other headers) is judged by its name only.
 * A mismatch raises ImportError naming both ABIs.
 *
 * Py_mod_gil (free-threaded build): a module that does not declare Py_MOD_GIL_NOT_USED (slot
 * for multi-phase modules, PyUnstable_Module_SetGIL for single-phase ones) turns the GIL on for
 * the rest of the run, with CPython's RuntimeWarning, unless PYTHON_GIL=0 / -X gil=0.  For a
 * multi-phase module this happens after the module object is created and before its exec
 * slots run, so that the module's own code already runs under the GIL. */
#include "Python.h"
#include "pycore_import.h"
#include "pycore_ceval.h"
#include "pycore_pyerrors.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EXT_SUFFIX
#  error "pyconfig.h must define EXT_SUFFIX and SOABI (configure)"
#endif

/* The file suffixes this build loads, most specific first (read-only after start-up).
 * Python/import.c's path finder and _imp.extension_suffixes() use this list. */
const char *const _PyImport_DynLoadFiletab[] = {
    EXT_SUFFIX,
#ifndef Py_GIL_DISABLED
    ".abi3.so",
#endif
    ".so",
    NULL,
};

#define ABI_MARK_GIL "_Py_Braid_ABI_313"
#define ABI_MARK_FREE_THREADED "_Py_Braid_ABI_313t"

#ifdef Py_GIL_DISABLED
#  define OWN_ABI_KIND "free-threaded ABI"
#  define OTHER_ABI_KIND "GIL ABI"
#  define OWN_ABI_MARK ABI_MARK_FREE_THREADED
#  define OTHER_ABI_MARK ABI_MARK_GIL
#else
#  define OWN_ABI_KIND "GIL ABI"
#  define OTHER_ABI_KIND "free-threaded ABI"
#  define OWN_ABI_MARK ABI_MARK_GIL
#  define OTHER_ABI_MARK ABI_MARK_FREE_THREADED
#endif

/* Write the SOABI of the other build (this build's ABIFLAGS with 't' toggled) into buf. */
static void
other_soabi(char *buf, size_t size)
{
    char flags[16];
    size_t n = 0;
    const char *own = ABIFLAGS;
#ifndef Py_GIL_DISABLED
    flags[n++] = 't';
#endif
    for (; *own != '\0' && n + 1 < sizeof(flags); own++) {
        if (*own != 't') {
            flags[n++] = *own;
        }
    }
    flags[n] = '\0';
    snprintf(buf, size, "braid-313%s-%s", flags, MULTIARCH);
}

/* 1 if the string s ends with suffix. */
static int
ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

/* ---- reading the ABI mark from the ELF dynamic symbol table ------------------------------ */

enum abi_mark { MARK_NONE, MARK_OWN, MARK_OTHER };

/* Find which ABI mark the mapped ELF image (size bytes) defines.  Every offset is checked
 * against the size: a malformed or foreign file yields MARK_NONE (dlopen then reports it). */
static enum abi_mark
elf_find_mark(const unsigned char *image, size_t size)
{
    if (size < sizeof(ElfW(Ehdr)) || memcmp(image, ELFMAG, SELFMAG) != 0) {
        return MARK_NONE;
    }
    const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *)image;
    if (eh->e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32) ||
        eh->e_shentsize != sizeof(ElfW(Shdr)) || eh->e_shoff == 0 || eh->e_shoff > size ||
        (size - eh->e_shoff) / sizeof(ElfW(Shdr)) < eh->e_shnum) {
        return MARK_NONE;
    }
    const ElfW(Shdr) *sections = (const ElfW(Shdr) *)(image + eh->e_shoff);
    for (unsigned i = 0; i < eh->e_shnum; i++) {
        const ElfW(Shdr) *symtab = &sections[i];
        if (symtab->sh_type != SHT_DYNSYM || symtab->sh_link >= eh->e_shnum ||
            symtab->sh_offset > size || symtab->sh_size > size - symtab->sh_offset) {
            continue;
        }
        const ElfW(Shdr) *strtab = &sections[symtab->sh_link];
        if (strtab->sh_offset > size || strtab->sh_size > size - strtab->sh_offset) {
            continue;
        }
        const char *names = (const char *)(image + strtab->sh_offset);
        const ElfW(Sym) *syms = (const ElfW(Sym) *)(image + symtab->sh_offset);
        size_t count = symtab->sh_size / sizeof(ElfW(Sym));
        for (size_t k = 0; k < count; k++) {
            size_t off = syms[k].st_name;
            if (syms[k].st_shndx == SHN_UNDEF || off >= strtab->sh_size) {
                continue;
            }
            const char *sym = names + off;
            size_t room = strtab->sh_size - off;
            if (strnlen(sym, room) == room) {
                continue;   /* not terminated inside the table */
            }
            if (strcmp(sym, OWN_ABI_MARK) == 0) {
                return MARK_OWN;
            }
            if (strcmp(sym, OTHER_ABI_MARK) == 0) {
                return MARK_OTHER;
            }
        }
    }
    return MARK_NONE;
}

/* Read the ABI mark of the file at path.  A file that cannot be opened or mapped gives
 * MARK_NONE: dlopen reports the real problem. */
static enum abi_mark
file_abi_mark(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return MARK_NONE;
    }
    struct stat st;
    enum abi_mark mark = MARK_NONE;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *image = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (image != MAP_FAILED) {
            mark = elf_find_mark(image, (size_t)st.st_size);
            munmap(image, (size_t)st.st_size);
        }
    }
    close(fd);
    return mark;
}

/* Raise the ImportError for a file of the other ABI.  Always returns -1. */
static int
refuse_other_abi(PyObject *name, PyObject *path, const char *built_for, const char *kind)
{
    PyObject *msg = PyUnicode_FromFormat(
        "cannot load extension module '%U': it was built for %s (%s), but this interpreter "
        "is %s (%s)", name, built_for, kind, SOABI, OWN_ABI_KIND);
    if (msg != NULL) {
        PyErr_SetImportError(msg, name, path);
        Py_DECREF(msg);
    }
    return -1;
}

/* Check that the file at cpath (its name and its mark) belongs to this build's ABI.
 * 0 if it may be loaded, -1 with ImportError if not. */
static int
check_abi(PyObject *name, PyObject *path, const char *cpath)
{
    char other[64];
    other_soabi(other, sizeof(other));
    char other_suffix[80];
    snprintf(other_suffix, sizeof(other_suffix), ".%s.so", other);
    if (ends_with(cpath, other_suffix)) {
        return refuse_other_abi(name, path, other, OTHER_ABI_KIND);
    }
#ifdef Py_GIL_DISABLED
    if (ends_with(cpath, ".abi3.so")) {
        return refuse_other_abi(name, path, "the stable ABI abi3",
                                "not supported by the free-threaded build");
    }
#endif
    if (file_abi_mark(cpath) == MARK_OTHER) {
        return refuse_other_abi(name, path, other, OTHER_ABI_KIND);
    }
    return 0;
}

/* ---- Py_mod_gil ------------------------------------------------------------------------ */

/* The free-threaded build: turn the GIL on for good if `module` does not declare that it can
 * run without it.  0 on success, -1 with an exception set (the warning became an error). */
static int
check_gil_for_module(PyThreadState *tstate, PyObject *module, PyObject *name)
{
#ifdef Py_GIL_DISABLED
    if (PyModule_Check(module) &&
        ((PyModuleObject *)module)->md_gil == Py_MOD_GIL_NOT_USED) {
        return 0;
    }
    if (_PyEval_GILExplicitlyDisabled()) {
        return 0;
    }
    if (_PyEval_EnableGILPermanent(tstate)) {
        return PyErr_WarnFormat(
            PyExc_RuntimeWarning, 1,
            "The global interpreter lock (GIL) has been enabled to load module '%U', which "
            "has not declared that it can run safely without the GIL. To override this "
            "behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or "
            "-Xgil=0.", name);
    }
#else
    (void)tstate;
    (void)module;
    (void)name;
#endif
    return 0;
}

/* ---- loading ----------------------------------------------------------------------------- */

typedef PyObject *(*init_function)(void);

/* Raise ImportError(msg, name=name, path=path).  Steals a reference to msg (may be NULL). */
static void
set_import_error(PyObject *msg, PyObject *name, PyObject *path)
{
    if (msg != NULL) {
        PyErr_SetImportError(msg, name, path);
        Py_DECREF(msg);
    }
}

/* Find PyInit_<last component of name> in the library.  Borrowed function pointer, or NULL
 * with ImportError. */
static init_function
find_init_function(void *handle, PyObject *name, PyObject *path)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2) {
        return NULL;
    }
    PyObject *tail = dot >= 0 ? PyUnicode_Substring(name, dot + 1, len) : Py_NewRef(name);
    if (tail == NULL) {
        return NULL;
    }
    PyObject *symbol = PyUnicode_FromFormat("PyInit_%U", tail);
    Py_DECREF(tail);
    if (symbol == NULL) {
        return NULL;
    }
    const char *csymbol = PyUnicode_AsUTF8(symbol);
    if (csymbol == NULL) {
        Py_DECREF(symbol);
        return NULL;
    }
    init_function init = (init_function)dlsym(handle, csymbol);
    if (init == NULL) {
        set_import_error(PyUnicode_FromFormat("dynamic module does not define module export "
                                              "function (%U)", symbol), name, path);
    }
    Py_DECREF(symbol);
    return init;
}

/* Run a multi-phase definition: create the module from the spec, settle the GIL, run the exec
 * slots.  Return a new reference. */
static PyObject *
load_multi_phase(PyThreadState *tstate, PyModuleDef *def, PyObject *name, PyObject *spec)
{
    PyObject *mod = PyModule_FromDefAndSpec(def, spec);
    if (mod == NULL) {
        return NULL;
    }
    if (check_gil_for_module(tstate, mod, name) < 0 ||
        (PyModule_Check(mod) && PyModule_ExecDef(mod, def) < 0)) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}

/* Load the extension module `name` from the file `path` (str) for `spec`.
 * Return a new reference to the module. */
PyObject *
_PyImport_LoadDynamicModule(PyObject *name, PyObject *path, PyObject *spec)
{
    PyThreadState *tstate = PyThreadState_Get();
    PyObject *pathbytes = PyUnicode_EncodeFSDefault(path);
    if (pathbytes == NULL) {
        return NULL;
    }
    const char *cpath = PyBytes_AS_STRING(pathbytes);
    if (check_abi(name, path, cpath) < 0) {
        Py_DECREF(pathbytes);
        return NULL;
    }
    /* dlopen searches the library path for a name without a slash: "m.so" found in the
     * current directory (sys.path entry '') must be opened as "./m.so". */
    void *handle;
    if (strchr(cpath, '/') == NULL) {
        PyObject *relative = PyBytes_FromFormat("./%s", cpath);
        if (relative == NULL) {
            Py_DECREF(pathbytes);
            return NULL;
        }
        handle = dlopen(PyBytes_AS_STRING(relative), RTLD_NOW | RTLD_LOCAL);
        Py_DECREF(relative);
    }
    else {
        handle = dlopen(cpath, RTLD_NOW | RTLD_LOCAL);
    }
    Py_DECREF(pathbytes);
    if (handle == NULL) {
        const char *err = dlerror();
        set_import_error(PyUnicode_DecodeFSDefault(err ? err : "dlopen() failed"), name, path);
        return NULL;
    }
    /* The library stays loaded for the rest of the run, as in CPython: its code may be
     * referenced from types and functions that outlive the module. */
    init_function init = find_init_function(handle, name, path);
    if (init == NULL) {
        return NULL;
    }
    PyObject *res = init();
    if (res == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError,
                         "initialization of %U failed without raising an exception", name);
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(res);
        _PyErr_FormatFromCause(PyExc_SystemError,
                               "initialization of %U raised unreported exception", name);
        return NULL;
    }
    if (PyObject_TypeCheck(res, &PyModuleDef_Type)) {
        /* multi-phase: res is the (static) definition, borrowed from the library */
        return load_multi_phase(tstate, (PyModuleDef *)res, name, spec);
    }
    if (check_gil_for_module(tstate, res, name) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}
