"""Tests for the 'idna' and 'punycode' codecs (Lib/encodings/idna.py, punycode.py)."""
import codecs
import unittest

from encodings import idna


class PunycodeTests(unittest.TestCase):
    # RFC 3492 section 7.1 samples and CPython 3.13's results.
    CASES = [
        ('', b''), ('abc', b'abc-'), ('-', b'--'), ('a-b', b'a-b-'),
        ('\u00fc', b'tda'), ('b\u00fccher', b'bcher-kva'), ('ABC\u00fc', b'ABC-joa'),
        ('M\u00fcnchen-Ost', b'Mnchen-Ost-9db'), ('\u65e5\u672c\u8a9e', b'wgv71a119e'),
        ('\U0001F600', b'e28h'),
        # RFC 3492 7.1 (B): Chinese (simplified).
        ('\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587', b'ihqwcrb4cv8a8dqg056pqjye'),
        # RFC 3492 7.1 (L): 3<nen>B<gumi><kinpachi><sensei>.
        ('3\u5e74B\u7d44\u91d1\u516b\u5148\u751f', b'3B-ww4c5e180e575a65lsy2b'),
    ]

    def test_encode_decode(self):
        for text, data in self.CASES:
            with self.subTest(text=text):
                self.assertEqual(text.encode('punycode'), data)
                self.assertEqual(data.decode('punycode'), text)

    def test_decode_case_insensitive(self):
        self.assertEqual(b'BCHER-KVA'.decode('punycode'), 'B\u00fcCHER')
        self.assertEqual(b'ABC-kva'.decode('punycode'), 'A\u013aBC')
        self.assertEqual(b'kva'.decode('punycode'), '\u0369')

    def test_decode_errors(self):
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'abc-?'.decode('punycode')
        self.assertEqual((cm.exception.start, cm.exception.end), (4, 5))
        self.assertEqual(cm.exception.reason, "Invalid extended code point '63'")
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'abc-9999999999'.decode('punycode')
        self.assertEqual(cm.exception.reason, 'incomplete punycode string')
        self.assertEqual(b'abc-?'.decode('punycode', 'replace'), 'abc')
        self.assertEqual(b'abc-9999999999'.decode('punycode', 'ignore'), 'abc')
        with self.assertRaises(UnicodeDecodeError) as cm:
            b'Z990vKv'.decode('punycode')
        self.assertEqual(cm.exception.reason, 'Invalid character U+2cc9d5')
        self.assertEqual(b'Zv099kaK'.decode('punycode', 'replace'), 'C??')

    def test_lookup(self):
        self.assertEqual(codecs.lookup('punycode').name, 'punycode')


class IDNAEncodeTests(unittest.TestCase):
    def test_encode(self):
        cases = [
            ('', b''), ('abc', b'abc'), ('a.', b'a.'), ('b\u00fccher.de', b'xn--bcher-kva.de'),
            ('B\u00dcCHER.de', b'xn--bcher-kva.de'), ('xn--abc.de', b'xn--abc.de'),
            ('a\u3002b', b'a.b'), ('a\uff0eb\uff61c', b'a.b.c'), ('\u05d0\u05d1', b'xn--4dbc'),
            ('a\u00a0b', b'a b'), ('a\u00adb', b'ab'), ('\u00df.de', b'ss.de'),
            ('\u2102', b'c'), ('\ufb01', b'fi'), ('\u65e5\u672c\u8a9e.jp', b'xn--wgv71a119e.jp'),
            ('\u00fc.', b'xn--tda.'), ('\u00fc.Xn--a', b'xn--tda.Xn--a'), ('a' * 63, b'a' * 63),
        ]
        for text, data in cases:
            with self.subTest(text=text):
                self.assertEqual(text.encode('idna'), data)

    def test_encode_errors(self):
        cases = [
            ('a..b', 2, 3, 'label empty'), ('.', 0, 1, 'label empty'),
            ('\u00fc..b', 2, 3, 'label empty'), ('\u00ad', 0, 1, 'label empty'),
            ('a' * 64, 0, 64, 'label too long'), ('ab.' + 'c' * 64, 3, 67, 'label too long'),
            ('\u00fc' + 'a' * 62, 0, 63, 'label too long'),
            ('Xn--b\u00fccher', 0, 4, 'Label starts with ACE prefix'),
            ('\u05d0a', 1, 2, 'Violation of BIDI requirement 2'),
            ('x.\u05d0a', 3, 4, 'Violation of BIDI requirement 2'),
            ('1\u05d0', 0, 1, 'Violation of BIDI requirement 3'),
            ('\u05d01', 1, 2, 'Violation of BIDI requirement 3'),
            ('\u00fc.\ue000', 2, 3, "Invalid character '\\ue000'"),
        ]
        for text, start, end, reason in cases:
            with self.subTest(text=text):
                with self.assertRaises(UnicodeEncodeError) as cm:
                    text.encode('idna')
                exc = cm.exception
                self.assertEqual((exc.encoding, exc.object, exc.start, exc.end, exc.reason),
                                 ('idna', text, start, end, reason))

    def test_unsupported_errors(self):
        with self.assertRaises(UnicodeError) as cm:
            'a'.encode('idna', 'replace')
        self.assertEqual(str(cm.exception), 'Unsupported error handling: replace')
        with self.assertRaises(UnicodeError):
            b'a'.decode('idna', 'ignore')


class IDNADecodeTests(unittest.TestCase):
    def test_decode(self):
        cases = [
            (b'', ''), (b'abc', 'abc'), (b'a..b', 'a..b'), (b'Abc.DE', 'Abc.DE'),
            (b'xn--bcher-kva.de', 'b\u00fccher.de'), (b'XN--BCHER-KVA.DE', 'B\u00fcCHER.DE'),
            (b'xn--bcher-kva.', 'b\u00fccher.'), (b'a..xn--bcher-kva', 'a..b\u00fccher'),
            (b'xn--Bcher-kva', 'B\u00fccher'), (b'a' * 64, 'a' * 64),
            (bytearray(b'xn--bcher-kva'), 'b\u00fccher'), (memoryview(b'abc'), 'abc'),
        ]
        for data, text in cases:
            with self.subTest(data=data):
                self.assertEqual(codecs.decode(data, 'idna'), text)

    def test_decode_errors(self):
        cases = [
            (b'xn--abc', 0, 1, "Invalid character '\\x82'"),
            (b'a.xn--abc', 2, 3, "Invalid character '\\x82'"),
            (b'a.xn--', 2, 3, 'label empty'),
            (b'a.xn--a-ecp', 2, 11,
             "IDNA does not round-trip, 'b'xn--a-ecp'' != 'b'a1.''"),
            (b'b\xfccher', 1, 2, 'ordinal not in range(128)'),
            (b'xn--bcher-kva.b\xff', 15, 16, 'ordinal not in range(128)'),
            (b'xn--' + b'a' * 2000, 0, 2004, 'label way too long'),
        ]
        for data, start, end, reason in cases:
            with self.subTest(data=data[:20]):
                with self.assertRaises(UnicodeDecodeError) as cm:
                    data.decode('idna')
                exc = cm.exception
                self.assertEqual((exc.encoding, exc.object, exc.start, exc.end, exc.reason),
                                 ('idna', data, start, end, reason))


class IDNAFunctionTests(unittest.TestCase):
    def test_nameprep(self):
        self.assertEqual(idna.nameprep('B\u00dccher'), 'b\u00fccher')
        self.assertEqual(idna.nameprep('Stra\u00dfe'), 'strasse')
        self.assertEqual(idna.nameprep('\u03a3\u0391\u03a3'), '\u03c3\u03b1\u03c3')
        self.assertEqual(idna.nameprep('\u2126'), '\u03c9')
        self.assertEqual(idna.nameprep('\uff76'), '\u30ab')
        self.assertEqual(idna.nameprep('a\u200bb\ufe0f'), 'ab')
        with self.assertRaises(UnicodeEncodeError) as cm:
            idna.nameprep('a\u2028')
        self.assertEqual(cm.exception.reason, "Invalid character '\\u2028'")

    def test_to_ascii_to_unicode(self):
        self.assertEqual(idna.ToASCII('b\u00fccher'), b'xn--bcher-kva')
        self.assertEqual(idna.ToUnicode(b'xn--bcher-kva'), 'b\u00fccher')
        self.assertEqual(idna.ToUnicode('xn--bcher-kva'), 'b\u00fccher')
        self.assertEqual(idna.ToUnicode(b'a' * 70), 'a' * 70)
        with self.assertRaises(UnicodeEncodeError) as cm:
            idna.ToASCII('')
        self.assertEqual(cm.exception.reason, 'label empty')
        with self.assertRaises(UnicodeEncodeError) as cm:
            idna.ToUnicode('\u00fc')
        self.assertEqual(cm.exception.reason, 'Invalid character in IDN label')

    def test_incremental(self):
        encoder = codecs.getincrementalencoder('idna')()
        self.assertEqual(encoder.encode('b\u00fc'), b'')
        self.assertEqual(encoder.encode('cher.d'), b'xn--bcher-kva.')
        self.assertEqual(encoder.encode('e', True), b'de')
        decoder = codecs.getincrementaldecoder('idna')()
        self.assertEqual(decoder.decode(b'xn--bc'), '')
        self.assertEqual(decoder.decode(b'her-kva.d'), 'b\u00fccher.')
        self.assertEqual(decoder.decode(b'e', True), 'de')
        self.assertEqual(codecs.getincrementaldecoder('idna')().decode(b'a.b.'), 'a.b.')


if __name__ == "__main__":
    unittest.main()
