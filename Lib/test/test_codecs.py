"""Tests for the codecs module, the codec registry and the built-in codecs."""

import codecs
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
