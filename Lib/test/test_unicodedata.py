"""Tests for the unicodedata module.

Expectations are CPython 3.13's and use only characters present in Unicode 15.0 (Braid's
tables) as well as 15.1 (CPython 3.13's)."""
import os
import subprocess
import unicodedata
import unittest


REFERENCE_PYTHON = '/root/.pyenv/versions/3.13.0/bin/python3.13'

# Run by the reference interpreter: print the properties of every code point as runs
# "first code point<TAB>properties" (a new line only where the properties change), and the
# reference's Unicode version on the first line.
_DUMP_PROPERTIES = """
import sys, unicodedata as u
props = (u.category, u.bidirectional, u.east_asian_width, u.mirrored, u.combining,
         u.decomposition)
out = [u.unidata_version]
prev = None
for cp in range(0x110000):
    c = chr(cp)
    row = '\\t'.join([str(f(c)) for f in props])
    if row != prev:
        out.append('%X\\t%s' % (cp, row))
        prev = row
sys.stdout.write('\\n'.join(out) + '\\n')
"""


class NameTests(unittest.TestCase):

    def test_name(self):
        self.assertEqual(unicodedata.name('a'), 'LATIN SMALL LETTER A')
        self.assertEqual(unicodedata.name('\u00e9'), 'LATIN SMALL LETTER E WITH ACUTE')
        self.assertEqual(unicodedata.name('\uac00'), 'HANGUL SYLLABLE GA')
        self.assertEqual(unicodedata.name('\u4e00'), 'CJK UNIFIED IDEOGRAPH-4E00')
        self.assertEqual(unicodedata.name('\U0001F600'), 'GRINNING FACE')

    def test_name_default(self):
        with self.assertRaises(ValueError) as cm:
            unicodedata.name('\x00')
        self.assertEqual(str(cm.exception), 'no such name')
        self.assertEqual(unicodedata.name('\x00', 'dflt'), 'dflt')
        self.assertIsNone(unicodedata.name('\x00', None))

    def test_name_bad_argument(self):
        with self.assertRaises(TypeError):
            unicodedata.name('ab')
        with self.assertRaises(TypeError):
            unicodedata.name(1)
        with self.assertRaises(TypeError):
            unicodedata.name()

    def test_lookup(self):
        self.assertEqual(unicodedata.lookup('LATIN SMALL LETTER A'), 'a')
        self.assertEqual(unicodedata.lookup('latin small letter a'), 'a')
        self.assertEqual(unicodedata.lookup(b'LATIN SMALL LETTER A'), 'a')
        self.assertEqual(unicodedata.lookup('HANGUL SYLLABLE GA'), '\uac00')
        self.assertEqual(unicodedata.lookup('CJK UNIFIED IDEOGRAPH-4E00'), '\u4e00')
        self.assertEqual(unicodedata.lookup('LINE FEED'), '\n')
        self.assertEqual(unicodedata.lookup('GRINNING FACE'), '\U0001F600')
        with self.assertRaises(KeyError):
            unicodedata.lookup('NO SUCH CHARACTER NAME')
        with self.assertRaises(TypeError):
            unicodedata.lookup(1)

    def test_lookup_named_sequences(self):
        self.assertEqual(unicodedata.lookup('KEYCAP NUMBER SIGN'), '#\ufe0f\u20e3')
        self.assertEqual(unicodedata.lookup('keycap number sign'), '#\ufe0f\u20e3')
        self.assertEqual(unicodedata.lookup('LATIN CAPITAL LETTER A WITH MACRON AND GRAVE'),
                         '\u0100\u0300')
        self.assertEqual(unicodedata.lookup(b'TAMIL SYLLABLE KSSA'), '\u0b95\u0bcd\u0bb7')
        with self.assertRaises(KeyError):
            unicodedata.lookup('KEYCAP NUMBER SIG')
        # Unicode 3.2 had neither name aliases nor named sequences.
        old = unicodedata.ucd_3_2_0
        self.assertEqual(old.lookup('latin small letter a'), 'a')
        for name in ('KEYCAP NUMBER SIGN', 'LINE FEED', 'BYTE ORDER MARK'):
            with self.assertRaises(KeyError) as cm:
                old.lookup(name)
            self.assertEqual(cm.exception.args[0], "undefined character name '%s'" % name)

    def test_round_trip(self):
        for cp in list(range(0x20, 0x7f)) + [0xe9, 0x3b1, 0x416, 0x20ac, 0xac01, 0x1f600]:
            ch = chr(cp)
            self.assertEqual(unicodedata.lookup(unicodedata.name(ch)), ch)


class NumericTests(unittest.TestCase):

    def test_decimal(self):
        self.assertEqual(unicodedata.decimal('7'), 7)
        self.assertEqual(unicodedata.decimal('\u0663'), 3)
        with self.assertRaises(ValueError) as cm:
            unicodedata.decimal('\u00b2')
        self.assertEqual(str(cm.exception), 'not a decimal')
        self.assertEqual(unicodedata.decimal('a', -1), -1)

    def test_digit(self):
        self.assertEqual(unicodedata.digit('\u00b2'), 2)
        self.assertEqual(unicodedata.digit('9'), 9)
        with self.assertRaises(ValueError) as cm:
            unicodedata.digit('x')
        self.assertEqual(str(cm.exception), 'not a digit')
        self.assertIsNone(unicodedata.digit('x', None))

    def test_numeric(self):
        self.assertEqual(unicodedata.numeric('\u2155'), 0.2)
        self.assertEqual(unicodedata.numeric('\u00bd'), 0.5)
        self.assertEqual(unicodedata.numeric('5'), 5.0)
        self.assertEqual(unicodedata.numeric('\u4e07'), 10000.0)
        with self.assertRaises(ValueError) as cm:
            unicodedata.numeric('x')
        self.assertEqual(str(cm.exception), 'not a numeric character')
        self.assertEqual(unicodedata.numeric('x', 1.5), 1.5)


class PropertyTests(unittest.TestCase):

    def test_combining(self):
        self.assertEqual(unicodedata.combining('a'), 0)
        self.assertEqual(unicodedata.combining('\u0301'), 230)
        self.assertEqual(unicodedata.combining('\u0327'), 202)
        self.assertEqual(unicodedata.combining('\u0323'), 220)

    def test_canonical_decomposition(self):
        self.assertEqual(unicodedata.decomposition('a'), '')
        self.assertEqual(unicodedata.decomposition('\u00c5'), '0041 030A')
        self.assertEqual(unicodedata.decomposition('\u1e69'), '1E63 0307')
        self.assertEqual(unicodedata.decomposition('\uac00'), '')

    def test_compat_decomposition(self):
        d = unicodedata.decomposition
        self.assertEqual(d('\u00bd'), '<fraction> 0031 2044 0032')
        self.assertEqual(d('\u00a0'), '<noBreak> 0020')
        self.assertEqual(d('\u00b2'), '<super> 0032')
        self.assertEqual(d('\u2460'), '<circle> 0031')
        self.assertEqual(d('\ufb01'), '<compat> 0066 0069')
        self.assertEqual(d('\uff21'), '<wide> 0041')
        self.assertEqual(d('\uff71'), '<narrow> 30A2')
        self.assertEqual(d('\u2102'), '<font> 0043')
        self.assertEqual(d('\u3300'), '<square> 30A2 30D1 30FC 30C8')
        self.assertEqual(d('\ufe8e'), '<final> 0627')
        self.assertEqual(d('\U0001D400'), '<font> 0041')
        # The longest mapping in the database: 18 code points.
        self.assertEqual(len(d('\ufdfa').split()), 19)
        self.assertEqual(d('\ufdfa').split()[0], '<isolated>')

    def test_category(self):
        c = unicodedata.category
        expected = {'a': 'Ll', 'A': 'Lu', '\u01c5': 'Lt', '\u02b0': 'Lm', '\u4e00': 'Lo',
                    '\u0301': 'Mn', '\u0903': 'Mc', '\u20dd': 'Me', '7': 'Nd', '\u2160': 'Nl',
                    '\u00bd': 'No', '_': 'Pc', '-': 'Pd', '(': 'Ps', ')': 'Pe',
                    '\u00ab': 'Pi', '\u00bb': 'Pf', '!': 'Po', '+': 'Sm', '$': 'Sc', '^': 'Sk',
                    '\u00a9': 'So', ' ': 'Zs', '\u2028': 'Zl', '\u2029': 'Zp', '\x00': 'Cc',
                    '\u200b': 'Cf', '\ud800': 'Cs', '\ue000': 'Co', '\u0378': 'Cn',
                    '\U0010ffff': 'Cn', '\U0001F600': 'So', '\U00020000': 'Lo',
                    '\uac00': 'Lo', '\U000F0000': 'Co'}
        for ch, cat in expected.items():
            with self.subTest(ch=hex(ord(ch))):
                self.assertEqual(c(ch), cat)

    def test_bidirectional(self):
        b = unicodedata.bidirectional
        expected = {'a': 'L', '\u05d0': 'R', '\u0627': 'AL', '1': 'EN', '+': 'ES', '$': 'ET',
                    '\u0660': 'AN', ',': 'CS', '\u0301': 'NSM', '\x00': 'BN', '\n': 'B',
                    '\t': 'S', ' ': 'WS', '!': 'ON', '\u202a': 'LRE', '\u202d': 'LRO',
                    '\u202b': 'RLE', '\u202e': 'RLO', '\u202c': 'PDF', '\u2066': 'LRI',
                    '\u2067': 'RLI', '\u2068': 'FSI', '\u2069': 'PDI',
                    '\u0378': '', '\U0010ffff': '', '\ue000': 'L'}
        for ch, cls in expected.items():
            with self.subTest(ch=hex(ord(ch))):
                self.assertEqual(b(ch), cls)

    def test_east_asian_width(self):
        w = unicodedata.east_asian_width
        expected = {'\u4e00': 'W', 'a': 'Na', '\uff21': 'F', '\uff71': 'H', '\u00a1': 'A',
                    '\u00e9': 'A', '\u0100': 'N', '\x00': 'N', '\U0001F600': 'W',
                    '\ue000': 'A', '\u0378': 'N', '\U0010ffff': 'N',
                    # Unassigned code points in the CJK planes default to W.
                    '\U0002FFFD': 'W', '\U0003FFFD': 'W'}
        for ch, width in expected.items():
            with self.subTest(ch=hex(ord(ch))):
                self.assertEqual(w(ch), width)

    def test_mirrored(self):
        m = unicodedata.mirrored
        for ch in '()<>[]{}\u00ab\u2208\u221a':
            self.assertEqual(m(ch), 1, hex(ord(ch)))
        for ch in 'a1+-\u0378\U0010ffff\u05d0':
            self.assertEqual(m(ch), 0, hex(ord(ch)))
        self.assertIs(type(m('(')), int)

    def test_bad_arguments(self):
        for f in (unicodedata.category, unicodedata.bidirectional,
                  unicodedata.east_asian_width, unicodedata.mirrored,
                  unicodedata.combining, unicodedata.decomposition):
            with self.assertRaises(TypeError):
                f('ab')
            with self.assertRaises(TypeError):
                f('')
            with self.assertRaises(TypeError):
                f(65)

    def test_ucd_3_2_0(self):
        old = unicodedata.ucd_3_2_0
        self.assertIs(type(old), unicodedata.UCD)
        self.assertEqual(old.unidata_version, '3.2.0')
        with self.assertRaises(TypeError):
            unicodedata.UCD()
        # U+0221 and U+0870 were assigned after Unicode 3.2.
        for ch in ('\u0221', '\u0870', '\U0001F600'):
            with self.subTest(ch=hex(ord(ch))):
                self.assertEqual(old.category(ch), 'Cn')
                self.assertEqual(old.bidirectional(ch), '')
                self.assertEqual(old.east_asian_width(ch), 'N')
                self.assertEqual(old.mirrored(ch), 0)
                self.assertEqual(old.combining(ch), 0)
                self.assertEqual(old.decomposition(ch), '')
                self.assertEqual(old.name(ch, None), None)
                with self.assertRaises(ValueError):
                    old.name(ch)
                self.assertEqual(old.lookup(unicodedata.name(ch)), ch)
        self.assertEqual(unicodedata.category('\u0221'), 'Ll')
        self.assertEqual(old.category('a'), 'Ll')
        self.assertEqual(old.bidirectional('\u05d0'), 'R')
        self.assertEqual(old.east_asian_width('\u4e00'), 'W')
        self.assertEqual(old.east_asian_width('\U0002FFFD'), 'W')
        self.assertEqual(old.decomposition('\u00bd'), '<fraction> 0031 2044 0032')
        self.assertEqual(old.numeric('\u00bd'), 0.5)
        self.assertEqual(old.decimal('\u0663'), 3)
        self.assertEqual(old.name('\u20ac'), 'EURO SIGN')
        self.assertEqual(old.normalize('NFKC', '\u00bd'), '1\u20442')
        self.assertEqual(old.numeric('\u0221', 'x'), 'x')

    def test_versions(self):
        self.assertIsInstance(unicodedata.unidata_version, str)
        self.assertIn(unicodedata.unidata_version, ('15.0.0', '15.1.0'))
        self.assertEqual(unicodedata.ucd_3_2_0.unidata_version, '3.2.0')


@unittest.skipUnless(os.path.exists(REFERENCE_PYTHON),
                     'the reference interpreter (CPython 3.13) is not installed')
class ReferenceComparisonTests(unittest.TestCase):
    """Every code point against CPython 3.13's unicodedata.

    Code points assigned only in the reference's newer Unicode version (unassigned in ours)
    are skipped; everything else must agree."""

    def test_all_code_points(self):
        proc = subprocess.run([REFERENCE_PYTHON, '-c', _DUMP_PROPERTIES],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        ref_version = lines[0]
        runs = [line.split('\t', 1) for line in lines[1:]]
        props = (unicodedata.category, unicodedata.bidirectional,
                 unicodedata.east_asian_width, unicodedata.mirrored, unicodedata.combining,
                 unicodedata.decomposition)
        same_version = ref_version == unicodedata.unidata_version
        mismatches = []
        skipped = 0
        for i, (first, expected) in enumerate(runs):
            end = int(runs[i + 1][0], 16) if i + 1 < len(runs) else 0x110000
            for cp in range(int(first, 16), end):
                c = chr(cp)
                row = '\t'.join([str(f(c)) for f in props])
                if row == expected:
                    continue
                if (not same_version and row.startswith('Cn\t')
                        and not expected.startswith('Cn\t')):
                    skipped += 1
                    continue
                mismatches.append('U+%04X: %r != %r' % (cp, row, expected))
        self.assertEqual(mismatches[:20], [])
        # Unicode 15.1 assigned 627 code points that 15.0 did not.
        self.assertLess(skipped, 1000)


class NormalizationTests(unittest.TestCase):

    def test_forms(self):
        n = unicodedata.normalize
        self.assertEqual(n('NFC', 'e\u0301'), '\u00e9')
        self.assertEqual(n('NFD', '\u00e9'), 'e\u0301')
        self.assertEqual(n('NFKD', '\ufb01'), 'fi')
        self.assertEqual(n('NFKC', '\u2460'), '1')
        self.assertEqual(n('NFD', '\u1e69'), 's\u0323\u0307')
        self.assertEqual(n('NFC', 's\u0307\u0323'), '\u1e69')
        self.assertEqual(n('NFC', '\u212b'), '\u00c5')
        self.assertEqual(n('NFKD', '\u00bd'), '1\u20442')
        self.assertEqual(n('NFC', '\ufb01'), '\ufb01')

    def test_hangul(self):
        n = unicodedata.normalize
        self.assertEqual(n('NFD', '\uac01'), '\u1100\u1161\u11a8')
        self.assertEqual(n('NFC', '\u1100\u1161\u11a8'), '\uac01')

    def test_ascii_and_empty(self):
        for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
            self.assertEqual(unicodedata.normalize(form, 'abc'), 'abc')
            self.assertEqual(unicodedata.normalize(form, ''), '')

    def test_is_normalized(self):
        self.assertTrue(unicodedata.is_normalized('NFC', '\u00e9'))
        self.assertFalse(unicodedata.is_normalized('NFD', '\u00e9'))
        self.assertFalse(unicodedata.is_normalized('NFKC', '\ufb01'))
        self.assertTrue(unicodedata.is_normalized('NFC', 'abc'))

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            unicodedata.normalize('NFX', 'a')
        self.assertEqual(str(cm.exception), 'invalid normalization form')
        with self.assertRaises(ValueError):
            unicodedata.is_normalized('nfc', 'a')
        with self.assertRaises(TypeError):
            unicodedata.normalize('NFC', 1)
        with self.assertRaises(TypeError):
            unicodedata.normalize(1, 'a')


if __name__ == "__main__":
    unittest.main()
