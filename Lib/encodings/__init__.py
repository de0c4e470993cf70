"""Standard encodings package: the codec search function.

Encoding names are normalised (lowercase, runs of punctuation and spaces become a single
underscore), resolved through encodings.aliases, and the module encodings.<name> provides
getregentry() returning a codecs.CodecInfo.
"""

import codecs
import sys
from . import aliases

_cache = {}
_unknown = '--unknown--'
_aliases = aliases.aliases


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """Normalize an encoding name: collapse non-alphanumeric runs to '_'.

    Leading and trailing underscores are removed; the case is kept.
    """
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    chars = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if punct and chars:
                chars.append('_')
            chars.append(c)
            punct = False
        else:
            punct = True
    return ''.join(chars)


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry
    norm_encoding = normalize_encoding(encoding)
    aliased_encoding = (_aliases.get(norm_encoding) or
                        _aliases.get(norm_encoding.replace('.', '_')))
    if aliased_encoding is not None:
        modnames = [aliased_encoding, norm_encoding]
    else:
        modnames = [norm_encoding]
    mod = None
    for modname in modnames:
        if not modname or '.' in modname:
            continue
        try:
            mod = __import__('encodings.' + modname, fromlist=['_'], level=0)
        except ImportError:
            pass
        else:
            break
    getregentry = getattr(mod, 'getregentry', None) if mod is not None else None
    if getregentry is None:
        _cache[encoding] = None
        return None
    entry = getregentry()
    if not isinstance(entry, codecs.CodecInfo):
        if not 4 <= len(entry) <= 7:
            raise CodecRegistryError('module "%s" (%s) failed to register'
                                     % (mod.__name__, mod.__file__))
        entry = codecs.CodecInfo(*entry)
    _cache[encoding] = entry
    return entry


codecs.register(search_function)
