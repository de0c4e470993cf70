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
 *     A file without a mark (built against other headers) is judged by its name, and, for a
 *     multi-phase module, by the object header of the PyModuleDef its init function returns
 *     (check_init_result_abi: its init function has run by then, but nothing else).
 * A mismatch raises ImportError naming both ABIs.  The same look at the ELF headers refuses a
 * truncated library, which glibc's dlopen would map and then die on (SIGBUS).
 *
 * Py_mod_gil (free-threaded build): a module that does not declare Py_MOD_GIL_NOT_USED (slot
 * for multi-phase modules, PyUnstable_Module_SetGIL for single-phase ones) turns the GIL on for
 * the rest of the run, with CPython's RuntimeWarning, unless PYTHON_GIL=0 / -X gil=0.  For a
 * multi-phase module this happens after the module object is created and before its exec
 * slots run, so that the module's own code already runs under the GIL.
 *
 * Single-phase modules with m_size == -1 keep their state in C statics, so (as in CPython)
 * their init function runs once per process: the loader keeps a copy of the new module's dict
 * in def->m_base.m_copy, and a later import of the same file under the same name (after the
 * module left sys.modules) gets a fresh module filled from that copy. */
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

/* 1 if a segment the dynamic loader maps (program headers) lies past the end of the
 * mapped ELF image of `size` bytes: glibc's dlopen maps it anyway and the process dies of
 * SIGBUS on first touch, so such a file must be refused before dlopen. */
static int
elf_is_truncated(const unsigned char *image, size_t size)
{
    if (size < sizeof(ElfW(Ehdr)) || memcmp(image, ELFMAG, SELFMAG) != 0) {
        return 0;       /* not ELF (or not ours): dlopen explains */
    }
    const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *)image;
    if (eh->e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32) ||
        eh->e_phentsize != sizeof(ElfW(Phdr))) {
        return 0;
    }
    if (eh->e_phoff > size || (size - eh->e_phoff) / sizeof(ElfW(Phdr)) < eh->e_phnum) {
        return 1;
    }
    const ElfW(Phdr) *segments = (const ElfW(Phdr) *)(image + eh->e_phoff);
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        const ElfW(Phdr) *ph = &segments[i];
        if ((ph->p_type == PT_LOAD || ph->p_type == PT_DYNAMIC) &&
            (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)) {
            return 1;
        }
    }
    return 0;
}

/* Read the ABI mark of the file at path and whether it is truncated.  A file that cannot be
 * opened or mapped gives MARK_NONE: dlopen reports the real problem. */
static enum abi_mark
file_abi_mark(const char *path, int *truncated)
{
    *truncated = 0;
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
            *truncated = elf_is_truncated(image, (size_t)st.st_size);
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

/* Check that the file at cpath (its name and its mark) belongs to this build's ABI and is
 * not truncated.  0 if it may be loaded, -1 with ImportError if not. */
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
    int truncated;
    if (file_abi_mark(cpath, &truncated) == MARK_OTHER) {
        return refuse_other_abi(name, path, other, OTHER_ABI_KIND);
    }
    if (truncated) {
        PyObject *msg = PyUnicode_FromFormat("%U: truncated shared library (a segment ends "
                                             "past the end of the file)", path);
        if (msg != NULL) {
            PyErr_SetImportError(msg, name, path);
            Py_DECREF(msg);
        }
        return -1;
    }
    return 0;
}

/* The last check, for a plain ".so" without an ABI mark: the object the init function
 * returned, read with this build's object header, has a reference count of zero -- which no
 * live object has, but a static PyModuleDef compiled with the other build's header shows
 * (GIL build: ob_refcnt overlays the free-threaded ob_tid, 0 for a static object; free-threaded
 * build: ob_ref_local/ob_ref_shared overlay the upper half of the GIL ob_refcnt and m_init,
 * both 0).  Nothing else of the object may be touched then: its type pointer is not where this
 * build looks.  0 if the object looks like ours, -1 with ImportError if not. */
static int
check_init_result_abi(PyObject *res, PyObject *name, PyObject *path)
{
    if (Py_REFCNT(res) != 0) {
        return 0;
    }
    char other[64];
    other_soabi(other, sizeof(other));
    return refuse_other_abi(name, path, other, OTHER_ABI_KIND);
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

/* ---- single-phase modules: init once, copy afterwards ------------------------------------ */

/* Serialises the reads and writes of def->m_base.m_copy (the definitions live in the loaded
 * libraries and are shared by every thread); the cache dict locks itself. */
static PyMutex m_copy_lock;

/* The dict {(path, name): address of the PyModuleDef} of the single-phase modules with
 * m_size == -1 loaded so far, kept in the interpreter's dict.  Borrowed reference. */
static PyObject *
extensions_cache(void)
{
    PyObject *interp_dict = PyInterpreterState_GetDict(PyInterpreterState_Get());
    if (interp_dict == NULL) {
        PyErr_SetString(PyExc_SystemError, "no interpreter dict for the extension cache");
        return NULL;
    }
    PyObject *key = PyUnicode_FromString("_braid_single_phase_extensions");
    PyObject *cache = PyDict_New();
    PyObject *found = NULL;
    if (key == NULL || cache == NULL ||
        PyDict_SetDefaultRef(interp_dict, key, cache, &found) < 0) {
        Py_XDECREF(key);
        Py_XDECREF(cache);
        return NULL;
    }
    Py_DECREF(key);
    Py_DECREF(cache);
    Py_DECREF(found);   /* the interpreter dict keeps it alive */
    return found;
}

/* A fresh module named `name` from the saved copy of a single-phase module loaded before
 * from `path`.  New reference; NULL without an exception if there is none. */
static PyObject *
reuse_single_phase(PyObject *name, PyObject *path)
{
    PyObject *cache = extensions_cache();
    PyObject *key = cache ? PyTuple_Pack(2, path, name) : NULL;
    if (key == NULL) {
        return NULL;
    }
    PyObject *address;
    int found = PyDict_GetItemRef(cache, key, &address);
    Py_DECREF(key);
    if (found <= 0) {
        return NULL;
    }
    PyModuleDef *def = PyLong_AsVoidPtr(address);
    Py_DECREF(address);
    if (def == NULL) {
        return NULL;
    }
    PyMutex_Lock(&m_copy_lock);
    PyObject *copy = Py_XNewRef(def->m_base.m_copy);
    PyMutex_Unlock(&m_copy_lock);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *mod = PyModule_NewObject(name);
    if (mod == NULL || PyDict_Update(PyModule_GetDict(mod), copy) < 0) {
        Py_DECREF(copy);
        Py_XDECREF(mod);
        return NULL;
    }
    Py_DECREF(copy);
    ((PyModuleObject *)mod)->md_def = def;
    return mod;
}

/* Remember a single-phase module with m_size == -1 just initialised from `path`: a copy of
 * its dict and its definition.  0 or -1. */
static int
save_single_phase(PyObject *mod, PyModuleDef *def, PyObject *name, PyObject *path)
{
    if (def->m_size != -1) {
        return 0;
    }
    PyObject *copy = PyDict_Copy(PyModule_GetDict(mod));
    if (copy == NULL) {
        return -1;
    }
    PyMutex_Lock(&m_copy_lock);
    PyObject *old = def->m_base.m_copy;
    def->m_base.m_copy = copy;
    PyMutex_Unlock(&m_copy_lock);
    Py_XDECREF(old);
    PyObject *cache = extensions_cache();
    PyObject *key = cache ? PyTuple_Pack(2, path, name) : NULL;
    PyObject *address = key ? PyLong_FromVoidPtr(def) : NULL;
    int res = address ? PyDict_SetItem(cache, key, address) : -1;
    Py_XDECREF(key);
    Py_XDECREF(address);
    return res;
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

/* ---- Punycode (RFC 3492), for the init functions of non-ASCII module names -------------- */

enum { PUNY_BASE = 36, PUNY_TMIN = 1, PUNY_TMAX = 26, PUNY_SKEW = 38, PUNY_DAMP = 700 };

static Py_ssize_t
puny_adapt(Py_ssize_t delta, Py_ssize_t numpoints, int first)
{
    delta = first ? delta / PUNY_DAMP : delta / 2;
    delta += delta / numpoints;
    Py_ssize_t k = 0;
    while (delta > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) / 2) {
        delta /= PUNY_BASE - PUNY_TMIN;
        k += PUNY_BASE;
    }
    return k + (PUNY_BASE - PUNY_TMIN + 1) * delta / (delta + PUNY_SKEW);
}

/* A growing ASCII buffer for the symbol name. */
typedef struct {
    char *data;
    size_t len, cap;
} puny_buffer;

/* Append the character c.  0 or -1 with MemoryError. */
static int
puny_put(puny_buffer *buf, char c)
{
    if (buf->len + 1 >= buf->cap) {
        size_t cap = buf->cap ? buf->cap * 2 : 64;
        char *data = PyMem_Realloc(buf->data, cap);
        if (data == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buf->data = data;
        buf->cap = cap;
    }
    buf->data[buf->len++] = c;
    return 0;
}

/* Append one base-36 digit (a-z, 0-9).  0 or -1. */
static int
puny_digit(puny_buffer *buf, Py_ssize_t d)
{
    return puny_put(buf, (char)(d < 26 ? 'a' + d : '0' + (d - 26)));
}

/* The name of the init function of a module whose last name component `tail` is not ASCII:
 * "PyInitU_" + its Punycode with '-' replaced by '_' (PEP 489).  New reference. */
static PyObject *
punycode_init_name(PyObject *tail)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(tail);
    puny_buffer buf = {NULL, 0, 0};
    for (const char *p = "PyInitU_"; *p; p++) {
        if (puny_put(&buf, *p) < 0) {
            goto error;
        }
    }
    Py_ssize_t basic = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(tail, i);
        if (c < 128) {
            if (puny_put(&buf, (char)c) < 0) {
                goto error;
            }
            basic++;
        }
    }
    if (basic > 0 && puny_put(&buf, '_') < 0) {
        goto error;
    }
    Py_UCS4 n = 128;
    Py_ssize_t delta = 0, bias = 72;
    for (Py_ssize_t handled = basic; handled < len; delta++, n++) {
        Py_UCS4 m = 0x10FFFF;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(tail, i);
            if (c >= n && c < m) {
                m = c;
            }
        }
        delta += (Py_ssize_t)(m - n) * (handled + 1);
        n = m;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(tail, i);
            if (c < n) {
                delta++;
            }
            if (c != n) {
                continue;
            }
            Py_ssize_t q = delta;
            for (Py_ssize_t k = PUNY_BASE;; k += PUNY_BASE) {
                Py_ssize_t t = k <= bias ? PUNY_TMIN
                               : k >= bias + PUNY_TMAX ? PUNY_TMAX : k - bias;
                if (q < t) {
                    break;
                }
                if (puny_digit(&buf, t + (q - t) % (PUNY_BASE - t)) < 0) {
                    goto error;
                }
                q = (q - t) / (PUNY_BASE - t);
            }
            if (puny_digit(&buf, q) < 0) {
                goto error;
            }
            bias = puny_adapt(delta, handled + 1, handled == basic);
            delta = 0;
            handled++;
        }
    }
    PyObject *res = PyUnicode_FromStringAndSize(buf.data, (Py_ssize_t)buf.len);
    PyMem_Free(buf.data);
    return res;

error:
    PyMem_Free(buf.data);
    return NULL;
}

/* Find the init function of the module `name` in the library: PyInit_<last name component>
 * (PyInitU_<punycode> for a non-ASCII one).  Borrowed function pointer, or NULL with
 * ImportError. */
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
    PyObject *symbol = PyUnicode_IS_ASCII(tail) ? PyUnicode_FromFormat("PyInit_%U", tail)
                                                : punycode_init_name(tail);
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

/* dlopen the file at cpath (path as bytes).  Return the handle, or NULL with ImportError.
 * dlopen searches the library path for a name without a slash, and its error messages repeat
 * the name: a relative path ("m.so" found through the sys.path entry '') is opened as an
 * absolute one, as CPython's finder would have given it. */
static void *
open_library(PyObject *name, PyObject *path, const char *cpath)
{
    void *handle;
    if (cpath[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof(cwd)) == NULL) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
        PyObject *absolute = PyBytes_FromFormat("%s/%s", cwd, cpath);
        if (absolute == NULL) {
            return NULL;
        }
        handle = dlopen(PyBytes_AS_STRING(absolute), RTLD_NOW | RTLD_LOCAL);
        Py_DECREF(absolute);
    }
    else {
        handle = dlopen(cpath, RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == NULL) {
        const char *err = dlerror();
        set_import_error(PyUnicode_DecodeFSDefault(err ? err : "dlopen() failed"), name, path);
    }
    return handle;
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
    PyObject *reused = reuse_single_phase(name, path);
    if (reused != NULL || PyErr_Occurred()) {
        return reused;
    }
    PyObject *pathbytes = PyUnicode_EncodeFSDefault(path);
    if (pathbytes == NULL) {
        return NULL;
    }
    const char *cpath = PyBytes_AS_STRING(pathbytes);
    if (check_abi(name, path, cpath) < 0) {
        Py_DECREF(pathbytes);
        return NULL;
    }
    void *handle = open_library(name, path, cpath);
    Py_DECREF(pathbytes);
    if (handle == NULL) {
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
    if (check_init_result_abi(res, name, path) < 0) {
        return NULL;        /* not ours: not even a reference to drop */
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
    /* single-phase: the init function created the module from its definition */
    PyModuleDef *def = PyModule_Check(res) ? PyModule_GetDef(res) : NULL;
    if (def == NULL) {
        Py_DECREF(res);
        PyErr_Format(PyExc_SystemError,
                     "initialization of %U did not return an extension module", name);
        return NULL;
    }
    if (save_single_phase(res, def, name, path) < 0 ||
        check_gil_for_module(tstate, res, name) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}
