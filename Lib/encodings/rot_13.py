"""Python 'rot13' codec: a str-to-str transform (use codecs.encode/decode)."""

import codecs

_letters = 'abcdefghijklmnopqrstuvwxyz'
_rot13_map = str.maketrans(
    _letters + _letters.upper(),
    _letters[13:] + _letters[:13] + _letters.upper()[13:] + _letters.upper()[:13])


def rot13(infile, outfile):
    """Copy infile to outfile, rot13-transformed."""
    outfile.write(codecs.encode(infile.read(), 'rot-13'))


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return (str.translate(input, _rot13_map), len(input))

    def decode(self, input, errors='strict'):
        return (str.translate(input, _rot13_map), len(input))


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return str.translate(input, _rot13_map)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return str.translate(input, _rot13_map)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='rot-13',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
        _is_text_encoding=False,
    )
