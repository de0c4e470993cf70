/* PyCodec_*: the codec registry and the error-handler registry (Python/codecs.c).
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs).
 *
 * Search functions registered with PyCodec_Register are asked, in order, for a normalised
 * encoding name and return a codecs.CodecInfo (or a 4-tuple); results are cached.  The built-in
 * error handlers ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
 * "namereplace", "surrogateescape", "surrogatepass") are always registered. */
#ifndef Py_CODECS_H
#define Py_CODECS_H

/* 0 or -1 with an exception set. */
PyAPI_FUNC(int) PyCodec_Register(PyObject *search_function);
PyAPI_FUNC(int) PyCodec_Unregister(PyObject *search_function);
/* The CodecInfo for encoding; new reference or NULL (LookupError). */
PyAPI_FUNC(PyObject *) _PyCodec_Lookup(const char *encoding);
PyAPI_FUNC(PyObject *) _PyCodec_LookupTextEncoding(const char *encoding,
                                                   const char *alternate_command);
/* 1 if the encoding is known, 0 otherwise (never raises). */
PyAPI_FUNC(int) PyCodec_KnownEncoding(const char *encoding);
/* New references or NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyCodec_Encode(PyObject *object, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_Decode(PyObject *object, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) _PyCodec_EncodeText(PyObject *object, const char *encoding,
                                           const char *errors);
PyAPI_FUNC(PyObject *) _PyCodec_DecodeText(PyObject *object, const char *encoding,
                                           const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_Encoder(const char *encoding);
PyAPI_FUNC(PyObject *) PyCodec_Decoder(const char *encoding);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalEncoder(const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalDecoder(const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_StreamReader(const char *encoding, PyObject *stream,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyCodec_StreamWriter(const char *encoding, PyObject *stream,
                                            const char *errors);

/* Error handlers: a callable taking a UnicodeError and returning (replacement, new position). */
PyAPI_FUNC(int) PyCodec_RegisterError(const char *name, PyObject *error);
/* New reference, or NULL with LookupError ("unknown error handler name 'x'"). NULL name means
 * "strict". */
PyAPI_FUNC(PyObject *) PyCodec_LookupError(const char *name);
PyAPI_FUNC(PyObject *) PyCodec_StrictErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_IgnoreErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_ReplaceErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_XMLCharRefReplaceErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_BackslashReplaceErrors(PyObject *exc);
PyAPI_FUNC(PyObject *) PyCodec_NameReplaceErrors(PyObject *exc);

#endif /* Py_CODECS_H */
