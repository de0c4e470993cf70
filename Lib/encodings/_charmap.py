"""The classes shared by the charmap codec modules (cp1251, koi8_r, iso8859_2, ...).

Each such module defines decoding_table, a 256-character str mapping byte values to
characters ('\\ufffe' for bytes without a mapping), and builds the rest with charmap_codec().
"""

import codecs

# The characters of bytes 0x00-0x7F in code pages that extend ASCII.
ASCII_HALF = ''.join(map(chr, range(128)))


def charmap_codec(name, decoding_table):
    """Return the parts of a charmap codec module for decoding_table.

    The result is (encoding_table, Codec, IncrementalEncoder, IncrementalDecoder,
    StreamWriter, StreamReader, getregentry); getregentry() returns the CodecInfo named name.
    """
    encoding_table = codecs.charmap_build(decoding_table)

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return codecs.charmap_encode(input, errors, encoding_table)

        def decode(self, input, errors='strict'):
            return codecs.charmap_decode(input, errors, decoding_table)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return codecs.charmap_encode(input, self.errors, encoding_table)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return codecs.charmap_decode(input, self.errors, decoding_table)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    return (encoding_table, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
            StreamReader, getregentry)
