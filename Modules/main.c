/* The python program: command line, environment, what to run, exit status
 * (Py_BytesMain, Py_Main).
 *
 *   python [options] [-c cmd | -m mod | file | -] [args]
 *
 * Options are parsed into _Py_CoreConfig before Py_Initialize; sys.path[0] is set here: the
 * script's directory, '' for -c and the interactive loop, the current directory for -m
 * (nothing with -P / -I / PYTHONSAFEPATH). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_initconfig.h"
#include "pycore_import.h"
#include "pycore_pylifecycle.h"
#include "pycore_sysmodule.h"
#include <signal.h>
#include <limits.h>
#include <sys/stat.h>

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char usage_help[] =
"Options (and corresponding environment variables):\n"
"-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
"         and comparing bytes/bytearray with str or bytes with int. (-bb: issue errors)\n"
"-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
"-c cmd : program passed in as string (terminates option list)\n"
"-d     : turn on parser debugging output (for experts only, only works on\n"
"         debug builds); also PYTHONDEBUG=x\n"
"-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
"-h     : print this help message and exit (also -? or --help)\n"
"-i     : inspect interactively after running script; forces a prompt even\n"
"         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
"-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
"-m mod : run library module as a script (terminates option list)\n"
"-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
"         .pyc extension; also PYTHONOPTIMIZE=x\n"
"-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
"         .pyc extension\n"
"-P     : don't prepend a potentially unsafe path to sys.path; also\n"
"         PYTHONSAFEPATH\n"
"-q     : don't print version and copyright messages on interactive startup\n"
"-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x\n"
"-S     : don't imply 'import site' on initialization\n"
"-u     : force the stdout and stderr streams to be unbuffered;\n"
"         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
"-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
"         can be supplied multiple times to increase verbosity\n"
"-V     : print the Python version number and exit (also --version)\n"
"         when given twice, print more information about the build\n"
"-W arg : warning control; arg is action:message:category:module:lineno\n"
"         also PYTHONWARNINGS=arg\n"
"-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
"-X opt : set implementation-specific option\n"
"--check-hash-based-pycs always|default|never:\n"
"         control how Python invalidates hash-based .pyc files\n"
"--help-env: print help about Python environment variables and exit\n"
"--help-xoptions: print help about implementation-specific -X options and exit\n"
"--help-all: print complete help information and exit\n"
"\n"
"Arguments:\n"
"file   : program read from script file\n"
"-      : program read from stdin (default; interactive mode if a tty)\n"
"arg ...: arguments passed to program in sys.argv[1:]\n";

static char *config_strdup(const char *s)
{
    char *r = _PyMem_RawStrdup(s);
    if (r == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return r;
}

static void push(int *n, char ***items, const char *s)
{
    char **grown = PyMem_RawRealloc(*items, sizeof(char *) * (size_t)(*n + 1));
    if (grown == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    grown[*n] = config_strdup(s);
    *items = grown;
    (*n)++;
}

static int usage_error(const char *program)
{
    fprintf(stderr, usage_line, program);
    fprintf(stderr, "Try `python -h' for more information.\n");
    return 2;
}

/* Parse a max-str-digits value; -1 if invalid. */
static int parse_max_digits(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > INT_MAX || (v > 0 && v < 640)) {
        return -1;
    }
    return (int)v;
}

static int env_flag(const char *name)
{
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0') {
        return 0;
    }
    int n = atoi(v);
    return n > 0 ? n : 1;
}

/* Parse argv into config.  Returns -1 to continue, or an exit status. */
static int parse_command_line(_PyCoreConfig *c, int argc, char **argv)
{
    const char *program = argc > 0 ? argv[0] : "python";
    int version = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            break;  /* script name or "-" */
        }
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') {
            if (strcmp(arg, "--version") == 0) {
                version++;
                continue;
            }
            if (strcmp(arg, "--help") == 0 || strcmp(arg, "--help-all") == 0 ||
                strcmp(arg, "--help-env") == 0 || strcmp(arg, "--help-xoptions") == 0) {
                printf(usage_line, program);
                printf("%s", usage_help);
                return 0;
            }
            if (strcmp(arg, "--check-hash-based-pycs") == 0) {
                if (i + 1 >= argc) {
                    fprintf(stderr, "Argument expected for the --check-hash-based-pycs "
                            "option\n");
                    return usage_error(program);
                }
                i++;
                continue;
            }
            fprintf(stderr, "unknown option %s\n", arg);
            return usage_error(program);
        }
        for (int k = 1; arg[k] != '\0'; k++) {
            char opt = arg[k];
            const char *optarg = NULL;
            if (opt == 'c' || opt == 'm' || opt == 'W' || opt == 'X') {
                if (arg[k + 1] != '\0') {
                    optarg = arg + k + 1;
                }
                else if (i + 1 < argc) {
                    optarg = argv[++i];
                }
                else {
                    fprintf(stderr, "Argument expected for the -%c option\n", opt);
                    return usage_error(program);
                }
            }
            switch (opt) {
            case 'c': {
                size_t len = strlen(optarg);
                char *cmd = PyMem_RawMalloc(len + 2);
                if (cmd == NULL) {
                    return 1;
                }
                memcpy(cmd, optarg, len);
                cmd[len] = '\n';
                cmd[len + 1] = '\0';
                c->run_command = cmd;
                i++;
                goto done;
            }
            case 'm':
                c->run_module = config_strdup(optarg);
                i++;
                goto done;
            case 'W':
                push(&c->nwarnoptions, &c->warnoptions, optarg);
                goto next_arg;
            case 'X':
                push(&c->nxoptions, &c->xoptions, optarg);
                goto next_arg;
            case 'b': c->bytes_warning++; break;
            case 'B': c->write_bytecode = 0; break;
            case 'd': c->parser_debug++; break;
            case 'E': c->use_environment = 0; break;
            case 'I':
                c->isolated = 1;
                c->use_environment = 0;
                c->safe_path = 1;
                c->user_site_directory = 0;
                break;
            case 'i': c->inspect = 1; c->interactive = 1; break;
            case 'O': c->optimization_level++; break;
            case 'P': c->safe_path = 1; break;
            case 'q': c->quiet = 1; break;
            case 'R': break;
            case 's': c->user_site_directory = 0; break;
            case 'S': c->site_import = 0; break;
            case 'u': c->buffered_stdio = 0; break;
            case 'v': c->verbose++; break;
            case 'x': c->skip_source_first_line = 1; break;
            case 'V': version++; break;
            case 'h':
            case '?':
                printf(usage_line, program);
                printf("%s", usage_help);
                return 0;
            default:
                fprintf(stderr, "Unknown option: -%c\n", opt);
                return usage_error(program);
            }
        }
    next_arg:;
    }
done:
    if (version) {
        if (version >= 2) {
            printf("Python %s\n", Py_GetVersion());
        }
        else {
            printf("Python %s\n", PY_VERSION);
        }
        return 0;
    }
    /* sys.argv */
    if (c->run_command != NULL) {
        push(&c->argc, &c->argv, "-c");
    }
    else if (c->run_module != NULL) {
        push(&c->argc, &c->argv, "-m");
    }
    else if (i < argc) {
        c->run_filename = config_strdup(argv[i]);
        push(&c->argc, &c->argv, argv[i]);
        i++;
    }
    else {
        push(&c->argc, &c->argv, "");
    }
    for (; i < argc; i++) {
        push(&c->argc, &c->argv, argv[i]);
    }
    return -1;
}

/* Apply PYTHON* environment variables (unless -E/-I).  Returns -1 or an exit status. */
/* PYTHON_GIL / -X gil: "0" or "1"; anything else is remembered as 2 (refused below). */
static int parse_gil(const char *text)
{
    if (strcmp(text, "0") == 0) {
        return 0;
    }
    if (strcmp(text, "1") == 0) {
        return 1;
    }
    return 2;
}

static int read_environment(_PyCoreConfig *c)
{
    if (!c->use_environment) {
        /* Python/pyhash.c reads PYTHONHASHSEED itself: hide it (see NEEDS.md). */
        unsetenv("PYTHONHASHSEED");
        return -1;
    }
    if (env_flag("PYTHONUNBUFFERED")) {
        c->buffered_stdio = 0;
    }
    if (env_flag("PYTHONINSPECT")) {
        c->inspect = 1;
    }
    if (env_flag("PYTHONSAFEPATH")) {
        c->safe_path = 1;
    }
    if (env_flag("PYTHONNOUSERSITE")) {
        c->user_site_directory = 0;
    }
    int v = env_flag("PYTHONVERBOSE");
    if (v > c->verbose) {
        c->verbose = v;
    }
    int o = env_flag("PYTHONOPTIMIZE");
    if (o > c->optimization_level) {
        c->optimization_level = o;
    }
    const char *digits = getenv("PYTHONINTMAXSTRDIGITS");
    if (digits != NULL && digits[0] != '\0') {
        int n = parse_max_digits(digits);
        if (n < 0) {
            fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: "
                    "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for "
                    "unlimited.\n");
            return 1;
        }
        c->int_max_str_digits = n;
    }
    const char *ioenc = getenv("PYTHONIOENCODING");
    if (ioenc != NULL && ioenc[0] != '\0') {
        const char *colon = strchr(ioenc, ':');
        if (colon != NULL) {
            if (colon[1] != '\0') {
                c->stdio_errors = config_strdup(colon + 1);
            }
            if (colon != ioenc) {
                char *enc = config_strdup(ioenc);
                enc[colon - ioenc] = '\0';
                c->stdio_encoding = enc;
            }
        }
        else {
            c->stdio_encoding = config_strdup(ioenc);
        }
    }
    const char *warnings = getenv("PYTHONWARNINGS");
    if (warnings != NULL && warnings[0] != '\0') {
        /* Environment entries come before -W options in sys.warnoptions. */
        int n = 0;
        char **items = NULL;
        char *copy = config_strdup(warnings);
        for (char *tok = strtok(copy, ","); tok != NULL; tok = strtok(NULL, ",")) {
            push(&n, &items, tok);
        }
        PyMem_RawFree(copy);
        for (int k = 0; k < c->nwarnoptions; k++) {
            push(&n, &items, c->warnoptions[k]);
            PyMem_RawFree(c->warnoptions[k]);
        }
        PyMem_RawFree(c->warnoptions);
        c->warnoptions = items;
        c->nwarnoptions = n;
    }
    const char *gil = getenv("PYTHON_GIL");
    if (gil != NULL && gil[0] != '\0') {
        c->enable_gil = parse_gil(gil);
    }
    return -1;
}

/* As CPython 3.13: a value other than 0/1 is refused, and the GIL build refuses 0.  Returns
 * an exit status, or -1 to continue. */
static int check_gil_option(const _PyCoreConfig *c)
{
    const char *problem = NULL;
    if (c->enable_gil == 2) {
        problem = "PYTHON_GIL / -X gil must be \"0\" or \"1\"";
    }
#ifndef Py_GIL_DISABLED
    else if (c->enable_gil == 0) {
        problem = "Disabling the GIL is not supported by this build";
    }
#endif
    if (problem == NULL) {
        return -1;
    }
    fprintf(stderr, "Fatal Python error: config_read_gil: %s\n"
            "Python runtime state: preinitialized\n\n", problem);
    return 1;
}

static int apply_xoptions(_PyCoreConfig *c)
{
    for (int k = 0; k < c->nxoptions; k++) {
        const char *opt = c->xoptions[k];
        if (strncmp(opt, "int_max_str_digits", 18) == 0) {
            int n = opt[18] == '=' ? parse_max_digits(opt + 19) : -1;
            if (n < 0) {
                fprintf(stderr, "Fatal Python error: config_init_int_max_str_digits: "
                        "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for "
                        "unlimited.\n");
                return 1;
            }
            c->int_max_str_digits = n;
        }
        else if (strcmp(opt, "dev") == 0) {
            c->dev_mode = 1;
        }
        else if (strcmp(opt, "showrefcount") == 0) {
            c->show_ref_count = 1;
        }
        else if (strcmp(opt, "importtime") == 0) {
            c->import_time = 1;
        }
        else if (strcmp(opt, "warn_default_encoding") == 0) {
            c->warn_default_encoding = 1;
        }
        else if (strncmp(opt, "gil=", 4) == 0) {
            c->enable_gil = parse_gil(opt + 4);
        }
    }
    return -1;
}

/* Insert entry at sys.path[0].  0 or -1. */
static int prepend_sys_path(PyObject *entry)
{
    PyObject *path = PySys_GetObject("path");
    if (path == NULL || !PyList_Check(path)) {
        return 0;
    }
    return PyList_Insert(path, 0, entry);
}

static PyObject *cwd_str(void)
{
    char buf[PATH_MAX + 1];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        return PyUnicode_FromString("");
    }
    return PyUnicode_DecodeFSDefault(buf);
}

/* The absolute directory of a script path. */
static PyObject *script_dir(const char *filename)
{
    char buf[PATH_MAX + 1];
    const char *slash = strrchr(filename, '/');
    if (filename[0] == '/') {
        size_t len = slash == filename ? 1 : (size_t)(slash - filename);
        return PyUnicode_DecodeFSDefaultAndSize(filename, (Py_ssize_t)len);
    }
    if (getcwd(buf, sizeof(buf)) == NULL) {
        return PyUnicode_FromString("");
    }
    if (slash == NULL) {
        return PyUnicode_DecodeFSDefault(buf);
    }
    PyObject *cwd = PyUnicode_DecodeFSDefault(buf);
    PyObject *rel = PyUnicode_DecodeFSDefaultAndSize(filename, slash - filename);
    PyObject *r = NULL;
    if (cwd != NULL && rel != NULL) {
        r = PyUnicode_FromFormat("%U/%U", cwd, rel);
    }
    Py_XDECREF(cwd);
    Py_XDECREF(rel);
    return r;
}

/* Uncaught exception: print it (or compute SystemExit's status).  Returns the status;
 * sets *sigint when it was a KeyboardInterrupt. */
static int handle_uncaught(int *sigint)
{
    int status;
    if (_Py_HandleSystemExit(&status)) {
        return status;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
        *sigint = 1;
    }
    PyErr_Print();
    return 1;
}

int _Py_HandleUncaught(void)
{
    int sigint = 0;
    return handle_uncaught(&sigint);
}

static PyObject *main_module_dict(void)
{
    PyObject *m = PyImport_AddModule("__main__");
    return m ? PyModule_GetDict(m) : NULL;
}

static int run_command(const char *cmd, int *sigint)
{
    _PyRun_RegisterSource("<string>", cmd);
    PyObject *d = main_module_dict();
    if (d == NULL) {
        return handle_uncaught(sigint);
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *r = PyRun_StringFlags(cmd, Py_file_input, d, d, &cf);
    if (r == NULL) {
        return handle_uncaught(sigint);
    }
    Py_DECREF(r);
    return 0;
}

/* Compile and run `filename` (a str) as __main__.  0 or status. */
static int run_file_as_main(PyObject *filename, int *sigint)
{
    PyObject *d = main_module_dict();
    if (d == NULL) {
        return handle_uncaught(sigint);
    }
    if (PyDict_SetItemString(d, "__file__", filename) < 0 ||
        PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
        return handle_uncaught(sigint);
    }
    PyObject *bytes = PyUnicode_EncodeFSDefault(filename);
    if (bytes == NULL) {
        return handle_uncaught(sigint);
    }
    FILE *fp = fopen(PyBytes_AS_STRING(bytes), "rb");
    Py_DECREF(bytes);
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, filename);
        return handle_uncaught(sigint);
    }
    const char *cname = PyUnicode_AsUTF8(filename);
    if (cname == NULL) {
        fclose(fp);
        return handle_uncaught(sigint);
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *r = PyRun_FileExFlags(fp, cname, Py_file_input, d, d, 1, &cf);
    if (r == NULL) {
        return handle_uncaught(sigint);
    }
    Py_DECREF(r);
    return 0;
}

static int run_module(_PyCoreConfig *c, const char *program, int *sigint)
{
    PyObject *name = PyUnicode_DecodeFSDefault(c->run_module);
    if (name == NULL) {
        return handle_uncaught(sigint);
    }
    PyObject *filename = NULL;
    int ispkg = 0;
    int found = _PyImport_FindSource(name, &filename, &ispkg);
    if (found < 0) {
        if (PyErr_ExceptionMatches(PyExc_ImportError)) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *msg = PyObject_Str(exc);
            Py_DECREF(exc);
            if (msg != NULL) {
                fprintf(stderr, "%s: Error while finding module specification for %s (%s)\n",
                        program, c->run_module, PyUnicode_AsUTF8(msg));
                Py_DECREF(msg);
            }
            PyErr_Clear();
            Py_DECREF(name);
            return 1;
        }
        Py_DECREF(name);
        return handle_uncaught(sigint);
    }
    PyObject *modname = Py_NewRef(name);
    if (found && ispkg) {
        /* A package: run its __main__ submodule. */
        Py_DECREF(filename);
        Py_SETREF(modname, PyUnicode_FromFormat("%U.__main__", name));
        if (modname == NULL) {
            Py_DECREF(name);
            return handle_uncaught(sigint);
        }
        found = _PyImport_FindSource(modname, &filename, &ispkg);
        if (found <= 0) {
            PyErr_Clear();
            fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot "
                    "be directly executed\n", program, c->run_module, c->run_module);
            Py_DECREF(modname);
            Py_DECREF(name);
            return 1;
        }
    }
    if (!found) {
        const char *cname = c->run_module;
        if (_PyImport_IsBuiltin(cname)) {
            fprintf(stderr, "%s: No code object available for %s\n", program, cname);
        }
        else {
            fprintf(stderr, "%s: No module named %s\n", program, cname);
        }
        Py_DECREF(modname);
        Py_DECREF(name);
        return 1;
    }
    /* runpy-like: __main__ gets the module's spec, sys.argv[0] its file. */
    PyObject *d = main_module_dict();
    PyObject *argv = PySys_GetObject("argv");
    if (d == NULL || argv == NULL || PyList_SetItem(argv, 0, Py_NewRef(filename)) < 0) {
        Py_DECREF(filename);
        Py_DECREF(modname);
        Py_DECREF(name);
        return handle_uncaught(sigint);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(modname);
    Py_ssize_t dot = PyUnicode_FindChar(modname, '.', 0, len, -1);
    PyObject *package = dot >= 0 ? PyUnicode_Substring(modname, 0, dot)
                                 : PyUnicode_FromString("");
    PyObject *kw = package ? Py_BuildValue("{sOsOsOsOsOsOsO}", "name", modname,
                                           "loader", Py_None, "origin", filename,
                                           "submodule_search_locations", Py_None,
                                           "parent", package, "has_location", Py_True,
                                           "cached", Py_None) : NULL;
        PyObject *spec = kw ? _PyNamespace_New(kw) : NULL;
    Py_XDECREF(kw);
    int status;
    if (spec == NULL || PyDict_SetItemString(d, "__spec__", spec) < 0 ||
        PyDict_SetItemString(d, "__package__", package) < 0) {
        status = handle_uncaught(sigint);
    }
    else {
        status = run_file_as_main(filename, sigint);
    }
    Py_XDECREF(spec);
    Py_XDECREF(package);
    Py_DECREF(filename);
    Py_DECREF(modname);
    Py_DECREF(name);
    return status;
}

static void print_banner(void)
{
    fprintf(stderr, "Python %s on linux\n", Py_GetVersion());
    fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more "
            "information.\n");
}

/* PYTHONSTARTUP: a file run in __main__ before the first interactive prompt. */
static void run_startup_file(_PyCoreConfig *c)
{
    const char *startup = c->use_environment ? getenv("PYTHONSTARTUP") : NULL;
    if (startup == NULL || startup[0] == '\0') {
        return;
    }
    FILE *fp = fopen(startup, "rb");
    if (fp == NULL) {
        int err = errno;
        PySys_WriteStderr("Could not open PYTHONSTARTUP\n");
        errno = err;
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, startup);
        PyErr_Print();
        return;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    (void)PyRun_SimpleFileExFlags(fp, startup, 1, &cf);
}

static int run_interactive(_PyCoreConfig *c)
{
    run_startup_file(c);
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    return PyRun_InteractiveLoopFlags(stdin, "<stdin>", &cf) == 0 ? 0 : 1;
}

static int run_stdin(_PyCoreConfig *c, int *sigint)
{
    if (isatty(0) || c->inspect) {
        if (!c->quiet) {
            print_banner();
        }
        c->interactive = 1;
        return run_interactive(c);
    }
    /* Read the whole of stdin (the minimal stream) and run it as <stdin>. */
    PyObject *d = main_module_dict();
    if (d == NULL) {
        return handle_uncaught(sigint);
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *r = PyRun_FileExFlags(stdin, "<stdin>", Py_file_input, d, d, 0, &cf);
    if (r == NULL) {
        return handle_uncaught(sigint);
    }
    Py_DECREF(r);
    return 0;
}

static int pymain_run(_PyCoreConfig *c, const char *program, int *sigint)
{
    /* sys.path[0] */
    if (!c->safe_path) {
        PyObject *entry = NULL;
        if (c->run_command != NULL) {
            entry = PyUnicode_FromString("");
        }
        else if (c->run_module != NULL) {
            entry = cwd_str();
        }
        else if (c->run_filename != NULL && strcmp(c->run_filename, "-") != 0) {
            entry = script_dir(c->run_filename);
        }
        else {
            entry = PyUnicode_FromString("");
        }
        if (entry == NULL || prepend_sys_path(entry) < 0) {
            Py_XDECREF(entry);
            return handle_uncaught(sigint);
        }
        Py_DECREF(entry);
    }
    if (c->run_command != NULL) {
        return run_command(c->run_command, sigint);
    }
    if (c->run_module != NULL) {
        return run_module(c, program, sigint);
    }
    if (c->run_filename != NULL && strcmp(c->run_filename, "-") != 0) {
        const char *fn = c->run_filename;
        struct stat st;
        char buf[PATH_MAX + 32];
        if (stat(fn, &st) == 0 && S_ISDIR(st.st_mode)) {
            /* A directory with __main__.py: run that, with the directory first on
             * sys.path. */
            snprintf(buf, sizeof(buf), "%s/__main__.py", fn);
            if (!_Py_IsFile(buf)) {
                fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", program, fn);
                return 1;
            }
            PyObject *dir;
            char cwd[PATH_MAX + 1];
            if (fn[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
                dir = PyUnicode_FromFormat("%s/%s", cwd, fn);
            }
            else {
                dir = PyUnicode_DecodeFSDefault(fn);
            }
            PyObject *path = PySys_GetObject("path");
            if (dir != NULL && path != NULL && PyList_GET_SIZE(path) > 0 && !c->safe_path) {
                PyList_SetItem(path, 0, dir);
            }
            else {
                Py_XDECREF(dir);
            }
            fn = buf;
        }
        else if (!_Py_IsFile(fn)) {
            int err = errno;
            char abspath[2 * PATH_MAX + 2];
            if (fn[0] == '/') {
                snprintf(abspath, sizeof(abspath), "%s", fn);
            }
            else {
                char cwd[PATH_MAX + 1];
                if (getcwd(cwd, sizeof(cwd)) == NULL) {
                    cwd[0] = '\0';
                }
                snprintf(abspath, sizeof(abspath), "%s/%s", cwd, fn);
            }
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program, abspath,
                    err ? err : ENOENT, strerror(err ? err : ENOENT));
            return 2;
        }
        /* __file__ and code filenames are absolute: cwd + "/" + path, as CPython. */
        PyObject *filename;
        char cwd[PATH_MAX + 1];
        if (fn[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
            PyObject *dir = PyUnicode_DecodeFSDefault(cwd);
            PyObject *rel = PyUnicode_DecodeFSDefault(fn);
            filename = dir && rel ? PyUnicode_FromFormat("%U/%U", dir, rel) : NULL;
            Py_XDECREF(dir);
            Py_XDECREF(rel);
        }
        else {
            filename = PyUnicode_DecodeFSDefault(fn);
        }
        if (filename == NULL) {
            return handle_uncaught(sigint);
        }
        int status = run_file_as_main(filename, sigint);
        Py_DECREF(filename);
        return status;
    }
    return run_stdin(c, sigint);
}

int Py_BytesMain(int argc, char **argv)
{
    _PyCoreConfig *c = &_Py_CoreConfig;
    for (int k = 0; k < argc; k++) {
        push(&c->orig_argc, &c->orig_argv, argv[k]);
    }
    c->program_name = config_strdup(argc > 0 ? argv[0] : "python");
    int status = parse_command_line(c, argc, argv);
    if (status >= 0) {
        return status;
    }
    status = read_environment(c);
    if (status >= 0) {
        return status;
    }
    status = apply_xoptions(c);
    if (status >= 0) {
        return status;
    }
    status = check_gil_option(c);
    if (status >= 0) {
        return status;
    }
    if (c->inspect) {
        c->interactive = 1;
    }

    Py_InitializeEx(c->install_signal_handlers);
    int sigint = 0;
    status = pymain_run(c, argc > 0 ? argv[0] : "python", &sigint);
    int ran_program = c->run_command != NULL || c->run_module != NULL ||
                      (c->run_filename != NULL && strcmp(c->run_filename, "-") != 0);
    if (c->inspect && ran_program && !sigint) {
        /* -i: the interactive loop after the program, even after an error. */
        status = run_interactive(c);
    }
    if (Py_FinalizeEx() < 0) {
        /* Flushing stdout failed: CPython exits with 120. */
        status = 120;
    }
    if (sigint) {
        /* Die by SIGINT, as CPython does, so the parent sees the signal (shell: 130). */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;
    }
    return status;
}

int Py_Main(int argc, wchar_t **argv)
{
    char **bytes_argv = PyMem_RawMalloc(sizeof(char *) * (size_t)(argc + 1));
    if (bytes_argv == NULL) {
        return 1;
    }
    for (int i = 0; i < argc; i++) {
        bytes_argv[i] = Py_EncodeLocale(argv[i], NULL);
        if (bytes_argv[i] == NULL) {
            return 1;
        }
    }
    bytes_argv[argc] = NULL;
    return Py_BytesMain(argc, bytes_argv);
}
