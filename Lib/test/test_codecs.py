"""Tests for the codecs module, the codec registry and the built-in codecs."""

import codecs
import io
import os
import tempfile
import unittest


class RegistryTests(unittest.TestCase):
    def test_lookup(self):
        self.assertEqual(codecs.lookup('utf-8').name, 'utf-8')
        self.assertEqual(codecs.lookup('UTF8').name, 'utf-8')
        self.assertEqual(codecs.lookup('latin1').name, 'iso8859-1')
        self.assertEqual(codecs.lookup('iso-8859-1').name, 'iso8859-1')
        self.assertEqual(codecs.lookup('US-ASCII').name, 'ascii')
        self.assertEqual(codecs.lookup('utf-16').name, 'utf-16')
        self.assertIsInstance(codecs.lookup('ascii'), codecs.CodecInfo)
        with self.assertRaises(LookupError) as cm:
            codecs.lookup('no-such-encoding')
        self.assertEqual(str(cm.exception), 'unknown encoding: no-such-encoding')

    def test_register_search_function(self):
        def search(name):
            if name == 'braid_test_codec':
                return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                        lambda b, e='strict': (bytes(b).decode().lower(),
                                                               len(b)),
                                        name='braid_test_codec')
            return None
        codecs.register(search)
        try:
            self.assertEqual('abc'.encode('braid_test_codec'), b'ABC')
            self.assertEqual(b'ABC'.decode('braid_test_codec'), 'abc')
            self.assertEqual(codecs.encode('x', 'braid_test_codec'), b'X')
        finally:
            codecs.unregister(search)

    def test_encode_decode_functions(self):
        self.assertEqual(codecs.encode('\xe9', 'utf-8'), b'\xc3\xa9')
        self.assertEqual(codecs.decode(b'\xc3\xa9', 'utf-8'), '\xe9')
        self.assertEqual(codecs.encode('a'), b'a')
        self.assertEqual(codecs.getencoder('ascii')('ab'), (b'ab', 2))
        self.assertEqual(codecs.getdecoder('latin-1')(b'\xff'), ('\xff', 1))


class ErrorHandlerTests(unittest.TestCase):
    def test_lookup_error(self):
        self.assertIs(codecs.lookup_error('strict'), codecs.strict_errors)
        with self.assertRaises(LookupError) as cm:
            codecs.lookup_error('nonexistent')
        self.assertEqual(str(cm.exception), "unknown error handler name 'nonexistent'")

    def test_register_error(self):
        def handler(exc):
            return ('<%d>' % exc.start, exc.end)
        codecs.register_error('braid.test', handler)
        self.assertEqual('a\xe9b'.encode('ascii', 'braid.test'), b'a<1>b')
        self.assertEqual(b'a\xffb'.decode('ascii', 'braid.test'), 'a<1>b')
        self.assertEqual(b'a\xffb'.decode('utf-8', 'braid.test'), 'a<1>b')

    def test_builtin_handlers(self):
        self.assertEqual(b'\xff'.decode('ascii', 'surrogateescape'), '\udcff')
        self.assertEqual('\udcff'.encode('ascii', 'surrogateescape'), b'\xff')


class UTF16Tests(unittest.TestCase):
    def test_roundtrip(self):
        for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
            for s in ['', 'abc', '\xe9\u20ac', '\U0001f600']:
                with self.subTest(enc=enc, s=s):
                    self.assertEqual(s.encode(enc).decode(enc), s)

    def test_bom(self):
        self.assertEqual('a'.encode('utf-16-le'), b'a\x00')
        self.assertEqual('a'.encode('utf-16-be'), b'\x00a')
        self.assertEqual('a'.encode('utf-16'), codecs.BOM_UTF16 + 'a'.encode('utf-16-le'))
        self.assertEqual(b'\xfe\xff\x00a'.decode('utf-16'), 'a')
        self.assertEqual(b'\xff\xfea\x00'.decode('utf-16'), 'a')
        self.assertEqual('\U0001f600'.encode('utf-16-le'), b'=\xd8\x00\xde')
        self.assertEqual('a'.encode('utf-32-be'), b'\x00\x00\x00a')

    def test_errors(self):
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'a'.decode('utf-16-le')
        self.assertEqual(cm.exception.reason, 'truncated data')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\x00\xdc'.decode('utf-16-le')
        self.assertEqual(cm.exception.reason, 'illegal encoding')
        self.assertRaises(UnicodeEncodeError, '\ud800'.encode, 'utf-16')
        self.assertEqual(b'\x00\xd8'.decode('utf-16-le', 'replace'), '\ufffd')

    def test_incremental(self):
        d = codecs.getincrementaldecoder('utf-16')()
        self.assertEqual(d.decode(b'\xff'), '')
        self.assertEqual(d.decode(b'\xfea'), '')
        self.assertEqual(d.decode(b'\x00', True), 'a')


class UTF8Tests(unittest.TestCase):
    def test_incremental(self):
        d = codecs.getincrementaldecoder('utf-8')()
        self.assertEqual(d.decode(b'\xe2'), '')
        self.assertEqual(d.decode(b'\x82'), '')
        self.assertEqual(d.decode(b'\xac'), '\u20ac')
        self.assertRaises(UnicodeDecodeError, d.decode, b'\xe2', True)
        e = codecs.getincrementalencoder('utf-8')()
        self.assertEqual(e.encode('\u20ac'), b'\xe2\x82\xac')

    def test_stateful(self):
        self.assertEqual(codecs.utf_8_decode(b'a\xe2\x82', 'strict', False), ('a', 1))
        self.assertEqual(codecs.utf_8_decode(b'a\xe2\x82\xac', 'strict', True), ('a\u20ac', 4))

    def test_iter(self):
        self.assertEqual(''.join(codecs.iterdecode([b'\xc3', b'\xa9'], 'utf-8')), '\xe9')
        self.assertEqual(b''.join(codecs.iterencode(['a', '\xe9'], 'utf-8')), b'a\xc3\xa9')


class EscapeTests(unittest.TestCase):
    def test_unicode_escape(self):
        self.assertEqual('a\n\xe9\u20ac'.encode('unicode_escape'), b'a\\n\\xe9\\u20ac')
        self.assertEqual(b'a\\n\\x41\\u20ac\\U0001f600'.decode('unicode_escape'),
                         'a\nA\u20ac\U0001f600')
        self.assertEqual(b'\\t\\\\'.decode('unicode-escape'), '\t\\')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\\x4'.decode('unicode_escape')
        self.assertEqual(cm.exception.reason, 'truncated \\xXX escape')

    def test_raw_unicode_escape(self):
        self.assertEqual('a\u20ac\\'.encode('raw_unicode_escape'), b'a\\u20ac\\')
        self.assertEqual(b'\\u20ac\\n'.decode('raw_unicode_escape'), '\u20ac\\n')

    def test_escape_decode(self):
        self.assertEqual(codecs.escape_decode(b'a\\nb\\x41'), (b'a\nbA', 8))
        self.assertEqual(codecs.escape_encode(b'a\n\x00'), (b'a\\n\\x00', 3))


class NameTests(unittest.TestCase):
    def test_named_escapes(self):
        self.assertEqual(b'\\N{EURO SIGN}'.decode('unicode_escape'), '\u20ac')
        self.assertEqual(b'\\N{euro sign}'.decode('unicode_escape'), '\u20ac')
        self.assertEqual(b'\\N{LINE FEED}'.decode('unicode_escape'), '\n')
        self.assertEqual(b'\\N{HANGUL SYLLABLE HAN}'.decode('unicode_escape'), '\ud55c')
        self.assertEqual(b'\\N{CJK UNIFIED IDEOGRAPH-4E00}'.decode('unicode_escape'), '\u4e00')
        self.assertEqual('\N{LATIN SMALL LETTER SHARP S}', '\xdf')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\\N{NO SUCH NAME}'.decode('unicode_escape')
        self.assertEqual(cm.exception.reason, 'unknown Unicode character name')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\\Nx'.decode('unicode_escape')
        self.assertEqual(cm.exception.reason, 'malformed \\N character escape')

    def test_namereplace(self):
        self.assertEqual('a\u20ac\U0001f600'.encode('ascii', 'namereplace'),
                         b'a\\N{EURO SIGN}\\N{GRINNING FACE}')
        self.assertEqual('\x80'.encode('ascii', 'namereplace'), b'\\x80')
        self.assertEqual('\uac00\u4e00'.encode('ascii', 'namereplace'),
                         b'\\N{HANGUL SYLLABLE GA}\\N{CJK UNIFIED IDEOGRAPH-4E00}')


class MoreCodecsTests(unittest.TestCase):
    def test_utf_8_sig(self):
        self.assertEqual('a'.encode('utf-8-sig'), b'\xef\xbb\xbfa')
        self.assertEqual(b'\xef\xbb\xbfa'.decode('utf-8-sig'), 'a')
        self.assertEqual(b'a'.decode('utf-8-sig'), 'a')

    def test_rot13(self):
        self.assertEqual(codecs.encode('Hello', 'rot13'), 'Uryyb')
        with self.assertRaises(LookupError):
            'x'.encode('rot13')

    def test_cp1252(self):
        self.assertEqual('\u20ac\xe9'.encode('cp1252'), b'\x80\xe9')
        self.assertEqual(b'\x80\x93'.decode('windows-1252'), '\u20ac\u201c')
        self.assertRaises(UnicodeDecodeError, b'\x81'.decode, 'cp1252')
        self.assertEqual('\u0100'.encode('cp1252', 'replace'), b'?')


class UTF7Tests(unittest.TestCase):
    def test_encode(self):
        cases = [
            ('', b''), ('abc', b'abc'), ('a+b', b'a+-b'), ('\u00e9', b'+AOk-'),
            ('\u00e9a', b'+AOk-a'), ('\u00e9.', b'+AOk.'), ('\u00e9-', b'+AOk--'),
            ('~\\', b'+AH4AXA-'), ('\U0001F600x', b'+2D3eAA-x'), ('\ud800', b'+2AA-'),
            ('!"#$%&*;<=>@[]^_`{|}', b'!"#$%&*;<=>@[]^_`{|}'), ('\x00\x7f', b'+AAAAfw-'),
            ('\u65e5\u672c\u8a9e', b'+ZeVnLIqe-'), ('\u00e9+', b'+AOkAKw-'),
        ]
        for text, data in cases:
            with self.subTest(text=text):
                self.assertEqual(text.encode('utf-7'), data)
                self.assertEqual(data.decode('utf-7'), text)

    def test_names(self):
        for name in ('utf-7', 'utf7', 'U7', 'unicode-1-1-utf-7'):
            self.assertEqual(codecs.lookup(name).name, 'utf-7')

    def test_decode_errors(self):
        cases = [
            (b'\xff', 0, 1, 'unexpected special character'),
            (b'+!', 0, 2, 'ill-formed sequence'),
            (b'+2D3-', 0, 5, 'non-zero padding bits in shift sequence'),
            (b'a+d.', 1, 4, 'partial character in shift sequence'),
            (b'+A', 0, 2, 'unterminated shift sequence'),
            (b'+AOkA', 0, 5, 'unterminated shift sequence'),
        ]
        for data, start, end, reason in cases:
            with self.subTest(data=data):
                with self.assertRaises(UnicodeDecodeError) as cm:
                    data.decode('utf-7')
                exc = cm.exception
                self.assertEqual((exc.encoding, exc.start, exc.end, exc.reason),
                                 ('utf7', start, end, reason))
        self.assertEqual(b'a\xffb'.decode('utf-7', 'replace'), 'a\ufffdb')
        self.assertEqual(b'a\xffb'.decode('utf-7', 'ignore'), 'ab')
        self.assertEqual(b'+2D3-x'.decode('utf-7', 'replace'), '\ufffdx')
        self.assertEqual(b'a\xff'.decode('utf-7', 'backslashreplace'), 'a\\xff')

    def test_surrogates(self):
        self.assertEqual(b'+2D3dwA-'.decode('utf-7'), '\U0001f5c0')
        # A high surrogate without its low half stays a lone surrogate.
        self.assertEqual(b'+2D0AYQ-'.decode('utf-7'), '\ud83da')

    def test_incremental(self):
        decoder = codecs.getincrementaldecoder('utf-7')()
        out = ''.join(decoder.decode(bytes([b])) for b in b'a+ZeVnLIqe-b+AOk')
        self.assertEqual(out + decoder.decode(b'', True), 'a\u65e5\u672c\u8a9eb\u00e9')
        self.assertEqual(codecs.decode(b'+AGE', 'utf-7'), 'a')
        encoder = codecs.getincrementalencoder('utf-7')()
        self.assertEqual(encoder.encode('\u00e9') + encoder.encode('a', True), b'+AOk-a')


class TransformCodecTests(unittest.TestCase):
    def test_hex(self):
        self.assertEqual(codecs.encode(b'abc', 'hex'), b'616263')
        self.assertEqual(codecs.decode(b'616263', 'hex_codec'), b'abc')
        self.assertEqual(codecs.lookup('hex').name, 'hex')
        with self.assertRaises(ValueError) as cm:
            codecs.decode(b'a', 'hex')
        self.assertEqual(str(cm.exception), 'Odd-length string')

    def test_base64(self):
        data = b'abc' * 30
        encoded = codecs.encode(data, 'base64')
        self.assertEqual(encoded.count(b'\n'), 2)
        self.assertTrue(encoded.startswith(b'YWJjYWJj'))
        self.assertEqual(codecs.decode(encoded, 'base_64'), data)
        self.assertEqual(codecs.getincrementalencoder('base64')().encode(b'ab'), b'YWI=\n')

    def test_zlib(self):
        data = b'hello world ' * 20
        self.assertEqual(codecs.decode(codecs.encode(data, 'zlib'), 'zip'), data)
        encoder = codecs.getincrementalencoder('zlib')()
        decoder = codecs.getincrementaldecoder('zlib')()
        compressed = encoder.encode(data[:50]) + encoder.encode(data[50:], True)
        self.assertEqual(compressed, codecs.encode(data, 'zlib'))
        out = decoder.decode(compressed[:7]) + decoder.decode(compressed[7:], True)
        self.assertEqual(out, data)

    def test_not_text_encodings(self):
        for name in ('hex', 'base64', 'zlib'):
            with self.subTest(name=name):
                with self.assertRaises(LookupError) as cm:
                    'x'.encode(name)
                self.assertEqual(str(cm.exception), "'%s' is not a text encoding; use "
                                 "codecs.encode() to handle arbitrary codecs" % name)
                with self.assertRaises(LookupError):
                    b'x'.decode(name)

    def test_strict_only(self):
        with self.assertRaises(AssertionError):
            codecs.encode(b'a', 'hex', 'ignore')


class CharmapUndefinedTests(unittest.TestCase):
    def test_charmap_codec(self):
        self.assertEqual(codecs.lookup('charmap').name, 'charmap')
        self.assertEqual(b'ab\xe9'.decode('charmap'), 'ab\xe9')
        self.assertEqual('ab\xe9'.encode('charmap'), b'ab\xe9')
        with self.assertRaises(UnicodeEncodeError) as cm:
            '\u0100'.encode('charmap')
        self.assertEqual(cm.exception.encoding, 'latin-1')
        decoder = codecs.getincrementaldecoder('charmap')(mapping='xyz')
        self.assertEqual(decoder.decode(b'\x00\x02'), 'xz')
        encoder = codecs.getincrementalencoder('charmap')(mapping={ord('a'): 7})
        self.assertEqual(encoder.encode('aa'), b'\x07\x07')

    def test_charmap_functions(self):
        self.assertEqual(codecs.charmap_encode('a\u0100', 'replace'), (b'a?', 2))
        self.assertEqual(codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'xy'}),
                         (b'\x01xy', 2))
        with self.assertRaises(UnicodeEncodeError) as cm:
            codecs.charmap_encode('ab', 'strict', {97: 1})
        self.assertEqual(cm.exception.encoding, 'charmap')
        self.assertEqual(cm.exception.reason, 'character maps to <undefined>')

    def test_undefined(self):
        self.assertEqual(codecs.lookup('undefined').name, 'undefined')
        with self.assertRaises(UnicodeError) as cm:
            'a'.encode('undefined')
        self.assertEqual(str(cm.exception), 'undefined encoding')
        with self.assertRaises(UnicodeError):
            b'a'.decode('undefined')
        with self.assertRaises(UnicodeError):
            codecs.getincrementalencoder('undefined')().encode('a')


class StreamTests(unittest.TestCase):
    TEXT = 'h\u00e9llo\nw\u00f6rld\n\u65e5\u672c\n'

    def test_open(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'f.txt')
            with codecs.open(path, 'w', 'utf-8') as f:
                self.assertIsInstance(f, codecs.StreamReaderWriter)
                self.assertEqual(f.encoding, 'utf-8')
                f.write(self.TEXT)
            with codecs.open(path, 'rb') as f:
                self.assertEqual(f.read(), self.TEXT.encode('utf-8'))
            with codecs.open(path, 'r', 'utf-8') as f:
                self.assertEqual(f.readline(), 'h\u00e9llo\n')
                self.assertEqual(f.read(3), 'w\u00f6r')
                self.assertEqual(f.readline(), 'ld\n')
                self.assertEqual(f.read(), '\u65e5\u672c\n')
            with codecs.open(path, encoding='utf-8') as f:
                self.assertEqual(list(f), self.TEXT.splitlines(True))
            with self.assertRaises(LookupError):
                codecs.open(path, 'r', 'no-such-encoding')

    def test_reader_sizes(self):
        reader = codecs.getreader('utf-8')(io.BytesIO('a\u00e9bc\u65e5d'.encode()))
        self.assertEqual(reader.read(1), 'a')
        self.assertEqual(reader.read(chars=2), '\u00e9b')
        self.assertEqual(reader.read(size=1), 'c')
        self.assertEqual(reader.read(), '\u65e5d')
        reader = codecs.getreader('utf-8')(io.BytesIO(b'l1\r\nl2\nl3'))
        self.assertEqual(reader.readline(keepends=False), 'l1')
        self.assertEqual(reader.readline(), 'l2\n')
        self.assertEqual(reader.readline(), 'l3')
        self.assertEqual(reader.readline(), '')

    def test_readline_in_chunks(self):
        class Trickle(io.RawIOBase):
            """A stream that returns at most two bytes per read."""
            def __init__(self, data):
                self.data = data

            def readable(self):
                return True

            def read(self, size=-1):
                chunk, self.data = self.data[:2], self.data[2:]
                return chunk

        text = 'a\nbb\r\ncc\rdd\n\n' + 'x' * 300 + '\n\u00e9\u65e5'
        for name in ('utf-8', 'utf-16', 'utf-7'):
            with self.subTest(name=name):
                reader = codecs.getreader(name)(Trickle(text.encode(name)))
                self.assertEqual(list(reader), text.splitlines(True))
                reader = codecs.getreader(name)(Trickle(text.encode(name)))
                self.assertEqual(reader.readline(5), 'a\n')
                self.assertEqual(reader.readline(keepends=False), 'bb')
        reader = codecs.getreader('utf-8')(Trickle(b'x' * 20))
        self.assertEqual(reader.readline(5), 'xxxxx')

    def test_encoded_file(self):
        recoder = codecs.EncodedFile(io.BytesIO('\u00e9t\u00e9\n'.encode('latin-1')),
                                     'utf-8', 'latin-1')
        self.assertEqual(recoder.read(), '\u00e9t\u00e9\n'.encode('utf-8'))
        self.assertEqual((recoder.data_encoding, recoder.file_encoding), ('utf-8', 'latin-1'))
        out = io.BytesIO()
        recoder = codecs.EncodedFile(out, 'utf-8', 'latin-1')
        recoder.write('\u00e9'.encode('utf-8'))
        recoder.writelines([b'a', b'b'])
        self.assertEqual(out.getvalue(), b'\xe9ab')

    def test_bom_required(self):
        for name, data, end in (('utf-16', b'h\xc3\xa9llo\n', 2),
                                ('utf-32', b'h\x00\x00\x00i\x00\x00\x00', 4)):
            with self.subTest(name=name):
                reader = codecs.getreader(name)(io.BytesIO(data))
                with self.assertRaises(UnicodeDecodeError) as cm:
                    reader.read()
                self.assertEqual((cm.exception.start, cm.exception.end), (0, end))
                self.assertEqual(cm.exception.reason, 'Stream does not start with BOM')
        reader = codecs.getreader('utf-16')(io.BytesIO(b'\xff\xfeh\x00i\x00'))
        self.assertEqual(reader.read(), 'hi')


class Latin1AsciiTests(unittest.TestCase):
    def test_latin1(self):
        self.assertEqual(bytes(range(256)).decode('latin-1'), ''.join(map(chr, range(256))))
        with self.assertRaises(UnicodeEncodeError) as cm:
            '\u0100'.encode('latin-1')
        self.assertEqual(str(cm.exception), "'latin-1' codec can't encode character '\\u0100' "
                                            "in position 0: ordinal not in range(256)")

    def test_ascii(self):
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'a\x80'.decode('ascii')
        self.assertEqual(str(cm.exception), "'ascii' codec can't decode byte 0x80 in position 1: "
                                            "ordinal not in range(128)")
        self.assertEqual(b'a\x80'.decode('ascii', 'replace'), 'a\ufffd')


if __name__ == "__main__":
    unittest.main()
