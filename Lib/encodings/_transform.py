"""The classes shared by the bytes-to-bytes codecs (hex, base64, zlib).

These codecs are not text encodings: use codecs.encode() and codecs.decode() with them.
Like CPython's, they only support the 'strict' error handling (an assertion).
"""

import codecs


def transform_codec(name, encode, decode, incrementalencoder=None, incrementaldecoder=None):
    """Return (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
    getregentry) for a codec whose encode and decode map bytes to bytes.

    The incremental classes default to ones that transform each chunk on its own.
    """

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            assert errors == 'strict'
            return encode(input), len(input)

        def decode(self, input, errors='strict'):
            assert errors == 'strict'
            return decode(input), len(input)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            assert self.errors == 'strict'
            return encode(input)

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            assert self.errors == 'strict'
            return decode(input)

    class StreamWriter(Codec, codecs.StreamWriter):
        charbuffertype = bytes

    class StreamReader(Codec, codecs.StreamReader):
        charbuffertype = bytes

    encoder_class = incrementalencoder or IncrementalEncoder
    decoder_class = incrementaldecoder or IncrementalDecoder

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=encoder_class,
            incrementaldecoder=decoder_class,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
            _is_text_encoding=False,
        )

    return (Codec, encoder_class, decoder_class, StreamWriter, StreamReader, getregentry)
