"""Tests of the time module (clocks, sleep, calendar conversions).  No timing assertions:
clocks are checked for type and monotonicity only."""

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


if __name__ == '__main__':
    unittest.main()
