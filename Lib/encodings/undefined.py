"""Python 'undefined' codec: every use raises UnicodeError.

Set it as the default encoding to find the places that convert implicitly.
"""

import codecs


def _refuse(*args, **kwargs):
    raise UnicodeError('undefined encoding')


class Codec(codecs.Codec):
    encode = decode = staticmethod(_refuse)


class IncrementalEncoder(codecs.IncrementalEncoder):
    encode = _refuse


class IncrementalDecoder(codecs.IncrementalDecoder):
    decode = _refuse


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='undefined',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
