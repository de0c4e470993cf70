/* The start-up configuration (Include/internal/pycore_initconfig.h). */
#include "Python.h"
#include "pycore_initconfig.h"

_PyCoreConfig _Py_CoreConfig = {
    .use_environment = 1,
    .user_site_directory = 1,
    .site_import = 1,
    .write_bytecode = 0,
    .buffered_stdio = 1,
    .utf8_mode = 1,
    .int_max_str_digits = -1,
    .enable_gil = -1,
    .install_signal_handlers = 1,
};

void _PyCoreConfig_InitDefaults(_PyCoreConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->use_environment = 1;
    config->user_site_directory = 1;
    config->site_import = 1;
    config->buffered_stdio = 1;
    config->utf8_mode = 1;
    config->int_max_str_digits = -1;
    config->enable_gil = -1;
    config->install_signal_handlers = 1;
}

static void free_array(int n, char **items)
{
    for (int i = 0; i < n; i++) {
        PyMem_RawFree(items[i]);
    }
    PyMem_RawFree(items);
}

void _PyCoreConfig_Clear(_PyCoreConfig *config)
{
    PyMem_RawFree(config->run_command);
    PyMem_RawFree(config->run_module);
    PyMem_RawFree(config->run_filename);
    PyMem_RawFree(config->program_name);
    PyMem_RawFree(config->stdio_encoding);
    PyMem_RawFree(config->stdio_errors);
    free_array(config->orig_argc, config->orig_argv);
    free_array(config->argc, config->argv);
    free_array(config->nxoptions, config->xoptions);
    free_array(config->nwarnoptions, config->warnoptions);
    _PyCoreConfig_InitDefaults(config);
}
