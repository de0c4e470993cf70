"""Tests for str with non-ASCII text: the PEP 393 representations, the Unicode character
database (case mapping, classification, numeric values) and repr of non-printables."""

import unittest


class RepresentationTests(unittest.TestCase):
    def test_widths(self):
        for s in ['abc', '\xe9t\xe9', '\u20ac100', '\U0001f600xy']:
            with self.subTest(s=s):
                self.assertEqual(len(s), 3 if s != '\u20ac100' else 4)
                self.assertEqual(''.join(list(s)), s)
                self.assertEqual(s[::-1][::-1], s)

    def test_indexing_wide(self):
        s = 'a\U0001f600b\u20ac'
        self.assertEqual(len(s), 4)
        self.assertEqual(s[1], '\U0001f600')
        self.assertEqual(s[-1], '\u20ac')
        self.assertEqual(ord(s[1]), 0x1f600)
        self.assertEqual(s[1:3], '\U0001f600b')

    def test_narrowing(self):
        wide = '\u20acabc'
        self.assertEqual(wide[1:], 'abc')
        self.assertEqual(hash(wide[1:]), hash('abc'))
        self.assertTrue(wide[1:].isascii())
        self.assertEqual(('\U0001f600' + 'x')[1:], 'x')

    def test_equality_across_kinds(self):
        self.assertNotEqual('\xe9', '\u0100')
        self.assertEqual('\xe9' + '\u0100', '\xe9\u0100')
        self.assertTrue('\xe9' < '\u0100' < '\U00010000')

    def test_chr_ord(self):
        self.assertEqual(chr(0x10ffff), '\U0010ffff')
        self.assertEqual(ord('\U0010ffff'), 0x10ffff)
        self.assertRaises(ValueError, chr, 0x110000)
        self.assertEqual(chr(0xe9), '\xe9')


class CaseTests(unittest.TestCase):
    def test_special_casing(self):
        self.assertEqual('\xdf'.upper(), 'SS')
        self.assertEqual('stra\xdfe'.upper(), 'STRASSE')
        self.assertEqual('\xdf'.casefold(), 'ss')
        self.assertEqual('\xdf'.lower(), '\xdf')
        self.assertEqual('\xdf'.title(), 'Ss')
        self.assertEqual('\ufb01'.upper(), 'FI')
        self.assertEqual('\u0130'.lower(), 'i\u0307')

    def test_final_sigma(self):
        self.assertEqual('\u039f\u03a3'.lower(), '\u03bf\u03c2')
        self.assertEqual('\u03a3\u039f'.lower(), '\u03c3\u03bf')
        self.assertEqual('\u03a3'.lower(), '\u03c3')

    def test_simple(self):
        self.assertEqual('\xe9'.upper(), '\xc9')
        self.assertEqual('\u0100'.lower(), '\u0101')
        self.assertEqual('\u01c5'.lower(), '\u01c6')
        self.assertTrue('\u01c5'.istitle())
        self.assertEqual('\u0434\u0430'.upper(), '\u0414\u0410')
        self.assertEqual('\u13a0'.casefold(), '\u13a0')

    def test_predicates(self):
        self.assertTrue('\xe9'.islower())
        self.assertTrue('\xc9'.isupper())
        self.assertTrue('\u0434'.isalpha())
        self.assertTrue('\u4e00'.isalpha())
        self.assertFalse('\u20ac'.isalpha())


class ClassificationTests(unittest.TestCase):
    def test_digits(self):
        self.assertTrue('\u0663'.isdecimal())
        self.assertTrue('\u0663'.isdigit())
        self.assertTrue('\xb2'.isdigit())
        self.assertFalse('\xb2'.isdecimal())
        self.assertTrue('\xbd'.isnumeric())
        self.assertFalse('\xbd'.isdigit())
        self.assertTrue('\u4e00'.isnumeric())

    def test_space(self):
        for ch in '\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u3000':
            with self.subTest(ch=hex(ord(ch))):
                self.assertTrue(ch.isspace())
        self.assertFalse('\u200b'.isspace())
        self.assertEqual('\u3000a\xa0b\u2003'.split(), ['a', 'b'])
        self.assertEqual('\u2003abc\xa0'.strip(), 'abc')

    def test_splitlines_unicode(self):
        self.assertEqual('a\u2028b\u2029c'.splitlines(), ['a', 'b', 'c'])

    def test_printable(self):
        self.assertTrue('\xe9'.isprintable())
        self.assertFalse('\xa0'.isprintable())
        self.assertFalse('\u200b'.isprintable())
        self.assertFalse('\ud800'.isprintable())

    def test_identifier(self):
        self.assertTrue('\xe9t\xe9'.isidentifier())
        self.assertTrue('\u0434\u0430'.isidentifier())
        self.assertFalse('\u20ac'.isidentifier())


class NormalizationTests(unittest.TestCase):
    def test_identifiers_are_nfkc(self):
        namespace = {}
        exec('\ufb01x = 5\n\u210c = 3\n', namespace)
        self.assertEqual(namespace['fix'], 5)
        self.assertEqual(namespace['H'], 3)


class ReprTests(unittest.TestCase):
    def test_non_printable(self):
        self.assertEqual(repr('\x80'), "'\\x80'")
        self.assertEqual(repr('\xa0'), "'\\xa0'")
        self.assertEqual(repr('\u2028'), "'\\u2028'")
        self.assertEqual(repr('\U000e0001'), "'\\U000e0001'")
        self.assertEqual(repr('\ud800'), "'\\ud800'")

    def test_printable_kept(self):
        self.assertEqual(repr('\xe9'), "'\xe9'")
        self.assertEqual(repr('\u20ac'), "'\u20ac'")
        self.assertEqual(repr('\U0001f600'), "'\U0001f600'")

    def test_ascii(self):
        self.assertEqual(ascii('\xe9\u20ac\U0001f600'), "'\\xe9\\u20ac\\U0001f600'")


class CodecTests(unittest.TestCase):
    def test_utf8_roundtrip(self):
        for s in ['', 'abc', '\xe9', '\u20ac', '\U0001f600', 'a\xe9\u20ac\U0001f600z']:
            with self.subTest(s=s):
                self.assertEqual(s.encode('utf-8').decode('utf-8'), s)
        self.assertEqual('\u20ac'.encode(), b'\xe2\x82\xac')
        self.assertEqual('\U0001f600'.encode(), b'\xf0\x9f\x98\x80')

    def test_utf8_errors(self):
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'a\xffb'.decode('utf-8')
        e = cm.exception
        self.assertEqual((e.start, e.end, e.reason), (1, 2, 'invalid start byte'))
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\xe2\x82'.decode('utf-8')
        self.assertEqual(cm.exception.reason, 'unexpected end of data')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'\xe2\x82x'.decode('utf-8')
        self.assertEqual(cm.exception.reason, 'invalid continuation byte')
        self.assertEqual((cm.exception.start, cm.exception.end), (0, 2))
        with self.assertRaises(UnicodeEncodeError) as cm:
            '\ud800'.encode('utf-8')
        self.assertEqual(cm.exception.reason, 'surrogates not allowed')

    def test_utf8_handlers(self):
        self.assertEqual(b'a\xffb'.decode('utf-8', 'replace'), 'a\ufffdb')
        self.assertEqual(b'a\xffb'.decode('utf-8', 'ignore'), 'ab')
        self.assertEqual(b'a\xffb'.decode('utf-8', 'backslashreplace'), 'a\\xffb')
        self.assertEqual(b'a\xffb'.decode('utf-8', 'surrogateescape'), 'a\udcffb')
        self.assertEqual('a\udcffb'.encode('utf-8', 'surrogateescape'), b'a\xffb')
        self.assertEqual('\ud800'.encode('utf-8', 'surrogatepass'), b'\xed\xa0\x80')
        self.assertEqual(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass'), '\ud800')
        self.assertEqual('\ud800'.encode('utf-8', 'replace'), b'?')
        self.assertEqual('\u20ac'.encode('ascii', 'backslashreplace'), b'\\u20ac')
        self.assertEqual('\u20ac'.encode('latin-1', 'xmlcharrefreplace'), b'&#8364;')

    def test_str_from_error_message(self):
        try:
            b'\xff'.decode('utf-8')
        except UnicodeDecodeError as e:
            self.assertEqual(str(e), "'utf-8' codec can't decode byte 0xff in position 0: "
                                     "invalid start byte")


if __name__ == "__main__":
    unittest.main()
