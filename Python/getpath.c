/* Computing sys.executable, sys.prefix and the standard library directory.
 *
 * Running from a build directory: pybuilddir.txt next to the executable holds the source
 * tree's path; the standard library is <that>/Lib and prefix is the source tree.
 * Otherwise (installed): the standard library is BRAID_LIBDEST (the Makefile passes
 * $(prefix)/lib/braid3.13[t]) and prefix is BRAID_PREFIX. */
#include "Python.h"
#include "pycore_sysmodule.h"
#include <limits.h>

#ifndef BRAID_PREFIX
#  define BRAID_PREFIX "/usr/local"
#endif
#ifndef BRAID_LIBDEST
#  define BRAID_LIBDEST BRAID_PREFIX "/lib/braid3.13"
#endif

_PyPathConfig _Py_path_config;

static char *dup_string(const char *s)
{
    return s ? _PyMem_RawStrdup(s) : NULL;
}

/* The absolute path of the running executable. */
static char *find_executable(const char *argv0)
{
    char buf[PATH_MAX + 1];
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n > 0) {
        buf[n] = '\0';
        return dup_string(buf);
    }
    if (argv0 != NULL && realpath(argv0, buf) != NULL) {
        return dup_string(buf);
    }
    return dup_string("");
}

static char *dirname_of(const char *path)
{
    char *copy = dup_string(path);
    if (copy == NULL) {
        return NULL;
    }
    char *slash = strrchr(copy, '/');
    if (slash == NULL) {
        strcpy(copy, ".");
    }
    else if (slash == copy) {
        copy[1] = '\0';
    }
    else {
        *slash = '\0';
    }
    return copy;
}

/* Content of <dir>/pybuilddir.txt without the trailing newline, or NULL. */
static char *read_builddir_marker(const char *dir)
{
    char path[PATH_MAX + 32];
    snprintf(path, sizeof(path), "%s/pybuilddir.txt", dir);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        return NULL;
    }
    char line[PATH_MAX + 1];
    char *res = NULL;
    if (fgets(line, sizeof(line), fp) != NULL) {
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        res = dup_string(line);
    }
    fclose(fp);
    return res;
}

int _PyPathConfig_Calculate(const char *argv0)
{
    if (_Py_path_config.executable != NULL) {
        return 0;
    }
    char *exe = find_executable(argv0);
    char *exe_dir = exe ? dirname_of(exe) : NULL;
    if (exe == NULL || exe_dir == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char *srcdir = read_builddir_marker(exe_dir);
    char stdlib[PATH_MAX + 8];
    if (srcdir != NULL) {
        snprintf(stdlib, sizeof(stdlib), "%s/Lib", srcdir);
        _Py_path_config.prefix = dup_string(srcdir);
        _Py_path_config.build_dir = exe_dir;
        exe_dir = NULL;
        PyMem_RawFree(srcdir);
    }
    else {
        snprintf(stdlib, sizeof(stdlib), "%s", BRAID_LIBDEST);
        _Py_path_config.prefix = dup_string(BRAID_PREFIX);
    }
    PyMem_RawFree(exe_dir);
    _Py_path_config.executable = exe;
    _Py_path_config.exec_prefix = dup_string(_Py_path_config.prefix);
    _Py_path_config.stdlib_dir = dup_string(stdlib);
    if (_Py_path_config.prefix == NULL || _Py_path_config.stdlib_dir == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}
