"""Python 'zlib' codec: zlib compression of bytes.

The incremental encoder and decoder keep a compression object, so a stream split into chunks
gives the same result as the whole.
"""

import codecs
import zlib

from encodings._transform import transform_codec


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        assert errors == 'strict'
        self.errors = errors
        self.compressobj = zlib.compressobj()

    def encode(self, input, final=False):
        data = self.compressobj.compress(input)
        if final:
            data += self.compressobj.flush()
        return data

    def reset(self):
        self.compressobj = zlib.compressobj()


class IncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors='strict'):
        assert errors == 'strict'
        self.errors = errors
        self.decompressobj = zlib.decompressobj()

    def decode(self, input, final=False):
        data = self.decompressobj.decompress(input)
        if final:
            data += self.decompressobj.flush()
        return data

    def reset(self):
        self.decompressobj = zlib.decompressobj()


(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = transform_codec('zlib', zlib.compress, zlib.decompress, IncrementalEncoder,
                                IncrementalDecoder)
