"""Python 'raw-unicode-escape' codec (implemented in C by _codecs)."""

import codecs

encode = codecs.raw_unicode_escape_encode

decode = codecs.raw_unicode_escape_decode


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.raw_unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.raw_unicode_escape_decode(input, self.errors)[0]


class StreamWriter(codecs.StreamWriter):
    encode = codecs.raw_unicode_escape_encode


class StreamReader(codecs.StreamReader):
    decode = codecs.raw_unicode_escape_decode


def getregentry():
    return codecs.CodecInfo(
        name='raw-unicode-escape',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
