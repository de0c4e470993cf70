"""Tests for the unicodedata module.

Expectations are CPython 3.13's and use only characters present in Unicode 15.0 (Braid's
tables) as well as 15.1 (CPython 3.13's)."""
import unicodedata
import unittest


def _works(func, arg):
    try:
        func(arg)
    except NotImplementedError:
        return False
    return True


def _missing_table(available):
    """expectedFailure where Braid lacks the table (the test runs normally on CPython)."""
    if available:
        return lambda f: f
    return unittest.expectedFailure


_HAS_COMPAT_TAGS = _works(unicodedata.decomposition, '\u00bd')
_HAS_CATEGORY = _works(unicodedata.category, 'a')
_HAS_BIDI = _works(unicodedata.bidirectional, 'a')
_HAS_EAW = _works(unicodedata.east_asian_width, 'a')
_HAS_MIRRORED = _works(unicodedata.mirrored, 'a')


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

    # Braid's tables do not record compatibility decomposition tags yet.
    @_missing_table(_HAS_COMPAT_TAGS)
    def test_compat_decomposition(self):
        self.assertEqual(unicodedata.decomposition('\u00bd'), '<fraction> 0031 2044 0032')

    # Braid has no general category table yet.
    @_missing_table(_HAS_CATEGORY)
    def test_category(self):
        self.assertEqual(unicodedata.category('a'), 'Ll')

    # Braid has no bidirectional class table yet.
    @_missing_table(_HAS_BIDI)
    def test_bidirectional(self):
        self.assertEqual(unicodedata.bidirectional('a'), 'L')

    # Braid has no East Asian width table yet.
    @_missing_table(_HAS_EAW)
    def test_east_asian_width(self):
        self.assertEqual(unicodedata.east_asian_width('\u4e00'), 'W')

    # Braid has no mirrored table yet.
    @_missing_table(_HAS_MIRRORED)
    def test_mirrored(self):
        self.assertEqual(unicodedata.mirrored('('), 1)

    def test_missing_tables_raise_cleanly(self):
        # Until Braid has these tables the functions raise NotImplementedError; both
        # implementations reject a bad argument with TypeError.
        for f in (unicodedata.category, unicodedata.bidirectional,
                  unicodedata.east_asian_width, unicodedata.mirrored):
            with self.assertRaises(TypeError):
                f('ab')

    def test_versions(self):
        self.assertIsInstance(unicodedata.unidata_version, str)
        self.assertTrue(unicodedata.unidata_version.startswith('15.'))
        self.assertEqual(unicodedata.ucd_3_2_0.unidata_version, '3.2.0')


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
