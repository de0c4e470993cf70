"""Tests of the time module (clocks, sleep, calendar conversions).  No timing assertions:
clocks are checked for type and monotonicity only."""

import os
import sys
import time
import unittest


class TimeTests(unittest.TestCase):

    def test_clocks_types_and_monotonicity(self):
        for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
            clock = getattr(time, name)
            a = clock()
            b = clock()
            self.assertIsInstance(a, float, name)
            if name != 'time':
                self.assertLessEqual(a, b, name)
            ns = getattr(time, name + '_ns')()
            self.assertIsInstance(ns, int, name)

    def test_sleep(self):
        before = time.monotonic()
        time.sleep(0.01)
        self.assertGreaterEqual(time.monotonic(), before)
        time.sleep(0)
        with self.assertRaises(ValueError):
            time.sleep(-1)
        with self.assertRaises(TypeError):
            time.sleep('1')

    def test_gmtime(self):
        t = time.gmtime(0)
        self.assertEqual(tuple(t), (1970, 1, 1, 0, 0, 0, 3, 1, 0))
        self.assertEqual(t.tm_year, 1970)
        self.assertEqual(t.tm_wday, 3)
        t = time.gmtime(1234567890)
        self.assertEqual(t[:6], (2009, 2, 13, 23, 31, 30))
        self.assertEqual(len(t), 9)

    def test_strftime_asctime(self):
        t = time.gmtime(1234567890)
        self.assertEqual(time.strftime('%Y-%m-%d %H:%M:%S', t), '2009-02-13 23:31:30')
        self.assertEqual(time.asctime(t), 'Fri Feb 13 23:31:30 2009')
        self.assertEqual(time.strftime('', t), '')
        with self.assertRaises(ValueError):
            time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0))

    def test_localtime_mktime_roundtrip(self):
        now = int(time.time())
        self.assertEqual(int(time.mktime(time.localtime(now))), now)

    def test_struct_time_attributes(self):
        t = time.localtime()
        self.assertIsInstance(t.tm_zone, str)
        self.assertIsInstance(t.tm_gmtoff, int)
        self.assertIsInstance(time.timezone, int)
        self.assertEqual(len(time.tzname), 2)

    def test_get_clock_info(self):
        info = time.get_clock_info('monotonic')
        self.assertTrue(info.monotonic)
        self.assertFalse(info.adjustable)
        self.assertGreater(info.resolution, 0)
        with self.assertRaises(ValueError):
            time.get_clock_info('nope')



class _TZ:
    """Context manager: run with os.environ['TZ'] set to tz and tzset() called."""

    def __init__(self, tz):
        self.tz = tz

    def __enter__(self):
        self.old = os.environ.get('TZ')
        os.environ['TZ'] = self.tz
        time.tzset()

    def __exit__(self, *exc):
        if self.old is None:
            del os.environ['TZ']
        else:
            os.environ['TZ'] = self.old
        time.tzset()


class StructTimeTests(unittest.TestCase):

    def test_repr_and_fields(self):
        t = time.gmtime(86400 * 365)
        self.assertEqual(repr(t), "time.struct_time(tm_year=1971, tm_mon=1, tm_mday=1, "
                         "tm_hour=0, tm_min=0, tm_sec=0, tm_wday=4, tm_yday=1, tm_isdst=0)")
        self.assertEqual(t.tm_zone, 'GMT')
        self.assertEqual(t.tm_gmtoff, 0)
        self.assertEqual(time.struct_time.n_sequence_fields, 9)
        self.assertEqual(time.struct_time.n_fields, 11)

    def test_construct_from_sequence(self):
        t = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0))
        self.assertEqual(t.tm_mday, 2)
        self.assertIsNone(t.tm_zone)
        self.assertIsNone(t.tm_gmtoff)
        t = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0, 'XYZ', 3600))
        self.assertEqual((t.tm_zone, t.tm_gmtoff), ('XYZ', 3600))
        with self.assertRaises(TypeError):
            time.struct_time((1, 2, 3))
        with self.assertRaises(AttributeError):
            t.tm_year = 5

    def test_slicing_and_comparison(self):
        a = time.gmtime(0)
        b = time.gmtime(1)
        self.assertLess(a, b)
        self.assertEqual(a[:3], (1970, 1, 1))
        self.assertEqual(a[-1], 0)
        self.assertEqual(a, time.struct_time(tuple(a)))
        self.assertIsInstance(a, tuple)


class ConversionTests(unittest.TestCase):

    def test_gmtime_fields(self):
        cases = [
            (951782400, (2000, 2, 29, 0, 0, 0, 1, 60, 0)),
            (-86400, (1969, 12, 31, 0, 0, 0, 2, 365, 0)),
            (4102444799, (2099, 12, 31, 23, 59, 59, 3, 365, 0)),
            (1700000000.9, (2023, 11, 14, 22, 13, 20, 1, 318, 0)),
        ]
        for secs, expected in cases:
            with self.subTest(secs=secs):
                self.assertEqual(tuple(time.gmtime(secs)), expected)

    def test_gmtime_errors(self):
        with self.assertRaises(TypeError):
            time.gmtime('0')
        with self.assertRaises((OverflowError, OSError)):
            time.gmtime(1e30)
        with self.assertRaises(ValueError):
            time.gmtime(float('nan'))

    def test_gmtime_none_is_now(self):
        self.assertGreaterEqual(time.gmtime(None).tm_year, 2024)

    def test_utc_roundtrip(self):
        with _TZ('UTC'):
            for secs in (0, 86399, 951782400, 1234567890, -1000000):
                with self.subTest(secs=secs):
                    self.assertEqual(time.mktime(time.localtime(secs)), secs)
                    self.assertEqual(tuple(time.localtime(secs)), tuple(time.gmtime(secs)))
            self.assertEqual(time.timezone, 0)
            self.assertEqual(time.altzone, 0)
            self.assertEqual(time.daylight, 0)
            self.assertEqual(time.tzname, ('UTC', 'UTC'))

    def test_fixed_offset_zone(self):
        # POSIX TZ strings give the offset west of Greenwich.
        with _TZ('ABC+05'):
            self.assertEqual(time.timezone, 5 * 3600)
            self.assertEqual(time.tzname[0], 'ABC')
            lt = time.localtime(0)
            self.assertEqual(tuple(lt)[:6], (1969, 12, 31, 19, 0, 0))
            self.assertEqual(lt.tm_gmtoff, -5 * 3600)
            self.assertEqual(lt.tm_zone, 'ABC')
            self.assertEqual(time.mktime(lt), 0)
            self.assertEqual(time.strftime('%z %Z', lt), '-0500 ABC')

    def test_dst_zone(self):
        with _TZ('EST+05EDT,M3.2.0,M11.1.0'):
            self.assertEqual(time.tzname, ('EST', 'EDT'))
            self.assertEqual(time.daylight, 1)
            self.assertEqual(time.altzone, 4 * 3600)
            summer = time.localtime(1720000000)
            winter = time.localtime(1705000000)
            self.assertEqual((summer.tm_isdst, summer.tm_zone, summer.tm_gmtoff),
                             (1, 'EDT', -4 * 3600))
            self.assertEqual((winter.tm_isdst, winter.tm_zone, winter.tm_gmtoff),
                             (0, 'EST', -5 * 3600))
            self.assertEqual(time.mktime(summer), 1720000000)
            self.assertEqual(time.mktime(winter), 1705000000)

    def test_mktime_normalizes(self):
        with _TZ('UTC'):
            # Day 32 of January is February 1.
            self.assertEqual(time.mktime((2001, 1, 32, 0, 0, 0, 0, 0, 0)),
                             time.mktime((2001, 2, 1, 0, 0, 0, 0, 0, 0)))
            self.assertEqual(time.mktime((1970, 1, 1, 0, 0, 0, 0, 0, 0)), 0.0)
        with self.assertRaises(TypeError):
            time.mktime((1, 2, 3))
        with self.assertRaises(TypeError):
            time.mktime(123)

    def test_ctime(self):
        with _TZ('UTC'):
            self.assertEqual(time.ctime(0), 'Thu Jan  1 00:00:00 1970')
            self.assertEqual(time.ctime(1e9), 'Sun Sep  9 01:46:40 2001')

    def test_asctime_padding(self):
        self.assertEqual(time.asctime((2024, 3, 5, 7, 8, 9, 1, 65, 0)),
                         'Tue Mar  5 07:08:09 2024')
        self.assertEqual(time.asctime((12345, 1, 1, 0, 0, 0, 0, 1, 0)),
                         'Mon Jan  1 00:00:00 12345')
        with self.assertRaises(TypeError):
            time.asctime((1, 2))


class StrftimeTests(unittest.TestCase):

    def setUp(self):
        # 2009-02-13 23:31:30 UTC, a Friday, day 44 of the year.
        self.t = time.gmtime(1234567890)

    def test_directives(self):
        t = self.t
        cases = {
            '%a %A': 'Fri Friday', '%b %B': 'Feb February', '%d': '13', '%H': '23',
            '%I': '11', '%j': '044', '%m': '02', '%M': '31', '%p': 'PM', '%S': '30',
            '%U': '06', '%W': '06', '%w': '5', '%y': '09', '%Y': '2009', '%%': '%',
            '%e': '13', '%D': '02/13/09', '%T': '23:31:30', '%R': '23:31',
            '%u': '5', '%C': '20', '%G-%V': '2009-07', '%h': 'Feb',
            '%c': 'Fri Feb 13 23:31:30 2009', '%x': '02/13/09', '%X': '23:31:30',
        }
        for fmt, expected in cases.items():
            with self.subTest(fmt=fmt):
                self.assertEqual(time.strftime(fmt, t), expected)

    def test_week_numbers_at_year_start(self):
        # 2023-01-01 is a Sunday.
        t = time.strptime('2023-01-01', '%Y-%m-%d')
        self.assertEqual(time.strftime('%U %W %j', t), '01 00 001')

    def test_z_and_zone_for_utc(self):
        self.assertEqual(time.strftime('%z', self.t), '+0000')
        self.assertEqual(time.strftime('%Z', self.t), 'GMT')

    def test_literal_text_and_unicode(self):
        self.assertEqual(time.strftime('year: %Y \u00e9\u20ac', self.t),
                         'year: 2009 \u00e9\u20ac')

    def test_default_is_now(self):
        self.assertEqual(len(time.strftime('%Y')), 4)

    def test_strftime_errors(self):
        with self.assertRaises(TypeError):
            time.strftime(5)
        with self.assertRaises(TypeError):
            time.strftime('%Y', (1, 2, 3))
        for bad in ((2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
                    (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0),
                    (2000, 1, 1, 0, 0, 0, 0, 367, 0)):
            with self.subTest(bad=bad):
                with self.assertRaises(ValueError):
                    time.strftime('%Y', bad)

    def test_struct_time_zone_used(self):
        t = time.struct_time((2000, 1, 1, 0, 0, 0, 5, 1, 0, 'XYZ', 7200))
        self.assertEqual(time.strftime('%Z %z', t), 'XYZ +0200')

    def test_null_and_surrogates(self):
        with self.assertRaises(ValueError):
            time.strftime('a\0b', self.t)
        self.assertEqual(time.strftime('a\ud800%Y', self.t), 'a\ud8002009')

    def test_strftime_accepts_zero_month_and_day(self):
        self.assertEqual(time.strftime('%Y', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), '2000')


class StrptimeTests(unittest.TestCase):

    def test_basic(self):
        t = time.strptime('2009-02-13 23:31:30', '%Y-%m-%d %H:%M:%S')
        self.assertEqual(tuple(t), (2009, 2, 13, 23, 31, 30, 4, 44, -1))
        self.assertIsInstance(t, time.struct_time)

    def test_defaults(self):
        self.assertEqual(tuple(time.strptime('', '')), (1900, 1, 1, 0, 0, 0, 0, 1, -1))
        self.assertEqual(tuple(time.strptime('1999', '%Y')),
                         (1999, 1, 1, 0, 0, 0, 4, 1, -1))

    def test_default_format(self):
        t = time.strptime('Fri Feb 13 23:31:30 2009')
        self.assertEqual(t[:6], (2009, 2, 13, 23, 31, 30))

    def test_names_and_ampm(self):
        t = time.strptime('friday FEBRUARY 13 09 11 pm', '%A %B %d %y %I %p')
        self.assertEqual(t[:4], (2009, 2, 13, 23))
        t = time.strptime('2001 Jan 5 12 AM', '%Y %b %d %I %p')
        self.assertEqual(t[1:4], (1, 5, 0))

    def test_day_of_year(self):
        t = time.strptime('2024 060', '%Y %j')
        self.assertEqual((t.tm_mon, t.tm_mday, t.tm_yday), (2, 29, 60))

    def test_week_number_with_weekday(self):
        t = time.strptime('2023 10 3', '%Y %U %w')
        self.assertEqual((t.tm_mon, t.tm_mday, t.tm_wday), (3, 8, 2))

    def test_two_digit_years(self):
        self.assertEqual(time.strptime('68', '%y').tm_year, 2068)
        self.assertEqual(time.strptime('69', '%y').tm_year, 1969)

    def test_z_offsets(self):
        t = time.strptime('2020-01-01 +0130', '%Y-%m-%d %z')
        self.assertEqual(t.tm_gmtoff, 5400)
        t = time.strptime('-05:30', '%z')
        self.assertEqual(t.tm_gmtoff, -(5 * 3600 + 30 * 60))
        t = time.strptime('Z', '%z')
        self.assertEqual(t.tm_gmtoff, 0)

    def test_zone_name(self):
        t = time.strptime('UTC', '%Z')
        self.assertEqual((t.tm_isdst, t.tm_zone), (0, 'UTC'))

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            time.strptime('2009-02', '%Y-%m-%d')
        self.assertEqual(str(cm.exception),
                         "time data '2009-02' does not match format '%Y-%m-%d'")
        with self.assertRaises(ValueError) as cm:
            time.strptime('2009 extra', '%Y')
        self.assertEqual(str(cm.exception), 'unconverted data remains:  extra')
        with self.assertRaises(ValueError):
            time.strptime('13', '%m')
        with self.assertRaises(ValueError):
            time.strptime('2023-02-30', '%Y-%m-%d')
        with self.assertRaises(TypeError):
            time.strptime(2009, '%Y')
        with self.assertRaises(ValueError) as cm:
            time.strptime('1', '%Q')
        self.assertEqual(str(cm.exception), "'Q' is a bad directive in format '%Q'")

    def test_day_without_year_warns(self):
        import warnings
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter('always')
            t = time.strptime('29 2', '%d %m')
            time.strptime('2024 29 2', '%Y %d %m')
        # 1900 is not a leap year, but Feb 29 is accepted (computed in a leap year).
        self.assertEqual(tuple(t)[:3], (1900, 2, 29))
        self.assertEqual(len(log), 1)
        self.assertIs(log[0].category, DeprecationWarning)
        self.assertTrue(str(log[0].message).startswith(
            'Parsing dates involving a day of month without a year'))

    def test_iso_directives(self):
        t = time.strptime('2020 53 5', '%G %V %u')
        self.assertEqual(t[:3], (2021, 1, 1))
        with self.assertRaises(ValueError) as cm:
            time.strptime('2024 5', '%G %V')
        self.assertIn("ISO year directive '%G' must be used", str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            time.strptime('2024 5 1', '%Y %V %u')
        self.assertIn("is incompatible with the year directive '%Y'", str(cm.exception))

    def test_c_locale_composites(self):
        t = time.strptime('Tue Jan  5 01:02:03 1999', '%c')
        self.assertEqual(tuple(t), (1999, 1, 5, 1, 2, 3, 1, 5, -1))
        self.assertEqual(time.strptime('12/31/99', '%x')[:3], (1999, 12, 31))
        self.assertEqual(time.strptime('1:2:3', '%X')[3:6], (1, 2, 3))

    def test_absurd_formats_fail_cleanly(self):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            with self.assertRaises(Exception):
                time.strptime('1' * 5000, '%d' * 5000)
        self.assertEqual(time.strptime('a' * 5000 + '2024', 'a' * 5000 + '%Y')[0], 2024)

    def test_repeated_directive_is_a_pattern_error(self):
        # CPython builds a regular expression with one named group per directive
        import re
        with self.assertRaises(re.error):
            time.strptime('11', '%d%d')

    def test_stray_percent(self):
        with self.assertRaises(ValueError) as cm:
            time.strptime('2024', '%Y%')
        self.assertEqual(str(cm.exception), "stray % in format '%Y%'")

    def test_roundtrip_with_strftime(self):
        fmt = '%Y-%m-%d %H:%M:%S %j %a %b'
        t = time.gmtime(1600000000)
        parsed = time.strptime(time.strftime(fmt, t), fmt)
        self.assertEqual(tuple(parsed)[:8], tuple(t)[:8])


class TupleArgumentTests(unittest.TestCase):

    def test_exactly_nine_fields(self):
        for func in (time.mktime, time.asctime, lambda t: time.strftime('%Y', t)):
            with self.assertRaises(TypeError):
                func((2001, 9, 8, 21, 46, 40, 0, 0, -1, 5))
            with self.assertRaises(TypeError):
                func((2001, 9, 8, 21, 46, 40, 0, 0))

    def test_field_overflow_message(self):
        with self.assertRaises(OverflowError) as cm:
            time.mktime((2 ** 40, 1, 1, 0, 0, 0, 0, 0, 0))
        self.assertEqual(str(cm.exception), 'signed integer is greater than maximum')

    def test_isdst_clamped_for_strftime(self):
        with _TZ('EST+05EDT,M3.2.0,M11.1.0'):
            self.assertEqual(time.strftime('%Z', (2001, 9, 8, 21, 46, 40, 0, 0, 5)), 'EDT')
            self.assertEqual(time.strftime('%Z', (2001, 9, 8, 21, 46, 40, 0, 0, 0)), 'EST')


class ClockTests(unittest.TestCase):

    @unittest.skipIf(sys.implementation.name == 'cpython',
                     'CPython passes any id to the C library (and crashes)')
    def test_cpu_clock_of_unknown_thread(self):
        with self.assertRaises(OSError):
            time.pthread_getcpuclockid(12345)

    def test_sleep_overflow_messages(self):
        with self.assertRaises(OverflowError) as cm:
            time.sleep(2 ** 70)
        self.assertEqual(str(cm.exception), 'timestamp too large to convert to C PyTime_t')
        with self.assertRaises(OverflowError) as cm:
            time.sleep(float('inf'))
        self.assertEqual(str(cm.exception), 'timestamp out of range for platform time_t')
        with self.assertRaises(OverflowError):
            time.sleep(-1e300)

    @unittest.skipUnless(sys.platform.startswith('linux'), 'Linux clocks')
    def test_thread_cpu_clock_and_settime(self):
        import threading
        clock = time.pthread_getcpuclockid(threading.get_ident())
        self.assertIsInstance(clock, int)
        self.assertIsInstance(time.clock_gettime(clock), float)
        with self.assertRaises(OSError):
            time.clock_settime(-12345, 0.0)
        with self.assertRaises(OSError):
            time.clock_settime_ns(-12345, 0)

    def test_non_decreasing(self):
        for name in ('monotonic', 'perf_counter', 'process_time', 'thread_time',
                     'monotonic_ns', 'perf_counter_ns', 'process_time_ns',
                     'thread_time_ns'):
            clock = getattr(time, name)
            with self.subTest(clock=name):
                values = [clock() for _ in range(50)]
                self.assertEqual(values, sorted(values))

    def test_ns_variants_agree(self):
        a = time.monotonic_ns()
        b = time.monotonic()
        c = time.monotonic_ns()
        self.assertLessEqual(a, b * 1e9 + 1e6)
        self.assertLessEqual(b * 1e9, c + 1e6)
        self.assertIsInstance(time.time_ns(), int)

    def test_get_clock_info_all(self):
        for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
            with self.subTest(clock=name):
                info = time.get_clock_info(name)
                self.assertIsInstance(info.implementation, str)
                self.assertIsInstance(info.resolution, float)
                self.assertGreater(info.resolution, 0.0)
                self.assertLessEqual(info.resolution, 1.0)
                self.assertIsInstance(info.adjustable, bool)
                self.assertIsInstance(info.monotonic, bool)
        self.assertTrue(time.get_clock_info('time').adjustable)
        self.assertFalse(time.get_clock_info('time').monotonic)
        self.assertTrue(time.get_clock_info('perf_counter').monotonic)
        self.assertFalse(time.get_clock_info('process_time').adjustable)
        with self.assertRaises(TypeError):
            time.get_clock_info(1)

    @unittest.skipUnless(hasattr(time, 'clock_gettime'), 'needs clock_gettime')
    def test_clock_gettime(self):
        a = time.clock_gettime(time.CLOCK_MONOTONIC)
        b = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        self.assertIsInstance(a, float)
        self.assertIsInstance(b, int)
        self.assertGreater(time.clock_getres(time.CLOCK_REALTIME), 0)
        with self.assertRaises(OSError):
            time.clock_gettime(-12345)

    def test_sleep_errors(self):
        for bad in (-0.5, float('nan'), -1):
            with self.subTest(bad=bad):
                with self.assertRaises(ValueError):
                    time.sleep(bad)
        for bad in ('0', None, [], 1j):
            with self.subTest(bad=bad):
                with self.assertRaises(TypeError):
                    time.sleep(bad)
        with self.assertRaises(ValueError) as cm:
            time.sleep(-1)
        self.assertEqual(str(cm.exception), 'sleep length must be non-negative')
        with self.assertRaises(OverflowError):
            time.sleep(1e300)
        time.sleep(0.0)
        time.sleep(0)


if __name__ == '__main__':
    unittest.main()
