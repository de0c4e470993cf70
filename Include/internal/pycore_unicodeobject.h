/* Private str API: interning, _PyUnicodeWriter helpers, identifiers.
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs). */
#ifndef Py_INTERNAL_UNICODEOBJECT_H
#define Py_INTERNAL_UNICODEOBJECT_H

/* ---- _PyUnicodeWriter: an append-only str builder ------------------------------------------
 * Usage:
 *     _PyUnicodeWriter w;
 *     _PyUnicodeWriter_Init(&w);
 *     w.overallocate = 1;                       // optional: grow geometrically
 *     if (_PyUnicodeWriter_WriteStr(&w, s) < 0) { _PyUnicodeWriter_Dealloc(&w); return NULL; }
 *     return _PyUnicodeWriter_Finish(&w);       // new reference; the writer is consumed
 * The buffer starts with the narrowest kind and is widened when a wider character arrives.
 * A writer is owned by one thread. */
typedef struct {
    PyObject *buffer;       /* the str being built (owned), or NULL */
    void *data;             /* PyUnicode_DATA(buffer) */
    int kind;               /* PyUnicode_KIND(buffer) */
    Py_UCS4 maxchar;        /* PyUnicode_MAX_CHAR_VALUE(buffer) */
    Py_ssize_t size;        /* allocated characters */
    Py_ssize_t pos;         /* characters written */
    Py_ssize_t min_length;  /* minimum size of the first allocation */
    Py_UCS4 min_char;       /* minimum maxchar of the first allocation */
    unsigned char overallocate;  /* grow by 25% + the request when enlarging */
    unsigned char readonly; /* buffer is a shared str (WriteStr fast path); copy before write */
} _PyUnicodeWriter;

PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *writer);
/* Make room for length more characters up to maxchar: 0 or -1 with an exception set. */
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length,
                                                 Py_UCS4 maxchar);
#define _PyUnicodeWriter_Prepare(WRITER, LENGTH, MAXCHAR)                                     \
    (((MAXCHAR) <= (WRITER)->maxchar && (LENGTH) <= (WRITER)->size - (WRITER)->pos)          \
         ? 0                                                                                  \
         : (((LENGTH) == 0) ? 0                                                               \
                            : _PyUnicodeWriter_PrepareInternal((WRITER), (LENGTH), (MAXCHAR))))
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind);
#define _PyUnicodeWriter_PrepareKind(WRITER, KIND)                                            \
    ((KIND) <= (WRITER)->kind ? 0 : _PyUnicodeWriter_PrepareKindInternal((WRITER), (KIND)))
/* All return 0 on success, -1 with an exception set. */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str,
                                                Py_ssize_t start, Py_ssize_t end);
/* len may be -1 for a NUL-terminated string.  The bytes must be ASCII. */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *str,
                                                  Py_ssize_t len);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str,
                                                   Py_ssize_t len);
/* UTF-8 input (strict). */
PyAPI_FUNC(int) _PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *writer, const char *str,
                                           Py_ssize_t len);
/* Return a new reference to the result and reset the writer. */
PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *writer);
PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer);

/* ---- interning ----------------------------------------------------------------------------- */

/* The interned table is process-wide (one per runtime); interned strings are immortal. */
PyAPI_FUNC(PyObject *) _PyUnicode_InternFromStringAndSize(const char *s, Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) _PyUnicode_InternedSize(void);

/* ---- singletons ---------------------------------------------------------------------------- */

/* Borrowed, immortal. */
PyAPI_FUNC(PyObject *) _PyUnicode_GetEmpty(void);
PyAPI_FUNC(PyObject *) _PyUnicode_FromLatin1Char(Py_UCS1 ch);
#define _Py_STR_EMPTY() _PyUnicode_GetEmpty()

/* ---- helpers for other rooms --------------------------------------------------------------- */

PyAPI_FUNC(void) _PyUnicode_ExactDealloc(PyObject *op);
/* Decode a str literal's escapes (parser): like "unicode_escape" but an invalid escape such as
 * "\d" is kept; *first_invalid_escape receives a pointer to its first char (or NULL).
 * *consumed, if not NULL, receives the bytes consumed.  New reference. */
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size,
                                                              const char *errors,
                                                              Py_ssize_t *consumed,
                                                              const char **first_invalid_escape);
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeStateful(const char *s, Py_ssize_t size,
                                                              const char *errors,
                                                              Py_ssize_t *consumed);
/* For int()/float()/complex() of a str: map Unicode decimal digits to ASCII '0'..'9', Unicode
 * spaces to ' ', leave other ASCII; non-ASCII others become '?'.  New reference (a str). */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);
/* Length of the identifier prefix of str (PEP 3131 XID rules). */
PyAPI_FUNC(Py_ssize_t) _PyUnicode_ScanIdentifier(PyObject *str);
PyAPI_FUNC(int) _PyUnicode_IsAsciiWhitespaceChar(Py_UCS4 ch);
/* Normalize an encoding name: lowercase, '-' and ' ' to '_'; 1 on success, 0 if too long. */
PyAPI_FUNC(int) _Py_normalize_encoding(const char *encoding, char *lower, size_t lower_len);
/* "utf-8" decode with surrogateescape, for file-system paths and argv. */
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUTF8Surrogateescape(const char *s, Py_ssize_t size);
/* str.__format__ and % for str: apply a format spec to a str. */
PyAPI_FUNC(PyObject *) _PyUnicode_FormatWithSpec(PyObject *str, PyObject *format_spec);
/* Character names (Objects/unicodename.c).  Never raise.
 * _PyUnicode_GetCharacterName: write code's name into buf; 1 if it has one, else 0.
 * _PyUnicode_LookupCharacterName: name (not NUL-terminated, any case, formal aliases allowed)
 * to code point; 1 if found, else 0. */
PyAPI_FUNC(int) _PyUnicode_GetCharacterName(Py_UCS4 code, char *buf, int buflen);
PyAPI_FUNC(int) _PyUnicode_LookupCharacterName(const char *name, Py_ssize_t size,
                                               Py_UCS4 *code);
/* NFKC normalization (Objects/unicodenorm.c), for PEP 3131 identifiers.  New reference. */
PyAPI_FUNC(PyObject *) _PyUnicode_NFKC(PyObject *str);
/* Any normalization form (compat: K forms; compose: C forms).  New reference. */
PyAPI_FUNC(PyObject *) _PyUnicode_Normalize(PyObject *str, int compat, int compose);
/* Canonical combining class of ch (0 for starters). */
PyAPI_FUNC(int) _PyUnicode_CombiningClass(Py_UCS4 ch);
/* ch's decomposition mapping: 1 and the code points (borrowed, static) if it has one. */
PyAPI_FUNC(int) _PyUnicode_GetDecomposition(Py_UCS4 ch, const Py_UCS4 **data, int *length,
                                            int *compat);
/* repr() of a str into a new str. */
PyAPI_FUNC(PyObject *) _PyUnicode_Repr(PyObject *unicode);
/* The start-up hook: create the empty string and character caches.  0 or -1. */
PyAPI_FUNC(int) _PyUnicode_InitGlobalObjects(void);
/* Wrap str methods like PyUnicode_Join over an arbitrary iterable; new reference. */
PyAPI_FUNC(PyObject *) _PyUnicode_JoinIterable(PyObject *separator, PyObject *iterable);
/* Helpers used by the str() and bytes() constructors and by f-strings (FORMAT_VALUE). */
PyAPI_FUNC(PyObject *) _PyUnicode_FromObjectWithEncoding(PyObject *obj, const char *encoding,
                                                         const char *errors);

#endif /* Py_INTERNAL_UNICODEOBJECT_H */
