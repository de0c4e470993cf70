"""Secure hashes and message digests (md5, sha1, the sha2 and sha3 families, shake, blake2),
computed by OpenSSL's libcrypto through the _hashlib module.

blake2b and blake2s are _hashlib's own implementation with the full parameter set (key,
salt, person, digest_size and the tree-hashing fields); scrypt comes from OpenSSL.
"""

import _hashlib

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
           "new", "algorithms_guaranteed", "algorithms_available", "pbkdf2_hmac",
           "file_digest")

algorithms_guaranteed = set(("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
                                   "blake2b", "blake2s", "sha3_224", "sha3_256", "sha3_384",
                                   "sha3_512", "shake_128", "shake_256"))
algorithms_available = algorithms_guaranteed | set(_hashlib.openssl_md_meth_names)

# The BLAKE2 constructors take keyword parameters that OpenSSL's digests do not.
_BLAKE2 = {"blake2b": _hashlib.blake2b, "blake2s": _hashlib.blake2s}


def new(name, data=b"", **kwargs):
    """new(name, data=b'', *, usedforsecurity=True) - a new hash object for the named
    algorithm."""
    blake = _BLAKE2.get(name)
    if blake is not None:
        return blake(data, **kwargs)
    return _hashlib.new(name, data, **kwargs)


def _constructor(name):
    def construct(data=b"", *, usedforsecurity=True, string=None):
        if string is not None:
            if data != b"":
                raise TypeError("argument for openssl_%s() given by name ('string') and "
                                "position (1)" % name)
            data = string
        return _hashlib.new(name, data, usedforsecurity=usedforsecurity)
    construct.__name__ = "openssl_" + name
    construct.__qualname__ = construct.__name__
    construct.__doc__ = "Returns a %s hash object; optionally initialized with a string" % name
    return construct


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")
sha3_224 = _constructor("sha3_224")
sha3_256 = _constructor("sha3_256")
sha3_384 = _constructor("sha3_384")
sha3_512 = _constructor("sha3_512")
shake_128 = _constructor("shake_128")
shake_256 = _constructor("shake_256")
blake2b = _hashlib.blake2b
blake2s = _hashlib.blake2s

pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a binary file object opened for reading; digest is a name or a
    constructor."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, "getbuffer"):
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable")
            and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    buf = bytearray(_bufsize)
    view = memoryview(buf)
    while True:
        size = fileobj.readinto(buf)
        if size is None:
            raise BlockingIOError("I/O operation would block.")
        if size == 0:
            break
        digestobj.update(view[:size])
    return digestobj
