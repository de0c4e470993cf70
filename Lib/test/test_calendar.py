import calendar
import datetime
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


if __name__ == "__main__":
    unittest.main()
