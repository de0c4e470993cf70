/* Linked into a test extension built for the other ABI: the ABI mark that the other build's
 * headers define (see Python/importdl.c), spelled out so that the loader's check of the mark
 * is tested even where the headers do not define it yet.  Weak, like the headers' own. */
#ifdef Py_GIL_DISABLED_MARK
__attribute__((weak, used, visibility("default"))) char _Py_Braid_ABI_313t = 't';
#else
__attribute__((weak, used, visibility("default"))) char _Py_Braid_ABI_313 = 'g';
#endif
