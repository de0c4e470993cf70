"""Tests of the datetime module; expected values are CPython 3.13's."""

import time as _time
import unittest
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC, MINYEAR, MAXYEAR


class TimedeltaTests(unittest.TestCase):
    def test_normalisation_repr_str(self):
        cases = [
            (timedelta(0), "datetime.timedelta(0)", "0:00:00"),
            (timedelta(1, 5, 3), "datetime.timedelta(days=1, seconds=5, microseconds=3)",
             "1 day, 0:00:05.000003"),
            (timedelta(-1), "datetime.timedelta(days=-1)", "-1 day, 0:00:00"),
            (timedelta(hours=-1.5), "datetime.timedelta(days=-1, seconds=81000)",
             "-1 day, 22:30:00"),
            (timedelta(days=2.5), "datetime.timedelta(days=2, seconds=43200)",
             "2 days, 12:00:00"),
            (timedelta(weeks=1, days=-1, minutes=0.25), "datetime.timedelta(days=6, seconds=15)",
             "6 days, 0:00:15"),
        ]
        for td, r, s in cases:
            with self.subTest(r):
                self.assertEqual(repr(td), r)
                self.assertEqual(str(td), s)

    def test_round_half_even(self):
        self.assertEqual(timedelta(microseconds=0.5), timedelta(0))
        self.assertEqual(timedelta(microseconds=1.5), timedelta(microseconds=2))
        self.assertEqual(timedelta(seconds=5e-7), timedelta(0))

    def test_arithmetic(self):
        a = timedelta(days=3, seconds=7)
        b = timedelta(hours=5)
        self.assertEqual(str(a + b), "3 days, 5:00:07")
        self.assertEqual(str(a - b), "2 days, 19:00:07")
        self.assertEqual(str(-a), "-4 days, 23:59:53")
        self.assertEqual(abs(-a), a)
        self.assertEqual(str(a * 0.3), "21:36:02.100000")
        self.assertEqual(a / b, 14.40038888888889)
        self.assertEqual(a // b, 14)
        self.assertEqual(a % b, timedelta(seconds=7207))
        self.assertEqual(divmod(a, b), (14, timedelta(seconds=7207)))
        self.assertEqual(str(a / 3), "1 day, 0:00:02.333333")
        self.assertEqual(str(a / 2.5), "1 day, 4:48:02.800000")
        self.assertEqual(str(a // 7), "10:17:09.571428")
        self.assertEqual(a.total_seconds(), 259207.0)

    def test_limits(self):
        self.assertEqual(repr(timedelta.max),
                         "datetime.timedelta(days=999999999, seconds=86399, "
                         "microseconds=999999)")
        with self.assertRaises(OverflowError) as cm:
            timedelta(days=1e9)
        self.assertEqual(str(cm.exception), "days=1000000000; must have magnitude <= 999999999")

    def test_hash_and_bool(self):
        self.assertEqual(hash(timedelta(hours=24)), hash(timedelta(days=1)))
        self.assertFalse(timedelta(0))
        self.assertTrue(timedelta(microseconds=1))


class DateTests(unittest.TestCase):
    def test_fields_and_formats(self):
        d = date(2024, 2, 29)
        self.assertEqual(repr(d), "datetime.date(2024, 2, 29)")
        self.assertEqual(str(d), "2024-02-29")
        self.assertEqual(d.toordinal(), 738945)
        self.assertEqual((d.weekday(), d.isoweekday()), (3, 4))
        self.assertEqual(repr(d.isocalendar()),
                         "datetime.IsoCalendarDate(year=2024, week=9, weekday=4)")
        self.assertEqual(d.isocalendar().week, 9)
        self.assertEqual(d.ctime(), "Thu Feb 29 00:00:00 2024")
        self.assertEqual(d.strftime("%Y/%m/%d %a %j"), "2024/02/29 Thu 060")
        self.assertEqual(f"{d:%b}", "Feb")

    def test_ordinals_and_iso_weeks(self):
        cases = {(1, 1, 1): (1, (1, 1, 1)), (1, 12, 31): (365, (2, 1, 1)),
                 (100, 1, 1): (36160, (99, 53, 5)), (400, 12, 31): (146097, (400, 52, 7)),
                 (1900, 12, 31): (693960, (1901, 1, 1)), (2000, 1, 1): (730120, (1999, 52, 6)),
                 (2024, 12, 31): (739251, (2025, 1, 2)), (9999, 12, 31): (3652059, (9999, 52, 5))}
        for ymd, (ordinal, iso) in cases.items():
            with self.subTest(ymd):
                d = date(*ymd)
                self.assertEqual(d.toordinal(), ordinal)
                self.assertEqual(tuple(d.isocalendar()), iso)
                self.assertEqual(date.fromordinal(ordinal), d)
        for n in range(1, 3652059, 9973):
            self.assertEqual(date.fromordinal(n).toordinal(), n)

    def test_iso_parsing(self):
        self.assertEqual(date.fromisoformat("2024-01-05"), date(2024, 1, 5))
        self.assertEqual(date.fromisoformat("20240105"), date(2024, 1, 5))
        self.assertEqual(date.fromisoformat("2024-W01-1"), date(2024, 1, 1))
        self.assertEqual(date.fromisocalendar(2020, 53, 7), date(2021, 1, 3))
        with self.assertRaises(ValueError) as cm:
            date.fromisoformat("2024-1-5")
        self.assertEqual(str(cm.exception), "Invalid isoformat string: '2024-1-5'")

    def test_arithmetic_and_comparison(self):
        d = date(2024, 2, 29)
        self.assertEqual(d + timedelta(days=400), date(2025, 4, 4))
        self.assertEqual(d - date(2000, 1, 1), timedelta(days=8825))
        self.assertEqual(d.replace(day=1), date(2024, 2, 1))
        self.assertFalse(d == datetime(2024, 2, 29))
        self.assertLess(date(2024, 1, 1), date(2024, 1, 2))
        with self.assertRaises(TypeError):
            date(2024, 1, 1) < datetime(2024, 1, 2)
        with self.assertRaises(OverflowError):
            date.max + timedelta(days=1)

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            date(2023, 2, 29)
        self.assertEqual(str(cm.exception), "day is out of range for month")
        with self.assertRaises(ValueError):
            date(MAXYEAR + 1, 1, 1)
        with self.assertRaises(ValueError):
            date(MINYEAR, 13, 1)
        with self.assertRaises(TypeError):
            date(2024.0, 1, 1)


class TimeAndZoneTests(unittest.TestCase):
    def test_time(self):
        self.assertEqual(repr(time(12, 30)), "datetime.time(12, 30)")
        t2 = time(1, 2, 3, 4, tzinfo=timezone.utc)
        self.assertEqual(repr(t2), "datetime.time(1, 2, 3, 4, tzinfo=datetime.timezone.utc)")
        self.assertEqual(str(t2), "01:02:03.000004+00:00")
        self.assertEqual(t2.isoformat("milliseconds"), "01:02:03.000+00:00")
        self.assertEqual(time(12, 30).strftime("%H-%M %p"), "12-30 PM")
        self.assertEqual(time.fromisoformat("12:30:45.123"), time(12, 30, 45, 123000))
        self.assertEqual(str(time.fromisoformat("T04:05:06+01:00")), "04:05:06+01:00")

    def test_timezone(self):
        tz1 = timezone(timedelta(hours=1))
        tz2 = timezone(timedelta(hours=-5, minutes=-30), "EST?")
        self.assertEqual(repr(tz1), "datetime.timezone(datetime.timedelta(seconds=3600))")
        self.assertEqual(repr(tz2), "datetime.timezone(datetime.timedelta(days=-1, "
                                    "seconds=66600), 'EST?')")
        self.assertEqual(str(tz1), "UTC+01:00")
        self.assertIs(timezone(timedelta(0)), timezone.utc)
        self.assertIs(UTC, timezone.utc)
        self.assertEqual(tz1, timezone(timedelta(hours=1), "x"))
        with self.assertRaises(ValueError):
            timezone(timedelta(hours=24))

    def test_custom_tzinfo(self):
        class Fixed(tzinfo):
            def utcoffset(self, dt):
                return timedelta(hours=2)

            def dst(self, dt):
                return timedelta(0)

            def tzname(self, dt):
                return "FIX"

        dt = datetime(2024, 1, 1, 12, tzinfo=Fixed())
        self.assertEqual(dt.astimezone(timezone.utc), datetime(2024, 1, 1, 10, tzinfo=UTC))
        self.assertEqual(dt.strftime("%Z %z"), "FIX +0200")
        self.assertEqual(timezone.utc.fromutc(datetime(2024, 1, 1, tzinfo=UTC)),
                         datetime(2024, 1, 1, tzinfo=UTC))


class DatetimeTests(unittest.TestCase):
    def test_formats(self):
        dt = datetime(2024, 3, 10, 2, 30, 15, 250)
        self.assertEqual(repr(dt), "datetime.datetime(2024, 3, 10, 2, 30, 15, 250)")
        self.assertEqual(str(dt), "2024-03-10 02:30:15.000250")
        self.assertEqual(dt.isoformat(" ", "minutes"), "2024-03-10 02:30")
        self.assertEqual(dt.ctime(), "Sun Mar 10 02:30:15 2024")
        self.assertEqual(dt.strftime("%Y-%m-%dT%H:%M:%S.%f"), "2024-03-10T02:30:15.000250")
        self.assertEqual(repr(datetime.min), "datetime.datetime(1, 1, 1, 0, 0)")
        self.assertEqual(repr(dt.replace(fold=1)),
                         "datetime.datetime(2024, 3, 10, 2, 30, 15, 250, fold=1)")

    def test_aware(self):
        tz1 = timezone(timedelta(hours=1))
        tz2 = timezone(timedelta(hours=-5, minutes=-30), "EST?")
        da = datetime(2024, 3, 10, 12, 0, tzinfo=tz1)
        db = datetime(2024, 3, 10, 6, 30, tzinfo=tz2)
        self.assertEqual(str(da - db), "-1 day, 23:00:00")
        self.assertLess(da, db)
        self.assertEqual(str(da.astimezone(timezone.utc)), "2024-03-10 11:00:00+00:00")
        self.assertEqual(da.strftime("%z %:z %Z"), "+0100 +01:00 UTC+01:00")
        self.assertEqual(da.timestamp(), 1710068400.0)
        self.assertEqual(hash(da), hash(da.astimezone(timezone.utc)))
        naive = datetime(2024, 3, 10)
        self.assertFalse(naive == da)
        with self.assertRaises(TypeError) as cm:
            naive < da
        self.assertEqual(str(cm.exception),
                         "can't compare offset-naive and offset-aware datetimes")
        with self.assertRaises(TypeError):
            naive - da

    def test_fromisoformat(self):
        self.assertEqual(str(datetime.fromisoformat("2024-03-10T12:00:00+01:00")),
                         "2024-03-10 12:00:00+01:00")
        self.assertEqual(datetime.fromisoformat("2024-03-10 12:00"), datetime(2024, 3, 10, 12))
        self.assertEqual(datetime.fromisoformat("2024-03-10"), datetime(2024, 3, 10))
        self.assertEqual(datetime.fromisoformat("20240310T120000Z"),
                         datetime(2024, 3, 10, 12, tzinfo=UTC))
        with self.assertRaises(ValueError) as cm:
            datetime.fromisoformat("2024-03-10T24:00")
        self.assertEqual(str(cm.exception), "hour must be in 0..23")

    def test_strptime(self):
        self.assertEqual(datetime.strptime("2024-03-10 14:05:06.5", "%Y-%m-%d %H:%M:%S.%f"),
                         datetime(2024, 3, 10, 14, 5, 6, 500000))
        self.assertEqual(datetime.strptime("10 Mar 24 02PM", "%d %b %y %I%p"),
                         datetime(2024, 3, 10, 14))
        self.assertEqual(str(datetime.strptime("2024-03-10T12:00:00+0130",
                                               "%Y-%m-%dT%H:%M:%S%z")),
                         "2024-03-10 12:00:00+01:30")
        self.assertEqual(datetime.strptime("2024 070", "%Y %j"), datetime(2024, 3, 10))
        with self.assertRaises(ValueError) as cm:
            datetime.strptime("2024-03", "%Y-%m-%d")
        self.assertEqual(str(cm.exception),
                         "time data '2024-03' does not match format '%Y-%m-%d'")
        with self.assertRaises(ValueError) as cm:
            datetime.strptime("2024-03-01x", "%Y-%m-%d")
        self.assertEqual(str(cm.exception), "unconverted data remains: x")

    def test_timestamps(self):
        self.assertEqual(str(datetime.fromtimestamp(0, timezone.utc)),
                         "1970-01-01 00:00:00+00:00")
        self.assertEqual(str(datetime.fromtimestamp(-1.25, timezone.utc)),
                         "1969-12-31 23:59:58.750000+00:00")
        self.assertEqual(datetime(2000, 1, 1, tzinfo=UTC).timestamp(), 946684800.0)
        now = _time.time()
        local = datetime.fromtimestamp(now)
        self.assertAlmostEqual(local.timestamp(), now, delta=1e-5)

    def test_arithmetic(self):
        dt = datetime(2024, 3, 10, 2, 30, 15, 250)
        self.assertEqual(dt + timedelta(days=1, hours=23), datetime(2024, 3, 12, 1, 30, 15, 250))
        self.assertEqual(dt - timedelta(microseconds=251), datetime(2024, 3, 10, 2, 30, 14,
                                                                    999999))
        self.assertEqual(str(dt - datetime(2024, 1, 1)), "69 days, 2:30:15.000250")
        self.assertEqual(datetime.combine(date(2020, 1, 2), time(3, 4)),
                         datetime(2020, 1, 2, 3, 4))
        self.assertEqual(sorted([date(2020, 1, 3), date(2019, 5, 5)]),
                         [date(2019, 5, 5), date(2020, 1, 3)])


if __name__ == "__main__":
    unittest.main()
