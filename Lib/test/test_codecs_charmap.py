"""Tests for the charmap codecs in Lib/encodings (cp437, cp1251, koi8_r, iso8859_*, ...)."""
import codecs
import json
import os
import subprocess
import unittest

REFERENCE_PYTHON = '/root/.pyenv/versions/3.13.0/bin/python3.13'

CHARMAP_CODECS = [
    'cp037', 'cp273', 'cp424', 'cp500', 'cp875', 'cp1026', 'cp1140', 'cp437', 'cp737', 'cp775',
    'cp850', 'cp852', 'cp855', 'cp856', 'cp857', 'cp858', 'cp860', 'cp861', 'cp862', 'cp863',
    'cp864', 'cp865', 'cp866', 'cp869', 'cp874', 'cp1125', 'cp1250', 'cp1251', 'cp1252',
    'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257', 'cp1258', 'mac_roman', 'mac_cyrillic',
    'mac_latin2', 'mac_iceland', 'mac_romanian', 'mac_turkish', 'hp_roman8', 'koi8_r',
    'koi8_t', 'koi8_u', 'tis_620', 'kz1048', 'ptcp154', 'iso8859_2', 'iso8859_3', 'iso8859_4',
    'iso8859_5', 'iso8859_6', 'iso8859_7', 'iso8859_8', 'iso8859_9', 'iso8859_10',
    'iso8859_11', 'iso8859_13', 'iso8859_14', 'iso8859_15', 'iso8859_16',
]
# Code pages whose bytes 0x00-0x7F are not ASCII (EBCDIC; cp864 has an Arabic percent sign).
NON_ASCII_CODECS = ('cp037', 'cp273', 'cp424', 'cp500', 'cp875', 'cp1026', 'cp1140', 'cp864')

# Characters no charmap codec here maps (plus a few that some do).
PROBE_CHARS = '\u0100\u0410\u05d0\u0e01\u20ac\u2122\u2500\u3042\ufffd\U0001f600'

# Run by the reference interpreter: for every codec, the decoding of each byte (None if
# undecodable) and the encoding of each probe character (None if unencodable).
_DUMP_CHARMAPS = """
import json, sys
def attempt(f):
    try:
        return f()
    except UnicodeError:
        return None
result = {}
for name in sys.argv[1:-1]:
    decoded = [attempt(lambda: bytes([b]).decode(name)) for b in range(256)]
    probes = sorted(set(c for c in decoded if c) | set(sys.argv[-1]))
    encoded = {c: attempt(lambda: list(c.encode(name))) for c in probes}
    result[name] = [decoded, encoded]
print(json.dumps(result))
"""


def decode_byte(name, b):
    try:
        return bytes([b]).decode(name)
    except UnicodeDecodeError:
        return None


def encode_char(name, c):
    try:
        return list(c.encode(name))
    except UnicodeEncodeError:
        return None


class FactsTests(unittest.TestCase):
    """Mappings from the published code page tables; no reference needed."""

    def test_decode(self):
        facts = [
            ('cp1251', b'\xc0\xff\xa8\x88', '\u0410\u044f\u0401\u20ac'),
            ('koi8_r', b'\xc1\xe1\xa3\xb3', '\u0430\u0410\u0451\u0401'),
            ('koi8_u', b'\xa4\xb4\xad', '\u0454\u0404\u0491'),
            ('cp437', b'\x80\xb0\xdb\xe1', '\xc7\u2591\u2588\xdf'),
            ('cp850', b'\x80\xd5\xff', '\xc7\u0131\xa0'),
            ('cp1250', b'\x8a\xb9\xe8', '\u0160\u0105\u010d'),
            ('cp1253', b'\xc1\xe1', '\u0391\u03b1'),
            ('cp1254', b'\xd0\xfd', '\u011e\u0131'),
            ('cp1255', b'\xe0\xfa', '\u05d0\u05ea'),
            ('cp1256', b'\xc7\x81', '\u0627\u067e'),
            ('cp1257', b'\xc0\xe0', '\u0104\u0105'),
            ('cp1258', b'\xc3\xdd\xde', '\u0102\u01af\u0303'),
            ('mac_roman', b'\x80\xa5\xc6\xdb\xf0', '\xc4\u2022\u2206\u20ac\uf8ff'),
            ('iso8859_2', b'\xa1\xb1\xe8', '\u0104\u0105\u010d'),
            ('iso8859_5', b'\xb0\xd0\xf0', '\u0410\u0430\u2116'),
            ('iso8859_7', b'\xc1\xe1\xa4', '\u0391\u03b1\u20ac'),
            ('iso8859_8', b'\xe0\xfa', '\u05d0\u05ea'),
            ('iso8859_11', b'\xa1\xfb', '\u0e01\u0e5b'),
            ('iso8859_15', b'\xa4\xbc', '\u20ac\u0152'),
            ('iso8859_16', b'\xa1\xaa', '\u0104\u0218'),
            ('cp037', b'\xc1\x5a\xf0', 'A!0'),
            ('cp273', b'\xbc\x4a', '\u203e\xc4'),
            ('cp866', b'\x80\xe0\xf0', '\u0410\u0440\u0401'),
            ('cp852', b'\xa5\xd8', '\u0105\u011b'),
            ('cp737', b'\x80\x9f', '\u0391\u03b8'),
            ('cp874', b'\xa1\xd2', '\u0e01\u0e32'),
            ('cp1125', b'\x80\xf2', '\u0410\u0490'),
            ('mac_cyrillic', b'\xa2\xff\x80', '\u0490\u20ac\u0410'),
            ('hp_roman8', b'\xa1\xfe', '\xc0\xb1'),
            ('koi8_t', b'\x80\x81', '\u049b\u0493'),
            ('kz1048', b'\x80\xaa', '\u0402\u0492'),
            ('ptcp154', b'\xa1\xa7', '\u040e\xa7'),
            ('cp1140', b'\x9f\xc1', '\u20acA'),
            ('tis_620', b'\x85\xa1', '\x85\u0e01'),
            ('mac_turkish', b'\xda\xdf', '\u011e\u015f'),
            ('mac_romanian', b'\xaf\xde', '\u0218\u021a'),
            ('mac_iceland', b'\xa0\xdb', '\xdd\u20ac'),
        ]
        for name, data, text in facts:
            with self.subTest(codec=name):
                self.assertEqual(data.decode(name), text)
                self.assertEqual(text.encode(name), data)

    def test_undefined_bytes(self):
        for name, byte in [('cp1251', 0x98), ('cp1253', 0xaa), ('iso8859_3', 0xa5),
                           ('iso8859_6', 0xa1), ('iso8859_7', 0xae), ('iso8859_11', 0xdb)]:
            with self.subTest(codec=name):
                with self.assertRaises(UnicodeDecodeError) as cm:
                    bytes([byte]).decode(name)
                self.assertEqual(cm.exception.start, 0)
                self.assertEqual(cm.exception.end, 1)
                self.assertEqual(bytes([byte]).decode(name, 'replace'), '\ufffd')
                self.assertEqual(bytes([byte, 0x41]).decode(name, 'ignore'), 'A')

    def test_unencodable(self):
        self.assertEqual('x'.encode('cp1251'), b'x')
        with self.assertRaises(UnicodeEncodeError) as cm:
            'a\u0100b'.encode('cp1251')
        self.assertEqual(cm.exception.start, 1)
        self.assertEqual(cm.exception.end, 2)
        self.assertEqual('a\u0100b'.encode('koi8_r', 'replace'), b'a?b')
        self.assertEqual('\u20ac\u0100'.encode('cp1252', 'xmlcharrefreplace'),
                         b'\x80&#256;')

    def test_ascii_half(self):
        data = bytes(range(128))
        for name in CHARMAP_CODECS:
            if name in NON_ASCII_CODECS:
                continue
            with self.subTest(codec=name):
                self.assertEqual(data.decode(name), data.decode('ascii'))

    def test_round_trip(self):
        for name in CHARMAP_CODECS:
            with self.subTest(codec=name):
                chars = [decode_byte(name, b) for b in range(256)]
                # cp875 decodes several bytes to SUB; those cannot all encode back.
                data = bytes(b for b in range(256)
                             if chars[b] is not None and chars.count(chars[b]) == 1)
                self.assertEqual(data.decode(name).encode(name), data)
                self.assertGreaterEqual(len(data), 200)

    def test_names_and_aliases(self):
        expected = {
            'latin2': 'iso8859-2', 'l2': 'iso8859-2', 'iso-8859-2': 'iso8859-2',
            'cyrillic': 'iso8859-5', 'greek': 'iso8859-7', 'hebrew': 'iso8859-8',
            'arabic': 'iso8859-6', 'thai': 'iso8859-11', 'latin9': 'iso8859-15',
            'latin10': 'iso8859-16', 'windows-1251': 'cp1251', 'windows-1250': 'cp1250',
            '1258': 'cp1258', 'ibm437': 'cp437', '850': 'cp850', 'macintosh': 'mac-roman',
            'ebcdic-cp-us': 'cp037', 'IBM500': 'cp500', '866': 'cp866', 'ruscii': 'cp1125',
            'cp-gr': 'cp869', 'maccyrillic': 'mac-cyrillic', 'mac_centeuro': 'mac-latin2',
            'roman8': 'hp-roman8', 'pt154': 'ptcp154', 'rk1048': 'kz1048',
            'tis620': 'tis-620', 'ebcdic-cp-he': 'cp424', 'ibm1140': 'cp1140',
            'macturkish': 'mac-turkish', 'mac_romanian': 'mac-romanian',
            'mac-roman': 'mac-roman', 'koi8-r': 'koi8-r', 'cskoi8r': 'koi8-r',
            'KOI8-U': 'koi8-u', 'ISO_8859-16:2001': 'iso8859-16', 'windows_1252': 'cp1252',
        }
        for alias, name in expected.items():
            with self.subTest(alias=alias):
                self.assertEqual(codecs.lookup(alias).name, name)

    def test_incremental_and_stream_parts(self):
        decoder = codecs.getincrementaldecoder('cp1251')()
        self.assertEqual(decoder.decode(b'\xcf\xf0'), '\u041f\u0440')
        self.assertEqual(decoder.decode(b'\xe8', True), '\u0438')
        encoder = codecs.getincrementalencoder('koi8_r')()
        self.assertEqual(encoder.encode('\u041f'), b'\xf0')
        info = codecs.lookup('iso8859_2')
        self.assertTrue(issubclass(info.streamreader, codecs.StreamReader))
        self.assertTrue(issubclass(info.streamwriter, codecs.StreamWriter))


@unittest.skipUnless(os.path.exists(REFERENCE_PYTHON),
                     'the reference interpreter (CPython 3.13) is not installed')
class ReferenceComparisonTests(unittest.TestCase):
    """Every byte of every charmap codec against CPython 3.13."""

    def test_against_reference(self):
        proc = subprocess.run([REFERENCE_PYTHON, '-c', _DUMP_CHARMAPS] + CHARMAP_CODECS
                              + [PROBE_CHARS], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        reference = json.loads(proc.stdout)
        for name in CHARMAP_CODECS:
            decoded, encoded = reference[name]
            with self.subTest(codec=name):
                self.assertEqual([decode_byte(name, b) for b in range(256)], decoded)
                self.assertEqual({c: encode_char(name, c) for c in encoded}, encoded)


if __name__ == "__main__":
    unittest.main()
