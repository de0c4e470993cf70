"""Python 'unicode-escape' codec (implemented in C by _codecs)."""

import codecs

encode = codecs.unicode_escape_encode

def decode(input, errors='strict'):
    """Decode input; return (str, bytes consumed)."""
    return codecs.unicode_escape_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.unicode_escape_decode


class StreamWriter(codecs.StreamWriter):
    encode = codecs.unicode_escape_encode


class StreamReader(codecs.StreamReader):
    decode = codecs.unicode_escape_decode


def getregentry():
    return codecs.CodecInfo(
        name='unicode-escape',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
