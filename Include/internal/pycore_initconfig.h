/* The start-up configuration: what the command line and the environment asked for.
 * Owner: runtime room (Modules/main.c parses it, Python/pylifecycle.c applies it).
 *
 * Strings are UTF-8 (bytes from the command line are decoded with the locale, which Braid
 * treats as UTF-8 with surrogateescape); they are owned by the config (PyMem_RawMalloc). */
#ifndef Py_INTERNAL_INITCONFIG_H
#define Py_INTERNAL_INITCONFIG_H

typedef struct {
    int isolated;             /* -I */
    int use_environment;      /* 0 with -E or -I */
    int safe_path;            /* -P, PYTHONSAFEPATH, -I: do not prepend the script dir */
    int user_site_directory;  /* 0 with -s or -I */
    int site_import;          /* 0 with -S */
    int bytes_warning;        /* -b count */
    int inspect;              /* -i */
    int interactive;          /* -i, or stdin is a terminal and nothing to run */
    int optimization_level;   /* -O count */
    int parser_debug;         /* -d */
    int write_bytecode;       /* 0 with -B or PYTHONDONTWRITEBYTECODE */
    int verbose;              /* -v count */
    int quiet;                /* -q */
    int buffered_stdio;       /* 0 with -u or PYTHONUNBUFFERED */
    int skip_source_first_line; /* -x */
    int dev_mode;             /* -X dev */
    int warn_default_encoding;  /* -X warn_default_encoding */
    int utf8_mode;            /* always 1 in Braid */
    int int_max_str_digits;   /* -X int_max_str_digits, PYTHONINTMAXSTRDIGITS; -1: default */
    int enable_gil;           /* -X gil / PYTHON_GIL: -1 default, 0 off, 1 on */
    int install_signal_handlers;
    int show_ref_count;       /* -X showrefcount */
    int import_time;          /* -X importtime */

    char *run_command;        /* -c: the command, with a trailing newline */
    char *run_module;         /* -m: the module name */
    char *run_filename;       /* the script path; "-" is stdin */
    char *program_name;       /* argv[0] of the process */
    char *stdio_encoding;     /* PYTHONIOENCODING encoding part, or NULL */
    char *stdio_errors;       /* PYTHONIOENCODING errors part, or NULL */

    int orig_argc;            /* the full command line, for sys.orig_argv */
    char **orig_argv;
    int argc;                 /* sys.argv */
    char **argv;
    int nxoptions;            /* -X options, "key" or "key=value" */
    char **xoptions;
    int nwarnoptions;         /* -W options then PYTHONWARNINGS entries */
    char **warnoptions;
} _PyCoreConfig;

/* Fill config with the defaults (no command line, environment not yet read). */
PyAPI_FUNC(void) _PyCoreConfig_InitDefaults(_PyCoreConfig *config);
/* Free the strings and arrays the config owns. */
PyAPI_FUNC(void) _PyCoreConfig_Clear(_PyCoreConfig *config);

/* The configuration in effect (set by Py_Main before Py_Initialize, else defaults). */
PyAPI_DATA(_PyCoreConfig) _Py_CoreConfig;

#endif /* Py_INTERNAL_INITCONFIG_H */
