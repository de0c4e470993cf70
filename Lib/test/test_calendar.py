import calendar
import contextlib
import datetime
import io
import time
import unittest


class CalendarFunctionTests(unittest.TestCase):
    def test_isleap_leapdays(self):
        self.assertTrue(calendar.isleap(2000))
        self.assertFalse(calendar.isleap(1900))
        self.assertTrue(calendar.isleap(2024))
        self.assertEqual(calendar.leapdays(1900, 2025), 31)
        self.assertEqual(calendar.leapdays(2010, 2010), 0)

    def test_weekday_monthrange(self):
        self.assertEqual(calendar.weekday(2024, 1, 1), 0)
        self.assertIs(calendar.weekday(2024, 1, 1), calendar.MONDAY)
        self.assertEqual(calendar.monthrange(2024, 2), (3, 29))
        self.assertEqual(calendar.monthrange(1900, 2), (3, 28))
        self.assertEqual(calendar.monthrange(2023, 12), (4, 31))
        self.assertEqual(repr(calendar.weekday(2024, 1, 6)), 'calendar.SATURDAY')

    def test_illegal_month(self):
        for bad in (0, 13, -1):
            with self.assertRaises(calendar.IllegalMonthError) as cm:
                calendar.monthrange(2024, bad)
            self.assertEqual(str(cm.exception), 'bad month number %d; must be 1-12' % bad)
            self.assertIsInstance(cm.exception, ValueError)

    def test_setfirstweekday(self):
        with self.assertRaises(calendar.IllegalWeekdayError) as cm:
            calendar.setfirstweekday(7)
        self.assertEqual(str(cm.exception),
                         'bad weekday number 7; must be 0 (Monday) to 6 (Sunday)')
        old = calendar.firstweekday()
        try:
            calendar.setfirstweekday(calendar.SUNDAY)
            self.assertEqual(calendar.firstweekday(), 6)
            self.assertEqual(calendar.weekheader(3), 'Sun Mon Tue Wed Thu Fri Sat')
        finally:
            calendar.setfirstweekday(old)

    def test_monthcalendar(self):
        self.assertEqual(calendar.monthcalendar(2024, 6),
                         [[0, 0, 0, 0, 0, 1, 2], [3, 4, 5, 6, 7, 8, 9],
                          [10, 11, 12, 13, 14, 15, 16], [17, 18, 19, 20, 21, 22, 23],
                          [24, 25, 26, 27, 28, 29, 30]])

    def test_names(self):
        self.assertEqual(calendar.month_name[1], 'January')
        self.assertEqual(calendar.month_name[0], '')
        self.assertEqual(calendar.month_abbr[12], 'Dec')
        self.assertEqual(list(calendar.day_abbr),
                         ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
        self.assertEqual(calendar.day_name[6], 'Sunday')
        self.assertEqual(len(calendar.month_name), 13)
        self.assertEqual(calendar.month_name[1:4], ['January', 'February', 'March'])

    def test_enums(self):
        self.assertEqual(calendar.Month(3), calendar.MARCH)
        self.assertEqual(calendar.FEBRUARY, 2)
        self.assertEqual(calendar.Day.SUNDAY, 6)
        self.assertEqual(repr(calendar.Month(3)), 'calendar.MARCH')

    def test_timegm(self):
        self.assertEqual(calendar.timegm((2024, 5, 6, 7, 8, 9)), 1714979289)
        self.assertEqual(calendar.timegm((1970, 1, 1, 0, 0, 0)), 0)


class TextCalendarTests(unittest.TestCase):
    def test_month(self):
        self.assertEqual(calendar.month(2024, 2),
                         '   February 2024\nMo Tu We Th Fr Sa Su\n          1  2  3  4\n'
                         ' 5  6  7  8  9 10 11\n12 13 14 15 16 17 18\n19 20 21 22 23 24 25\n'
                         '26 27 28 29\n')

    def test_month_width_sunday(self):
        self.assertEqual(calendar.TextCalendar(6).formatmonth(2021, 5, 3, 1),
                         '          May 2021\nSun Mon Tue Wed Thu Fri Sat\n'
                         '                          1\n  2   3   4   5   6   7   8\n'
                         '  9  10  11  12  13  14  15\n 16  17  18  19  20  21  22\n'
                         ' 23  24  25  26  27  28  29\n 30  31\n')

    def test_year_header(self):
        self.assertEqual(
            calendar.calendar(2023)[:400],
            '                                  2023\n\n      January                   '
            'February                   March\nMo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa '
            'Su      Mo Tu We Th Fr Sa Su\n                   1             1  2  3  4  5'
            '             1  2  3  4  5\n 2  3  4  5  6  7  8       6  7  8  9 10 11 12'
            '       6  7  8  9 10 11 12\n 9 10 11 12 13 14 15      13 14 15 16 17 18 19'
            '      13 14 15 16 17 18 19\n16 ')
        text = calendar.calendar(2023)
        self.assertEqual(len(text.splitlines()), 36)
        self.assertTrue(text.endswith('27 28 29 30               25 26 27 28 29 30 31\n'
                                      '30 31\n'))

    def test_iterators(self):
        cal = calendar.Calendar(2)
        days4 = list(cal.itermonthdays4(2024, 3))
        self.assertEqual(days4[0], (2024, 2, 28, 2))
        self.assertEqual(len(days4) % 7, 0)
        self.assertEqual(list(calendar.Calendar(3).iterweekdays()), [3, 4, 5, 6, 0, 1, 2])
        self.assertEqual(calendar.Calendar().yeardatescalendar(2024)[0][0][0][0],
                         datetime.date(2024, 1, 1))
        self.assertEqual(list(cal.itermonthdays(2024, 3))[:3], [0, 0, 1])


    def test_locale_calendar_c(self):
        cal = calendar.LocaleTextCalendar(0, 'C')
        self.assertEqual(cal.formatmonth(2024, 2), calendar.month(2024, 2))


class HTMLCalendarTests(unittest.TestCase):
    def test_formatmonth(self):
        html = calendar.HTMLCalendar().formatmonth(2024, 3)
        self.assertTrue(html.startswith(
            '<table border="0" cellpadding="0" cellspacing="0" class="month">\n'
            '<tr><th colspan="7" class="month">March 2024</th></tr>\n'
            '<tr><th class="mon">Mon</th><th class="tue">Tue</th>'))
        self.assertIn('<td class="noday">&nbsp;</td><td class="fri">1</td>', html)
        self.assertTrue(html.endswith('<td class="sun">31</td></tr>\n</table>\n'))


FEB_2024 = ('   February 2024\n'
            'Mo Tu We Th Fr Sa Su\n'
            '          1  2  3  4\n'
            ' 5  6  7  8  9 10 11\n'
            '12 13 14 15 16 17 18\n'
            '19 20 21 22 23 24 25\n'
            '26 27 28 29\n')


class TextOutputTests(unittest.TestCase):

    def test_month_text(self):
        self.assertEqual(calendar.month(2024, 2), FEB_2024)
        self.assertEqual(calendar.TextCalendar().formatmonth(2024, 2), FEB_2024)
        self.assertEqual(calendar.LocaleTextCalendar(locale='C').formatmonth(2024, 2),
                         FEB_2024)

    def test_month_wide_and_spaced(self):
        text = calendar.month(2024, 2, w=3, l=2)
        self.assertEqual(text, '       February 2024\n\n'
                               'Mon Tue Wed Thu Fri Sat Sun\n\n'
                               '              1   2   3   4\n\n'
                               '  5   6   7   8   9  10  11\n\n'
                               ' 12  13  14  15  16  17  18\n\n'
                               ' 19  20  21  22  23  24  25\n\n'
                               ' 26  27  28  29\n\n')

    def test_sunday_first(self):
        self.assertEqual(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12),
                         '   December 2023\n'
                         'Su Mo Tu We Th Fr Sa\n'
                         '                1  2\n'
                         ' 3  4  5  6  7  8  9\n'
                         '10 11 12 13 14 15 16\n'
                         '17 18 19 20 21 22 23\n'
                         '24 25 26 27 28 29 30\n'
                         '31\n')

    def test_prmonth_and_prcal_print(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            calendar.prmonth(2024, 2)
        self.assertEqual(buf.getvalue(), FEB_2024)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            calendar.prcal(2023, m=2)
        lines = buf.getvalue().splitlines()
        self.assertEqual(lines[:7], [
            '                     2023',
            '',
            '      January                   February',
            'Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su',
            '                   1             1  2  3  4  5',
            ' 2  3  4  5  6  7  8       6  7  8  9 10 11 12',
            ' 9 10 11 12 13 14 15      13 14 15 16 17 18 19',
        ])
        self.assertEqual(buf.getvalue(), calendar.calendar(2023, m=2))

    def test_year_layout(self):
        lines = calendar.calendar(2024).splitlines()
        self.assertEqual(lines[0], ' ' * 34 + '2024')
        self.assertEqual(lines[1], '')
        self.assertEqual(lines[2], '      January                   February'
                                   '                   March')
        self.assertEqual(lines[3], 'Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su'
                                   '      Mo Tu We Th Fr Sa Su')
        self.assertEqual(lines[4], ' 1  2  3  4  5  6  7                1  2  3  4'
                                   '                   1  2  3')
        wide = calendar.TextCalendar().formatyear(2025, w=3, l=1, c=2, m=4).splitlines()
        self.assertEqual(wide[3], '  '.join(['Mon Tue Wed Thu Fri Sat Sun'] * 4))

    def test_week_pieces(self):
        self.assertEqual(calendar.weekheader(2), 'Mo Tu We Th Fr Sa Su')
        self.assertEqual(calendar.weekheader(1), 'M T W T F S S')
        self.assertEqual(calendar.weekheader(9), '  Monday   Tuesday  Wednesday  Thursday '
                                                 '  Friday   Saturday   Sunday ')
        tc = calendar.TextCalendar()
        self.assertEqual([tc.formatweekday(0, w) for w in (1, 2, 3, 5)],
                         ['M', 'Mo', 'Mon', ' Mon '])
        self.assertEqual(tc.formatday(0, 0, 3), '   ')
        self.assertEqual(tc.formatday(7, 0, 3), '  7')
        self.assertEqual(tc.formatmonthname(2024, 2, 30), '        February 2024         ')
        self.assertEqual(tc.formatmonthname(2024, 2, 30, withyear=False),
                         '           February           ')
        self.assertEqual(calendar.week([(1, 0), (2, 1)] + [(0, d) for d in range(2, 7)], 3),
                         '  1   2' + ' ' * 20)
        self.assertEqual(calendar.formatstring(['a', 'b', 'c'], 3, 2), ' a    b    c ')


class HTMLTests(unittest.TestCase):

    def test_formatmonth(self):
        html = calendar.HTMLCalendar().formatmonth(2024, 2)
        lines = html.splitlines()
        self.assertEqual(lines[0], '<table border="0" cellpadding="0" cellspacing="0" '
                                   'class="month">')
        self.assertEqual(lines[1], '<tr><th colspan="7" class="month">February 2024</th></tr>')
        self.assertEqual(lines[2], '<tr>' + ''.join(
            '<th class="%s">%s</th>' % (d.lower(), d)
            for d in ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')) + '</tr>')
        self.assertEqual(lines[3], '<tr>' + '<td class="noday">&nbsp;</td>' * 3 +
                         '<td class="thu">1</td><td class="fri">2</td>'
                         '<td class="sat">3</td><td class="sun">4</td></tr>')
        self.assertEqual(lines[-1], '</table>')
        self.assertEqual(len(lines), 9)
        self.assertTrue(html.endswith('</table>\n'))

    def test_header_and_names(self):
        h = calendar.HTMLCalendar(calendar.SUNDAY)
        self.assertTrue(h.formatweekheader().startswith('<tr><th class="sun">Sun</th>'))
        self.assertEqual(h.formatmonthname(2024, 2, withyear=False),
                         '<tr><th colspan="7" class="month">February</th></tr>')
        self.assertEqual(calendar.LocaleHTMLCalendar(locale='C').formatmonthname(2024, 2),
                         '<tr><th colspan="7" class="month">February 2024</th></tr>')

    def test_css_class_attributes(self):
        h = calendar.HTMLCalendar
        self.assertEqual(h.cssclasses, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
        self.assertEqual(h.cssclass_noday, 'noday')
        self.assertEqual((h.cssclass_month, h.cssclass_month_head), ('month', 'month'))
        self.assertEqual((h.cssclass_year, h.cssclass_year_head), ('year', 'year'))

        class Custom(calendar.HTMLCalendar):
            cssclasses = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
            cssclass_noday = 'empty'
        html = Custom().formatmonth(2024, 2)
        self.assertIn('<td class="empty">&nbsp;</td><td class="empty">&nbsp;</td>', html)
        self.assertIn('<td class="d">1</td>', html)

    def test_formatyear_and_page(self):
        year = calendar.HTMLCalendar().formatyear(2024, 4)
        self.assertTrue(year.startswith('<table border="0" cellpadding="0" cellspacing="0" '
                                        'class="year">\n<tr><th colspan="4" class="year">'
                                        '2024</th></tr><tr><td>'))
        self.assertEqual(year.count('class="month">\n'), 12)
        page = calendar.HTMLCalendar().formatyearpage(2024)
        self.assertIsInstance(page, bytes)
        self.assertTrue(page.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n'))
        self.assertIn(b'<title>Calendar for 2024</title>', page)
        self.assertIn(b'calendar.css', page)
        self.assertNotIn(b'calendar.css', calendar.HTMLCalendar().formatyearpage(2024,
                                                                                 css=None))
        self.assertIn(b'encoding="ascii"',
                      calendar.HTMLCalendar().formatyearpage(2024, encoding='ascii'))


class DateFunctionTests(unittest.TestCase):

    def test_monthrange_and_weekday(self):
        self.assertEqual(calendar.monthrange(2024, 2), (calendar.THURSDAY, 29))
        self.assertEqual(calendar.monthrange(1900, 2), (calendar.THURSDAY, 28))
        self.assertEqual(calendar.monthrange(2000, 2), (calendar.TUESDAY, 29))
        self.assertEqual(calendar.monthrange(2024, 12)[1], 31)
        self.assertIsInstance(calendar.monthrange(2024, 2)[0], calendar.Day)
        self.assertEqual(calendar.weekday(1970, 1, 1), calendar.THURSDAY)
        self.assertEqual(calendar.weekday(1, 1, 1), calendar.MONDAY)
        self.assertEqual(calendar.weekday(9999, 12, 31), calendar.FRIDAY)
        self.assertIsInstance(calendar.weekday(2024, 1, 1), calendar.Day)
        with self.assertRaises(ValueError):
            calendar.weekday(2024, 2, 30)
        with self.assertRaises(TypeError):
            calendar.weekday(2024.0, 1, 1)

    def test_weekday_outside_datetime_range(self):
        # Years outside 1..9999 use the 400-year Gregorian cycle.
        self.assertEqual(calendar.weekday(0, 1, 1), calendar.weekday(400, 1, 1))
        self.assertEqual(calendar.weekday(10000, 1, 1), calendar.weekday(2000, 1, 1))

    def test_illegal_values(self):
        with self.assertRaises(calendar.IllegalMonthError) as cm:
            calendar.monthrange(2024, 13)
        self.assertEqual(str(cm.exception), 'bad month number 13; must be 1-12')
        self.assertEqual(cm.exception.month, 13)
        self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(calendar.IllegalMonthError):
            calendar.monthrange(2024, 0)
        with self.assertRaises(calendar.IllegalWeekdayError) as cm:
            calendar.setfirstweekday(7)
        self.assertEqual(str(cm.exception),
                         'bad weekday number 7; must be 0 (Monday) to 6 (Sunday)')
        self.assertEqual(calendar.firstweekday(), 0)

    def test_leap_helpers(self):
        self.assertEqual([calendar.isleap(y) for y in (1900, 2000, 2024, 2023, 2100)],
                         [False, True, True, False, False])
        self.assertEqual(calendar.leapdays(2000, 2025), 7)
        self.assertEqual(calendar.leapdays(2025, 2000), -7)
        self.assertEqual(calendar.leapdays(1900, 1901), 0)

    def test_timegm(self):
        self.assertEqual(calendar.timegm((2024, 2, 29, 12, 0, 0)), 1709208000)
        self.assertEqual(calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)), -1)
        self.assertEqual(calendar.timegm(time.gmtime(1234567890)), 1234567890)
        self.assertEqual(calendar.EPOCH, 1970)

    def test_enums(self):
        self.assertEqual(list(calendar.Day), [calendar.MONDAY, calendar.TUESDAY,
                                              calendar.WEDNESDAY, calendar.THURSDAY,
                                              calendar.FRIDAY, calendar.SATURDAY,
                                              calendar.SUNDAY])
        self.assertEqual(repr(calendar.Day.SUNDAY), 'calendar.SUNDAY')
        self.assertEqual(calendar.Day(3), calendar.THURSDAY)
        self.assertEqual(len(calendar.Month), 12)
        self.assertEqual(calendar.Month(2).name, 'FEBRUARY')
        self.assertEqual(repr(calendar.Month.DECEMBER), 'calendar.DECEMBER')
        self.assertEqual(calendar.JANUARY + 1, 2)
        self.assertEqual(calendar.MONDAY, 0)
        self.assertEqual(calendar.SUNDAY, 6)

    def test_name_sequences(self):
        self.assertEqual(list(calendar.day_abbr),
                         ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
        self.assertEqual(calendar.month_name[1:3], ['January', 'February'])
        self.assertEqual(calendar.month_abbr[-1], 'Dec')
        self.assertEqual(len(calendar.month_name), 13)
        self.assertEqual(calendar.month_name[0], '')
        self.assertEqual(calendar.day_name[-1], 'Sunday')
        self.assertEqual(calendar.mdays[2], 28)


class IteratorTests(unittest.TestCase):

    def test_itermonth_variants(self):
        c = calendar.Calendar()
        self.assertEqual(list(c.itermonthdays(2024, 2))[:5], [0, 0, 0, 1, 2])
        self.assertEqual(list(c.itermonthdays3(2024, 2))[:4],
                         [(2024, 1, 29), (2024, 1, 30), (2024, 1, 31), (2024, 2, 1)])
        self.assertEqual(list(c.itermonthdays4(2024, 2))[3], (2024, 2, 1, 3))
        self.assertEqual([str(d) for d in c.itermonthdates(2024, 2)][:2],
                         ['2024-01-29', '2024-01-30'])
        self.assertEqual(list(calendar.Calendar(6).itermonthdays2(2024, 2))[:2],
                         [(0, 6), (0, 0)])
        self.assertEqual(list(calendar.Calendar(3).iterweekdays()), [3, 4, 5, 6, 0, 1, 2])
        for year, month in ((2024, 2), (2023, 10), (2021, 2)):
            days = list(c.itermonthdays(year, month))
            self.assertEqual(len(days) % 7, 0)
            self.assertEqual([d for d in days if d], list(range(1, calendar.monthrange(
                year, month)[1] + 1)))

    def test_calendar_edges(self):
        c = calendar.Calendar()
        self.assertEqual(list(c.itermonthdays3(1, 1))[:2], [(1, 1, 1), (1, 1, 2)])
        with self.assertRaises(ValueError):
            list(c.itermonthdates(9999, 12))
        self.assertEqual(list(c.itermonthdays(9999, 12))[-1], 0 if
                         calendar.weekday(9999, 12, 31) != 6 else 31)

    def test_matrices(self):
        c = calendar.Calendar()
        self.assertEqual(c.monthdayscalendar(2024, 2)[0], [0, 0, 0, 1, 2, 3, 4])
        self.assertEqual(calendar.monthcalendar(2024, 2)[-1], [26, 27, 28, 29, 0, 0, 0])
        self.assertEqual(c.monthdays2calendar(2024, 2)[0][3], (1, 3))
        self.assertEqual(len(c.monthdatescalendar(2024, 2)), 5)
        rows = c.yeardayscalendar(2024, 4)
        self.assertEqual((len(rows), len(rows[0])), (3, 4))
        self.assertEqual(rows[0][1][0], [0, 0, 0, 1, 2, 3, 4])
        self.assertEqual(len(c.yeardays2calendar(2024)), 4)
        self.assertEqual(len(c.yeardatescalendar(2024, 6)), 2)

    def test_firstweekday_property(self):
        c = calendar.Calendar()
        c.firstweekday = 13
        self.assertEqual(c.getfirstweekday(), 6)
        c.setfirstweekday(calendar.WEDNESDAY)
        self.assertEqual(c.firstweekday, 2)
        self.assertEqual(calendar.TextCalendar(2).formatweekheader(2), 'We Th Fr Sa Su Mo Tu')

    def test_module_setfirstweekday(self):
        old = calendar.firstweekday()
        try:
            calendar.setfirstweekday(calendar.SUNDAY)
            self.assertEqual(calendar.firstweekday(), 6)
            self.assertEqual(calendar.monthcalendar(2024, 2)[0], [0, 0, 0, 0, 1, 2, 3])
            self.assertTrue(calendar.month(2024, 2).splitlines()[1].startswith('Su Mo'))
        finally:
            calendar.setfirstweekday(old)


class CommandLineTests(unittest.TestCase):

    def run_main(self, *args):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            calendar.main(list(args))
        return buf.getvalue()

    def test_month(self):
        self.assertEqual(self.run_main('2024', '2'), FEB_2024)
        self.assertEqual(self.run_main('-f', '6', '2023', '12'),
                         calendar.TextCalendar(6).formatmonth(2023, 12))
        self.assertEqual(self.run_main('-w', '3', '-l', '2', '2024', '2'),
                         calendar.month(2024, 2, 3, 2))

    def test_year(self):
        self.assertEqual(self.run_main('2024'), calendar.calendar(2024))
        self.assertEqual(self.run_main('-s', '2', '-m', '2', '2024'),
                         calendar.TextCalendar().formatyear(2024, c=2, m=2))

    def test_usage_errors(self):
        for args in (['-t', 'html', '2024', '2'], ['-L', 'C', '2024'], ['-t', 'pdf'],
                     ['2024', 'x']):
            with self.subTest(args=args):
                err = io.StringIO()
                with contextlib.redirect_stderr(err):
                    with self.assertRaises(SystemExit) as cm:
                        self.run_main(*args)
                self.assertEqual(cm.exception.code, 2)
                self.assertIn('error:', err.getvalue())

    def test_html_page_via_subprocess(self):
        import subprocess
        import sys
        out = subprocess.run([sys.executable, '-m', 'calendar', '-t', 'html', '-c', 'my.css',
                              '-e', 'ascii', '2024'], capture_output=True, check=True).stdout
        self.assertEqual(out, calendar.HTMLCalendar().formatyearpage(2024, css='my.css',
                                                                     encoding='ascii'))


if __name__ == "__main__":
    unittest.main()
