"""Tests of the locale module (expectations are CPython 3.13's).

Only the C and C.UTF-8 locales are assumed to exist; every test restores
the locale it changes (the locale is process-wide).
"""

import _locale
import locale
import unittest


class LocaleStateTestCase(unittest.TestCase):
    def setUp(self):
        self.saved = locale.setlocale(locale.LC_ALL)

    def tearDown(self):
        locale.setlocale(locale.LC_ALL, self.saved)


class SetlocaleTests(LocaleStateTestCase):
    def test_query_and_set(self):
        self.assertIsInstance(locale.setlocale(locale.LC_ALL), str)
        self.assertEqual(locale.setlocale(locale.LC_NUMERIC, 'C'), 'C')
        self.assertEqual(locale.setlocale(locale.LC_NUMERIC), 'C')
        self.assertIsInstance(locale.setlocale(locale.LC_ALL, ''), str)

    def test_set_from_tuple(self):
        self.assertEqual(locale.setlocale(locale.LC_NUMERIC, ('C', None)), 'C')
        self.assertEqual(locale.setlocale(locale.LC_CTYPE, ('C', 'UTF-8')), 'C.UTF-8')
        self.assertEqual(locale.getlocale(locale.LC_CTYPE), ('C', 'UTF-8'))

    def test_unsupported(self):
        with self.assertRaises(locale.Error) as cm:
            locale.setlocale(locale.LC_ALL, 'xx_YY.no-such-locale')
        self.assertEqual(str(cm.exception), 'unsupported locale setting')
        self.assertTrue(issubclass(locale.Error, Exception))

    def test_getlocale(self):
        locale.setlocale(locale.LC_NUMERIC, 'C')
        self.assertEqual(locale.getlocale(locale.LC_NUMERIC), (None, None))
        locale.setlocale(locale.LC_CTYPE, 'C.UTF-8')
        self.assertEqual(locale.getlocale(), ('C', 'UTF-8'))

    def test_getlocale_lc_all_mixed(self):
        locale.setlocale(locale.LC_ALL, 'C')
        locale.setlocale(locale.LC_CTYPE, 'C.UTF-8')
        self.assertRaises(TypeError, locale.getlocale, locale.LC_ALL)

    def test_encoding(self):
        locale.setlocale(locale.LC_CTYPE, 'C.UTF-8')
        self.assertEqual(locale.getencoding(), 'UTF-8')
        self.assertEqual(locale.nl_langinfo(locale.CODESET), 'UTF-8')
        self.assertIsInstance(locale.getpreferredencoding(), str)
        self.assertIsInstance(locale.getpreferredencoding(False), str)

    def test_constants(self):
        self.assertEqual(locale.CHAR_MAX, 127)
        for name in ('LC_CTYPE', 'LC_COLLATE', 'LC_TIME', 'LC_MONETARY', 'LC_NUMERIC',
                     'LC_ALL', 'LC_MESSAGES'):
            self.assertIsInstance(getattr(locale, name), int)


class LocaleconvTests(LocaleStateTestCase):
    def test_c_locale(self):
        locale.setlocale(locale.LC_ALL, 'C')
        conv = locale.localeconv()
        self.assertEqual(conv['decimal_point'], '.')
        self.assertEqual(conv['thousands_sep'], '')
        self.assertEqual(conv['grouping'], [])
        self.assertEqual(conv['mon_grouping'], [])
        self.assertEqual(conv['frac_digits'], 127)
        self.assertEqual(conv['currency_symbol'], '')
        self.assertEqual(len(conv), 18)

    def test_nl_langinfo(self):
        locale.setlocale(locale.LC_ALL, 'C')
        self.assertEqual(locale.nl_langinfo(locale.RADIXCHAR), '.')
        self.assertEqual(locale.nl_langinfo(locale.DAY_1), 'Sunday')
        self.assertEqual(locale.nl_langinfo(locale.ABMON_1), 'Jan')
        self.assertEqual(locale.nl_langinfo(locale.D_FMT), '%m/%d/%y')
        self.assertRaises(ValueError, locale.nl_langinfo, 123456)


class FormattingTests(LocaleStateTestCase):
    def setUp(self):
        super().setUp()
        locale.setlocale(locale.LC_ALL, 'C')

    def test_format_string(self):
        self.assertEqual(locale.format_string('%d', 1234567, grouping=True), '1234567')
        self.assertEqual(locale.format_string('%.2f|%5d|%s|%%', (1234.5, 42, 'a')),
                         '1234.50|   42|a|%')
        self.assertEqual(locale.format_string('%(a)d-%(b).1f', {'a': 1, 'b': 2.25}), '1-2.2')
        self.assertEqual(locale.format_string('%*d', (5, 3)), '    3')
        self.assertEqual(locale.format_string('%e', 12345.0), '1.234500e+04')

    def test_str_atof_atoi(self):
        self.assertEqual(locale.str(1.5), '1.5')
        self.assertEqual(locale.str(1e20), '1e+20')
        self.assertEqual(locale.atof('1234.5'), 1234.5)
        self.assertEqual(locale.atoi('-42'), -42)
        self.assertEqual(locale.delocalize('1.5'), '1.5')
        self.assertEqual(locale.localize('1234.5'), '1234.5')
        self.assertRaises(ValueError, locale.atoi, 'x')

    def test_currency_needs_locale(self):
        self.assertRaises(ValueError, locale.currency, 1.5)

    def test_collation(self):
        self.assertLess(locale.strcoll('a', 'b'), 0)
        self.assertEqual(locale.strcoll('b', 'b'), 0)
        self.assertGreater(locale.strcoll('c', 'b'), 0)
        self.assertEqual(locale.strxfrm('abc'), 'abc')
        self.assertRaises(ValueError, locale.strcoll, 'a\0', 'b')
        self.assertRaises(TypeError, locale.strxfrm, b'abc')


class FakeConventionsTests(unittest.TestCase):
    """Grouping and currency with made-up conventions (locale.localeconv is
    replaced: the real locales available may not group digits)."""

    def setUp(self):
        self.saved_localeconv = locale.localeconv
        self.conv = dict(locale.localeconv())
        self.conv.update({
            'decimal_point': ',', 'thousands_sep': '.', 'grouping': [3, 3, 0],
            'mon_decimal_point': ',', 'mon_thousands_sep': ' ', 'mon_grouping': [3, 0],
            'currency_symbol': '$', 'int_curr_symbol': 'EUR ', 'frac_digits': 2,
            'int_frac_digits': 2, 'p_cs_precedes': 0, 'n_cs_precedes': 0,
            'p_sep_by_space': 1, 'n_sep_by_space': 1, 'p_sign_posn': 1, 'n_sign_posn': 1,
            'positive_sign': '', 'negative_sign': '-'})
        locale.localeconv = lambda: self.conv

    def tearDown(self):
        locale.localeconv = self.saved_localeconv

    def test_grouping(self):
        fs = locale.format_string
        self.assertEqual(fs('%d', 1234567, grouping=True), '1.234.567')
        self.assertEqual(fs('%d', 1234567), '1234567')
        self.assertEqual(fs('%10d', 1234567, grouping=True), ' 1.234.567')
        self.assertEqual(fs('%-12d', -1234567, grouping=True), '-1.234.567  ')
        self.assertEqual(fs('%15.2f', -1234567.891, grouping=True), '  -1.234.567,89')
        self.assertEqual(fs('%.2f', 1234567.891, grouping=True, monetary=True),
                         '1 234 567,89')
        self.assertEqual(fs('%e', 1234.5, grouping=True), '1,234500e+03')
        self.assertEqual(fs('%d items, %.1f%%', (1234, 56.78), grouping=True),
                         '1.234 items, 56,8%')
        self.assertEqual(fs('%+d', 12345, grouping=True), '+12.345')
        self.conv['grouping'] = [3, 2, 127]
        self.assertEqual(fs('%d', 123456789012, grouping=True), '1234567.89.012')

    def test_parse_and_str(self):
        self.assertEqual(locale.atof('1.234,5'), 1234.5)
        self.assertEqual(locale.atoi('1.234.567'), 1234567)
        self.assertEqual(locale.delocalize('-1.234,5'), '-1234.5')
        self.assertEqual(locale.localize('1234567.5', True), '1.234.567,5')
        self.assertEqual(locale.str(1234.5), '1234,5')

    def test_currency(self):
        cases = [
            ((0, 1, 1), 1234.5, (), '1234,50 $'),
            ((0, 1, 1), -1234.5, (True, True), '-1 234,50 $'),
            ((0, 0, 0), 1.5, (True, False, True), '(1,50EUR)'),
            ((0, 1, 2), -1.5, (), '1,50 $-'),
            ((1, 0, 3), -1.5, (), '$-1,50'),
            ((1, 1, 1), 1.5, (True, False, True), 'EUR  1,50'),
            ((1, 0, 4), -1.5, (), '$1,50-'),
            ((0, 1, 1), 1.5, (False,), '1,50'),
        ]
        for (precedes, separated, position), value, args, expected in cases:
            self.conv.update(p_cs_precedes=precedes, n_cs_precedes=precedes,
                             p_sep_by_space=separated, n_sep_by_space=separated,
                             p_sign_posn=position, n_sign_posn=position)
            with self.subTest(value=value, args=args, position=position):
                self.assertEqual(locale.currency(value, *args), expected)


@unittest.skipUnless(hasattr(_locale, 'gettext'), "needs the C library's gettext")
class GettextTests(unittest.TestCase):
    """The C library's message catalog functions (process-global domain)."""

    def setUp(self):
        self.locale_c = _locale
        self.saved_domain = _locale.textdomain(None)

    def tearDown(self):
        self.locale_c.textdomain(self.saved_domain)

    def test_untranslated(self):
        L = self.locale_c
        self.assertEqual(L.gettext('hello'), 'hello')
        self.assertEqual(L.dgettext(None, 'x'), 'x')
        self.assertEqual(L.dcgettext(None, 'y', locale.LC_MESSAGES), 'y')

    def test_domains(self):
        L = self.locale_c
        self.assertEqual(L.textdomain('braid-test-domain'), 'braid-test-domain')
        self.assertEqual(L.textdomain(None), 'braid-test-domain')
        self.assertEqual(L.bindtextdomain('braid-test-domain', '/tmp'), '/tmp')
        self.assertEqual(L.bindtextdomain('braid-test-domain', None), '/tmp')
        self.assertEqual(L.bind_textdomain_codeset('braid-test-domain', 'UTF-8'), 'UTF-8')
        self.assertEqual(L.bind_textdomain_codeset('braid-test-domain', None), 'UTF-8')

    def test_errors(self):
        L = self.locale_c
        self.assertRaises(locale.Error, L.bindtextdomain, '', '/tmp')
        self.assertRaises(TypeError, L.gettext, 1)
        self.assertRaises(TypeError, L.textdomain, 5)
        self.assertRaises(TypeError, L.dgettext, 'a')
        self.assertRaises(ValueError, L.gettext, 'a\0b')


class NormalizeTests(unittest.TestCase):
    def test_normalize(self):
        cases = {
            'en_US': 'en_US.ISO8859-1', 'en': 'en_US.ISO8859-1', 'C': 'C', 'POSIX': 'C',
            'c.utf8': 'C.UTF-8', 'C.UTF-8': 'C.UTF-8', 'de_DE.utf8': 'de_DE.UTF-8',
            'fr': 'fr_FR.ISO8859-1', 'fr_FR@euro': 'fr_FR.ISO8859-15',
            'ja_JP.eucjp': 'ja_JP.eucJP', 'zh_CN': 'zh_CN.gb2312', 'ru_RU': 'ru_RU.UTF-8',
            'xx_YY': 'xx_YY', 'xx_YY.utf8': 'xx_YY.utf8', 'EN_us.UTF8': 'en_US.UTF-8',
            'en_US:UTF-8': 'en_US.UTF-8', 'en_US.latin1': 'en_US.ISO8859-1',
            'de_DE.iso885915@euro': 'de_DE.ISO8859-15', 'pl_PL': 'pl_PL.ISO8859-2',
            'en_US.utf-8': 'en_US.UTF-8',
        }
        for name, expected in cases.items():
            with self.subTest(name=name):
                self.assertEqual(locale.normalize(name), expected)

    def test_parse_and_build(self):
        self.assertEqual(locale._parse_localename('en_US.UTF-8'), ('en_US', 'UTF-8'))
        self.assertEqual(locale._parse_localename('C'), (None, None))
        self.assertRaises(ValueError, locale._parse_localename, 'xx')
        self.assertEqual(locale._build_localename(('en_US', 'UTF-8')), 'en_US.UTF-8')
        self.assertEqual(locale._build_localename((None, None)), 'C')
        self.assertRaises(TypeError, locale._build_localename, 'abc')


class DecimalLocaleFormatTests(LocaleStateTestCase):
    def test_decimal_n_format(self):
        try:
            from decimal import Decimal
        except ImportError:
            self.skipTest("decimal is not available")
        locale.setlocale(locale.LC_ALL, 'C')
        self.assertEqual(format(Decimal('1234.5'), 'n'), '1234.5')
        self.assertEqual(format(Decimal('1E+5'), 'n'), '1e+5')


if __name__ == "__main__":
    unittest.main()
