"""Tests for the zoneinfo package (IANA time zones, PEP 615).

Zones of the system database are used only when /usr/share/zoneinfo exists; the TZif parser and
the POSIX TZ footer rules are also tested with small TZif files built by hand below, which need no
system data.
"""

import io
import os
import pickle
import shutil
import struct
import tempfile
import unittest
import warnings
from datetime import datetime, timedelta, timezone

import zoneinfo
from zoneinfo import ZoneInfo

SYSTEM_TZDIR = "/usr/share/zoneinfo"
HAVE_TZDATA = os.path.isfile(os.path.join(SYSTEM_TZDIR, "America", "New_York"))
NO_TZDATA = "no time zone database in /usr/share/zoneinfo"

H = 3600
UTC = timezone.utc


def td(seconds=0, minutes=0, hours=0):
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def build_tzif(types, transitions=(), footer=None, version=2):
    """Return TZif bytes.

    types: list of (utoff seconds, isdst, abbreviation); transitions: list of
    (UTC epoch seconds, type index); footer: POSIX TZ string (version 2+ only).
    """
    chars = b""
    abbr_index = []
    for _, _, name in types:
        abbr_index.append(len(chars))
        chars += name.encode("ascii") + b"\x00"

    def header(ver):
        return (b"TZif" + ver + b"\x00" * 15
                + struct.pack(">6l", 0, 0, 0, len(transitions), len(types), len(chars)))

    def block(fmt):
        out = b"".join(struct.pack(fmt, t) for t, _ in transitions)
        out += bytes(i for _, i in transitions)
        for (off, isdst, _), ai in zip(types, abbr_index):
            out += struct.pack(">lBB", off, 1 if isdst else 0, ai)
        return out + chars

    if version == 1:
        return header(b"\x00") + block(">l")
    ver = str(version).encode("ascii")
    data = header(ver) + block(">l") + header(ver) + block(">q")
    return data + b"\n" + (footer or "").encode("ascii") + b"\n"


def epoch(*args):
    return int((datetime(*args, tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds())


def nth_weekday(year, month, weekday, n):
    """Day of month of the n-th `weekday` (Monday=0) of the month; n=-1 is the last."""
    if n > 0:
        first = datetime(year, month, 1)
        return 1 + (weekday - first.weekday()) % 7 + (n - 1) * 7
    nxt = datetime(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last.day - (last.weekday() - weekday) % 7


class ZoneMixin:
    def check(self, zone, dt, offset, dst, name):
        dt = dt.replace(tzinfo=zone)
        self.assertEqual(zone.utcoffset(dt), offset, dt)
        self.assertEqual(zone.dst(dt), dst, dt)
        self.assertEqual(zone.tzname(dt), name, dt)
        self.assertEqual(dt.utcoffset(), offset)


@unittest.skipUnless(HAVE_TZDATA, NO_TZDATA)
class SystemZoneTests(ZoneMixin, unittest.TestCase):
    def setUp(self):
        self.saved = zoneinfo.TZPATH
        zoneinfo.reset_tzpath(to=[SYSTEM_TZDIR])
        ZoneInfo.clear_cache()

    def tearDown(self):
        zoneinfo.reset_tzpath(to=self.saved)
        ZoneInfo.clear_cache()

    def test_new_york(self):
        z = ZoneInfo("America/New_York")
        self.assertEqual(z.key, "America/New_York")
        self.check(z, datetime(2021, 1, 15, 12), td(hours=-5), td(), "EST")
        self.check(z, datetime(2021, 7, 15, 12), td(hours=-4), td(hours=1), "EDT")
        # Gap: 2021-03-14 02:00 -> 03:00.
        self.check(z, datetime(2021, 3, 14, 1, 59), td(hours=-5), td(), "EST")
        self.check(z, datetime(2021, 3, 14, 2, 30), td(hours=-5), td(), "EST")
        self.check(z, datetime(2021, 3, 14, 2, 30, fold=1), td(hours=-4), td(hours=1), "EDT")
        self.check(z, datetime(2021, 3, 14, 3, 0), td(hours=-4), td(hours=1), "EDT")
        self.check(z, datetime(2021, 3, 14, 3, 0, fold=1), td(hours=-4), td(hours=1), "EDT")
        # Fold: 2021-11-07 02:00 -> 01:00.
        self.check(z, datetime(2021, 11, 7, 0, 59, fold=1), td(hours=-4), td(hours=1), "EDT")
        self.check(z, datetime(2021, 11, 7, 1, 30), td(hours=-4), td(hours=1), "EDT")
        self.check(z, datetime(2021, 11, 7, 1, 30, fold=1), td(hours=-5), td(), "EST")
        self.check(z, datetime(2021, 11, 7, 2, 0), td(hours=-5), td(), "EST")

    def test_new_york_before_first_transition(self):
        z = ZoneInfo("America/New_York")
        lmt = -td(hours=4, minutes=56, seconds=2)
        self.check(z, datetime(1800, 1, 1), lmt, td(), "LMT")
        self.check(z, datetime(1, 1, 1), lmt, td(), "LMT")
        self.assertIsNone(z.utcoffset(None))
        self.assertIsNone(z.tzname(None))
        self.assertIsNone(z.dst(None))

    def test_new_york_far_future_uses_footer(self):
        z = ZoneInfo("America/New_York")
        for year in (2100, 2301, 9999):
            start = nth_weekday(year, 3, 6, 2)
            end = nth_weekday(year, 11, 6, 1)
            with self.subTest(year=year):
                self.check(z, datetime(year, 3, start, 1, 59), td(hours=-5), td(), "EST")
                self.check(z, datetime(year, 3, start, 2, 30), td(hours=-5), td(), "EST")
                self.check(z, datetime(year, 3, start, 2, 30, fold=1), td(hours=-4),
                           td(hours=1), "EDT")
                self.check(z, datetime(year, 3, start, 3), td(hours=-4), td(hours=1), "EDT")
                self.check(z, datetime(year, 11, end, 1, 30), td(hours=-4), td(hours=1), "EDT")
                self.check(z, datetime(year, 11, end, 1, 30, fold=1), td(hours=-5), td(), "EST")
                self.check(z, datetime(year, 12, 31, 23), td(hours=-5), td(), "EST")

    def test_london(self):
        z = ZoneInfo("Europe/London")
        self.check(z, datetime(2021, 1, 1), td(), td(), "GMT")
        self.check(z, datetime(2021, 7, 1), td(hours=1), td(hours=1), "BST")
        self.check(z, datetime(2021, 3, 28, 1, 30), td(), td(), "GMT")
        self.check(z, datetime(2021, 3, 28, 1, 30, fold=1), td(hours=1), td(hours=1), "BST")
        self.check(z, datetime(2021, 10, 31, 1, 30), td(hours=1), td(hours=1), "BST")
        self.check(z, datetime(2021, 10, 31, 1, 30, fold=1), td(), td(), "GMT")

    def test_dublin_negative_dst(self):
        z = ZoneInfo("Europe/Dublin")
        # Irish Standard Time is the summer time; winter GMT is a negative DST.
        self.check(z, datetime(2021, 1, 1), td(), td(hours=-1), "GMT")
        self.check(z, datetime(2021, 7, 1), td(hours=1), td(), "IST")
        self.check(z, datetime(2021, 10, 31, 1, 30), td(hours=1), td(), "IST")
        self.check(z, datetime(2021, 10, 31, 1, 30, fold=1), td(), td(hours=-1), "GMT")
        self.check(z, datetime(2021, 3, 28, 1, 30), td(), td(hours=-1), "GMT")
        self.check(z, datetime(2021, 3, 28, 1, 30, fold=1), td(hours=1), td(), "IST")
        self.check(z, datetime(2250, 1, 1), td(), td(hours=-1), "GMT")
        self.check(z, datetime(2250, 7, 1), td(hours=1), td(), "IST")

    def test_lord_howe_half_hour_dst(self):
        z = ZoneInfo("Australia/Lord_Howe")
        half = td(minutes=30)
        self.check(z, datetime(2021, 1, 1), td(hours=11), half, "+11")
        self.check(z, datetime(2021, 7, 1), td(hours=10, minutes=30), td(), "+1030")
        # DST ends 2021-04-04 02:00 -> 01:30, starts 2021-10-03 02:00 -> 02:30.
        self.check(z, datetime(2021, 4, 4, 1, 45), td(hours=11), half, "+11")
        self.check(z, datetime(2021, 4, 4, 1, 45, fold=1), td(hours=10, minutes=30), td(),
                   "+1030")
        self.check(z, datetime(2021, 10, 3, 2, 15), td(hours=10, minutes=30), td(), "+1030")
        self.check(z, datetime(2021, 10, 3, 2, 15, fold=1), td(hours=11), half, "+11")
        self.check(z, datetime(2400, 1, 1), td(hours=11), half, "+11")

    def test_kolkata(self):
        z = ZoneInfo("Asia/Kolkata")
        for dt in (datetime(2021, 1, 1), datetime(2021, 7, 1), datetime(3000, 6, 1)):
            self.check(z, dt, td(hours=5, minutes=30), td(), "IST")

    def test_utc(self):
        z = ZoneInfo("UTC")
        self.check(z, datetime(2021, 6, 1), td(), td(), "UTC")
        self.assertEqual(z.utcoffset(None), td())
        self.assertEqual(z.dst(None), td())
        self.assertEqual(z.tzname(None), "UTC")
        dt = datetime(2021, 6, 1, 12, tzinfo=UTC).astimezone(z)
        self.assertEqual(dt.replace(tzinfo=None), datetime(2021, 6, 1, 12))

    def test_apia_skipped_day(self):
        z = ZoneInfo("Pacific/Apia")
        self.check(z, datetime(2011, 7, 1), td(hours=-11), td(), "-11")
        self.check(z, datetime(2011, 12, 29, 12), td(hours=-10), td(hours=1), "-10")
        self.check(z, datetime(2011, 12, 31, 12), td(hours=14), td(hours=1), "+14")
        self.check(z, datetime(2022, 7, 1), td(hours=13), td(), "+13")
        # Midnight 2011-12-30 UTC-10 is 2011-12-31 00:00 UTC+14.
        dt = datetime(2011, 12, 30, 10, tzinfo=UTC).astimezone(z)
        self.assertEqual(dt.replace(tzinfo=None), datetime(2011, 12, 31, 0))

    def check_year_fromutc(self, z, year, start_utc, end_utc, std, dst, dense=True):
        # Through a year, hour by hour (dense) or hour by hour only within two days of each
        # transition and every 7 hours elsewhere: DST is in force on [start_utc, end_utc).
        # Naive datetimes stand for UTC here: aware arithmetic is slow in a pure-Python datetime.
        start_utc = start_utc.replace(tzinfo=None)
        end_utc = end_utc.replace(tzinfo=None)
        t = datetime(year, 1, 1)
        stop = datetime(year + 1, 1, 1)
        near = timedelta(days=2)
        diff = dst - std
        folds = 0
        while t < stop:
            if start_utc <= end_utc:
                in_dst = start_utc <= t < end_utc
            else:
                in_dst = not (end_utc <= t < start_utc)
            expected = dst if in_dst else std
            local = z.fromutc(t.replace(tzinfo=z))
            self.assertIs(local.tzinfo, z)
            offset = local.utcoffset()
            self.assertEqual(offset, expected, t)
            wall = local.replace(tzinfo=None)
            self.assertEqual(wall, t + expected)
            expected_fold = 1 if (not in_dst and end_utc <= t < end_utc + diff) else 0
            self.assertEqual(local.fold, expected_fold, t)
            folds += local.fold
            # The wall time (with its fold) maps back to the same instant.
            self.assertEqual(wall - offset, t)
            if dense or abs(t - start_utc) < near or abs(t - end_utc) < near:
                t += timedelta(hours=1)
            else:
                aware = t.replace(tzinfo=UTC)
                self.assertEqual(aware.astimezone(z).astimezone(UTC), aware)
                t += timedelta(hours=7)
        self.assertGreater(folds, 0)

    def test_fromutc_year_new_york(self):
        z = ZoneInfo("America/New_York")
        for year, dense in ((2021, True), (2150, False)):
            start = datetime(year, 3, nth_weekday(year, 3, 6, 2), 7, tzinfo=UTC)
            end = datetime(year, 11, nth_weekday(year, 11, 6, 1), 6, tzinfo=UTC)
            with self.subTest(year=year):
                self.check_year_fromutc(z, year, start, end, td(hours=-5), td(hours=-4), dense)

    def test_fromutc_year_london(self):
        z = ZoneInfo("Europe/London")
        year = 2022
        start = datetime(year, 3, nth_weekday(year, 3, 6, -1), 1, tzinfo=UTC)
        end = datetime(year, 10, nth_weekday(year, 10, 6, -1), 1, tzinfo=UTC)
        self.check_year_fromutc(z, year, start, end, td(), td(hours=1), False)

    def test_fromutc_year_lord_howe(self):
        z = ZoneInfo("Australia/Lord_Howe")
        year = 2023
        # Ends first Sunday of April 02:00 (+11), starts first Sunday of October 02:00 (+10:30).
        end = datetime(year, 4, nth_weekday(year, 4, 6, 1), 2, tzinfo=UTC) - td(hours=11)
        start = (datetime(year, 10, nth_weekday(year, 10, 6, 1), 2, tzinfo=UTC)
                 - td(hours=10, minutes=30))
        for transition in (start, end):
            t = transition - td(hours=3)
            while t < transition + td(hours=3):
                in_dst = not (end <= t < start)
                local = t.astimezone(z)
                self.assertEqual(local.utcoffset(), td(hours=11) if in_dst else td(hours=10.5),
                                 t)
                self.assertEqual(local.fold, 1 if end <= t < end + td(minutes=30) else 0, t)
                self.assertEqual(local.astimezone(UTC), t)
                t += timedelta(minutes=10)
        self.check_year_fromutc(z, year, start, end, td(hours=10.5), td(hours=11), False)

    def test_fromutc_errors(self):
        z = ZoneInfo("America/New_York")
        with self.assertRaises(ValueError):
            z.fromutc(datetime(2021, 1, 1))
        with self.assertRaises(ValueError):
            z.fromutc(datetime(2021, 1, 1, tzinfo=UTC))
        with self.assertRaises(TypeError):
            z.fromutc("2021-01-01")

    def test_datetime_integration(self):
        z = ZoneInfo("Europe/London")
        dt = datetime(2021, 7, 1, 12, tzinfo=z)
        self.assertEqual(dt.isoformat(), "2021-07-01T12:00:00+01:00")
        self.assertEqual(dt.strftime("%Z"), "BST")
        self.assertEqual(datetime.fromtimestamp(epoch(2021, 1, 1, 12), z).hour, 12)
        self.assertEqual(datetime.fromtimestamp(epoch(2021, 7, 1, 12), z).hour, 13)

    def test_str_repr(self):
        z = ZoneInfo("Europe/London")
        self.assertEqual(str(z), "Europe/London")
        self.assertEqual(repr(z), "zoneinfo.ZoneInfo(key='Europe/London')")
        self.assertEqual(repr(ZoneInfo.no_cache("UTC")), "zoneinfo.ZoneInfo(key='UTC')")


@unittest.skipUnless(HAVE_TZDATA, NO_TZDATA)
class CacheTests(unittest.TestCase):
    def setUp(self):
        self.saved = zoneinfo.TZPATH
        zoneinfo.reset_tzpath(to=[SYSTEM_TZDIR])
        ZoneInfo.clear_cache()

    def tearDown(self):
        zoneinfo.reset_tzpath(to=self.saved)
        ZoneInfo.clear_cache()

    def test_identity(self):
        a = ZoneInfo("America/New_York")
        self.assertIs(ZoneInfo("America/New_York"), a)
        self.assertIsNot(ZoneInfo("America/Chicago"), a)

    def test_clear_cache(self):
        a = ZoneInfo("America/New_York")
        ZoneInfo.clear_cache()
        b = ZoneInfo("America/New_York")
        self.assertIsNot(a, b)
        self.assertIs(ZoneInfo("America/New_York"), b)

    def test_clear_cache_only_keys(self):
        a = ZoneInfo("America/New_York")
        b = ZoneInfo("Europe/London")
        ZoneInfo.clear_cache(only_keys=["Europe/London", "Not/Cached"])
        self.assertIs(ZoneInfo("America/New_York"), a)
        self.assertIsNot(ZoneInfo("Europe/London"), b)
        with self.assertRaises(TypeError):
            ZoneInfo.clear_cache(["Europe/London"])

    def test_no_cache(self):
        a = ZoneInfo("Asia/Tokyo")
        b = ZoneInfo.no_cache("Asia/Tokyo")
        c = ZoneInfo.no_cache("Asia/Tokyo")
        self.assertIsNot(a, b)
        self.assertIsNot(b, c)
        self.assertIs(ZoneInfo("Asia/Tokyo"), a)
        self.assertEqual(b.utcoffset(datetime(2021, 1, 1)), td(hours=9))
        # no_cache does not fill the cache either.
        ZoneInfo.clear_cache()
        d = ZoneInfo.no_cache("Asia/Seoul")
        self.assertIsNot(ZoneInfo("Asia/Seoul"), d)

    def test_subclass_has_own_cache(self):
        class MyZone(ZoneInfo):
            pass
        a = ZoneInfo("Europe/Paris")
        b = MyZone("Europe/Paris")
        self.assertIsNot(a, b)
        self.assertIs(type(b), MyZone)
        self.assertIs(MyZone("Europe/Paris"), b)
        self.assertEqual(b.utcoffset(datetime(2021, 7, 1)), td(hours=2))

    def test_pickle(self):
        a = ZoneInfo("America/New_York")
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                self.assertIs(pickle.loads(pickle.dumps(a, proto)), a)
                b = ZoneInfo.no_cache("America/New_York")
                c = pickle.loads(pickle.dumps(b, proto))
                self.assertIsNot(c, b)
                self.assertIsNot(c, a)
                self.assertEqual(c.key, "America/New_York")
                dt = datetime(2021, 7, 1, tzinfo=a)
                dt2 = pickle.loads(pickle.dumps(dt, proto))
                self.assertIs(dt2.tzinfo, a)

    def test_pickle_after_clear_cache(self):
        a = ZoneInfo("Europe/Berlin")
        data = pickle.dumps(a)
        ZoneInfo.clear_cache()
        b = pickle.loads(data)
        self.assertIsNot(b, a)
        self.assertIs(ZoneInfo("Europe/Berlin"), b)


class KeyTests(unittest.TestCase):
    def test_bad_keys(self):
        for key in ("/usr/share/zoneinfo/UTC", "../zoneinfo/UTC", "America/../UTC",
                    "America//New_York", "America/./New_York", "America/", "", ".."):
            with self.subTest(key=key):
                with self.assertRaises(ValueError):
                    ZoneInfo(key)
                with self.assertRaises(ValueError):
                    ZoneInfo.no_cache(key)

    def test_bad_key_messages(self):
        with self.assertRaises(ValueError) as cm:
            ZoneInfo("/etc/localtime")
        self.assertEqual(str(cm.exception),
                         "ZoneInfo keys may not be absolute paths, got: /etc/localtime")
        with self.assertRaises(ValueError) as cm:
            ZoneInfo("a/../b")
        self.assertEqual(str(cm.exception),
                         "ZoneInfo keys must be normalized relative paths, got: a/../b")
        for key in ("../UTC", ".", ".."):
            with self.assertRaises(ValueError) as cm:
                ZoneInfo(key)
            self.assertEqual(str(cm.exception),
                             "ZoneInfo keys must refer to subdirectories of TZPATH, got: " + key)

    def test_not_found(self):
        with self.assertRaises(zoneinfo.ZoneInfoNotFoundError) as cm:
            ZoneInfo("Nowhere/Atlantis")
        self.assertIsInstance(cm.exception, KeyError)
        self.assertEqual(cm.exception.args, ("No time zone found with key Nowhere/Atlantis",))

    @unittest.skipUnless(HAVE_TZDATA, NO_TZDATA)
    def test_directory_is_not_a_zone(self):
        saved = zoneinfo.TZPATH
        zoneinfo.reset_tzpath(to=[SYSTEM_TZDIR])
        try:
            with self.assertRaises(zoneinfo.ZoneInfoNotFoundError):
                ZoneInfo("America")
        finally:
            zoneinfo.reset_tzpath(to=saved)

    def test_exception_classes(self):
        self.assertTrue(issubclass(zoneinfo.ZoneInfoNotFoundError, KeyError))
        self.assertTrue(issubclass(zoneinfo.InvalidTZPathWarning, RuntimeWarning))
        for name in ("ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
                     "ZoneInfoNotFoundError", "InvalidTZPathWarning"):
            self.assertIn(name, zoneinfo.__all__)


class FromFileTests(ZoneMixin, unittest.TestCase):
    # Two types: standard +01:00 "AAA" and DST +02:00 "BBB".
    TYPES = [(H, False, "AAA"), (2 * H, True, "BBB")]

    def zone(self, footer=None, version=2, transitions=None, types=None, key=None):
        if transitions is None:
            transitions = [(epoch(2000, 3, 26, 1), 1), (epoch(2000, 10, 29, 1), 0)]
        data = build_tzif(types or self.TYPES, transitions, footer, version)
        if key is None:
            return ZoneInfo.from_file(io.BytesIO(data))
        return ZoneInfo.from_file(io.BytesIO(data), key=key)

    def test_version_1(self):
        z = self.zone(version=1)
        self.check(z, datetime(1999, 1, 1), td(hours=1), td(), "AAA")
        self.check(z, datetime(2000, 3, 26, 1, 59), td(hours=1), td(), "AAA")
        self.check(z, datetime(2000, 3, 26, 2, 30), td(hours=1), td(), "AAA")
        self.check(z, datetime(2000, 3, 26, 2, 30, fold=1), td(hours=2), td(hours=1), "BBB")
        self.check(z, datetime(2000, 7, 1), td(hours=2), td(hours=1), "BBB")
        self.check(z, datetime(2000, 10, 29, 2, 30), td(hours=2), td(hours=1), "BBB")
        self.check(z, datetime(2000, 10, 29, 2, 30, fold=1), td(hours=1), td(), "AAA")
        # No footer: the last type stays in force.
        self.check(z, datetime(2050, 7, 1), td(hours=1), td(), "AAA")

    def test_version_1_ignores_trailing_v2_data(self):
        data = build_tzif(self.TYPES, [(epoch(2000, 3, 26, 1), 1)], "AAA-1", version=2)
        data = b"TZif\x00" + data[5:]
        z = ZoneInfo.from_file(io.BytesIO(data))
        self.check(z, datetime(2001, 1, 1), td(hours=2), td(hours=1), "BBB")

    def test_64_bit_data_is_used(self):
        # The version 1 block says +01:00; the 64-bit block (which must win) says +05:00.
        v1 = build_tzif([(H, False, "ONE")], [], None, version=1)
        v2 = build_tzif([(5 * H, False, "FIV")], [], "FIV-5", version=2)
        data = b"TZif2" + v1[5:] + v2[len(v1):]
        z = ZoneInfo.from_file(io.BytesIO(data))
        self.check(z, datetime(2021, 1, 1), td(hours=5), td(), "FIV")
        self.assertEqual(z.utcoffset(None), td(hours=5))

    def test_key_str_repr(self):
        f = io.BytesIO(build_tzif(self.TYPES, [], "AAA-1"))
        z = ZoneInfo.from_file(f)
        self.assertIsNone(z.key)
        self.assertEqual(repr(z), "zoneinfo.ZoneInfo.from_file(%r)" % (f,))
        self.assertEqual(str(z), repr(z))
        z = self.zone(footer="AAA-1", key="Custom/Zone")
        self.assertEqual(z.key, "Custom/Zone")
        self.assertEqual(str(z), "Custom/Zone")
        self.assertEqual(repr(z), "zoneinfo.ZoneInfo(key='Custom/Zone')")

    def test_from_file_not_cached_and_not_picklable(self):
        z = self.zone(footer="AAA-1", key="UTC")
        self.assertIsNot(z, self.zone(footer="AAA-1", key="UTC"))
        with self.assertRaises(pickle.PicklingError):
            pickle.dumps(z)

    def test_fixed_offset(self):
        z = self.zone(footer="<+0330>-3:30", transitions=[], types=[(12600, False, "+0330")])
        self.assertEqual(z.utcoffset(None), td(hours=3, minutes=30))
        self.assertEqual(z.tzname(None), "+0330")
        self.assertEqual(z.dst(None), td())
        self.check(z, datetime(5000, 1, 1), td(hours=3, minutes=30), td(), "+0330")

    def test_footer_month_rules(self):
        z = self.zone(footer="AAA-1BBB,M3.5.0,M10.5.0/3")
        # 2026, 2037: the last Sunday of October is the 25th (a 5th week would be 1 November);
        # 2040: the last Sunday of March is the 25th.
        for year in (2026, 2031, 2037, 2040):
            start = nth_weekday(year, 3, 6, -1)
            end = nth_weekday(year, 10, 6, -1)
            with self.subTest(year=year):
                self.check(z, datetime(year, 1, 1), td(hours=1), td(), "AAA")
                self.check(z, datetime(year, 3, start, 1, 59), td(hours=1), td(), "AAA")
                self.check(z, datetime(year, 3, start, 2, 30), td(hours=1), td(), "AAA")
                self.check(z, datetime(year, 3, start, 2, 30, fold=1), td(hours=2),
                           td(hours=1), "BBB")
                self.check(z, datetime(year, 3, start, 3), td(hours=2), td(hours=1), "BBB")
                self.check(z, datetime(year, 10, end, 2, 30), td(hours=2), td(hours=1), "BBB")
                self.check(z, datetime(year, 10, end, 2, 30, fold=1), td(hours=1), td(), "AAA")
                self.check(z, datetime(year, 10, end, 3), td(hours=1), td(), "AAA")
                self.check(z, datetime(year, 10, 31, 12), td(hours=1), td(), "AAA")

    def test_footer_julian_days(self):
        # J60 is 1 March in every year (29 February is never counted); -1 hour is 23:00 on
        # the day before.  J300 is 27 October in every year; 26:00 is 02:00 on the next day.
        z = self.zone(footer="STD-3DST,J60/-1,J300/26")
        std, dst = td(hours=3), td(hours=4)
        for year, feb_end in ((2030, 28), (2032, 29)):
            with self.subTest(year=year):
                self.check(z, datetime(year, 2, feb_end, 22, 59), std, td(), "STD")
                self.check(z, datetime(year, 2, feb_end, 23, 30), std, td(), "STD")
                self.check(z, datetime(year, 2, feb_end, 23, 30, fold=1), dst, td(hours=1),
                           "DST")
                self.check(z, datetime(year, 3, 1), dst, td(hours=1), "DST")
                self.check(z, datetime(year, 10, 28, 0, 59), dst, td(hours=1), "DST")
                self.check(z, datetime(year, 10, 28, 1, 30), dst, td(hours=1), "DST")
                self.check(z, datetime(year, 10, 28, 1, 30, fold=1), std, td(), "STD")
                self.check(z, datetime(year, 10, 28, 2), std, td(), "STD")
                local = datetime(year, 10, 27, 22, 30, tzinfo=UTC).astimezone(z)
                self.assertEqual((local.day, local.hour, local.fold), (28, 1, 1))
                local = datetime(year, 10, 27, 21, 30, tzinfo=UTC).astimezone(z)
                self.assertEqual((local.day, local.hour, local.fold), (28, 1, 0))

    def test_footer_negative_dst(self):
        z = self.zone(footer="IST-1GMT0,M10.5.0,M3.5.0/1",
                      types=[(H, False, "IST"), (0, True, "GMT")],
                      transitions=[(epoch(2000, 10, 29, 1), 1)])
        year = 2040
        self.check(z, datetime(year, 1, 1), td(), td(hours=-1), "GMT")
        self.check(z, datetime(year, 7, 1), td(hours=1), td(), "IST")
        autumn = nth_weekday(year, 10, 6, -1)
        self.check(z, datetime(year, 10, autumn, 1, 30), td(hours=1), td(), "IST")
        self.check(z, datetime(year, 10, autumn, 1, 30, fold=1), td(), td(hours=-1), "GMT")
        local = datetime(year, 10, autumn, 1, 30, tzinfo=UTC).astimezone(z)
        self.assertEqual((local.hour, local.minute, local.fold), (1, 30, 1))

    def test_footer_southern_hemisphere(self):
        z = self.zone(footer="XST-10XDT,M10.1.0,M4.1.0/3", transitions=[],
                      types=[(10 * H, False, "XST")])
        self.check(z, datetime(2030, 1, 15), td(hours=11), td(hours=1), "XDT")
        self.check(z, datetime(2030, 6, 15), td(hours=10), td(), "XST")
        self.check(z, datetime(2030, 12, 15), td(hours=11), td(hours=1), "XDT")
        self.assertIsNone(z.utcoffset(None))

    def test_footer_all_year_dst(self):
        z = self.zone(footer="EST5EDT,0/0,J365/25", transitions=[],
                      types=[(-5 * H, False, "EST")])
        for dt in (datetime(2030, 1, 1, 0, 30), datetime(2030, 7, 1),
                   datetime(2030, 12, 31, 23, 59), datetime(2032, 12, 31, 12)):
            self.check(z, dt, td(hours=-4), td(hours=1), "EDT")
        t = datetime(2030, 1, 1, 3, 30, tzinfo=UTC)
        while t.year < 2031:
            self.assertEqual(t.astimezone(z).utcoffset(), td(hours=-4), t)
            t += timedelta(hours=7)

    def test_footer_negative_and_large_times(self):
        z = self.zone(footer="<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", transitions=[],
                      types=[(-3 * H, False, "-03")])
        year = 2030
        start = nth_weekday(year, 3, 6, -1) - 1   # Saturday 22:00
        end = nth_weekday(year, 10, 6, -1) - 1    # Saturday 23:00 (DST) -> 22:00
        self.check(z, datetime(year, 3, start, 21, 59), td(hours=-3), td(), "-03")
        self.check(z, datetime(year, 3, start, 22, 30), td(hours=-3), td(), "-03")
        self.check(z, datetime(year, 3, start, 23), td(hours=-2), td(hours=1), "-02")
        self.check(z, datetime(year, 10, end, 22, 30), td(hours=-2), td(hours=1), "-02")
        self.check(z, datetime(year, 10, end, 22, 30, fold=1), td(hours=-3), td(), "-03")
        self.check(z, datetime(year, 10, end, 23), td(hours=-3), td(), "-03")

    def test_fromutc_custom_zone(self):
        z = self.zone(footer="AAA-1BBB,M3.5.0,M10.5.0/3")
        for t, offset, fold in ((datetime(2000, 3, 26, 0, 59), 1, 0),
                                (datetime(2000, 3, 26, 1), 2, 0),
                                (datetime(2000, 10, 29, 0, 59), 2, 0),
                                (datetime(2000, 10, 29, 1), 1, 1),
                                (datetime(2000, 10, 29, 1, 59), 1, 1),
                                (datetime(2000, 10, 29, 2), 1, 0),
                                (datetime(2033, 10, 30, 0, 30), 2, 0),
                                (datetime(2033, 10, 30, 1, 30), 1, 1),
                                (datetime(2033, 10, 30, 2, 30), 1, 0)):
            with self.subTest(t=t):
                local = z.fromutc(t.replace(tzinfo=z))
                self.assertEqual(local.replace(tzinfo=None), t + td(hours=offset))
                self.assertEqual(local.fold, fold)

    def test_bad_files(self):
        good = build_tzif(self.TYPES, [(epoch(2000, 3, 26, 1), 1)], "AAA-1")
        for data in (b"", b"TZ", b"NotATZifFile" * 10, good[:60]):
            with self.subTest(data=data[:12]):
                with self.assertRaises(ValueError):
                    ZoneInfo.from_file(io.BytesIO(data))
        for data in (good[:30], good[:90]):
            with self.subTest(size=len(data)):
                with self.assertRaises((ValueError, struct.error)):
                    ZoneInfo.from_file(io.BytesIO(data))

    def test_bad_footer(self):
        with self.assertRaises(ValueError):
            self.zone(footer="NOPE")


class TZPathTests(unittest.TestCase):
    def setUp(self):
        self.saved = zoneinfo.TZPATH
        self.tmp = tempfile.mkdtemp()
        ZoneInfo.clear_cache()

    def tearDown(self):
        zoneinfo.reset_tzpath(to=self.saved)
        shutil.rmtree(self.tmp)
        ZoneInfo.clear_cache()

    def write(self, key, data):
        path = os.path.join(self.tmp, *key.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    def test_reset_tzpath(self):
        zoneinfo.reset_tzpath(to=["/nonexistent/a", "/nonexistent/b"])
        self.assertEqual(zoneinfo.TZPATH, ("/nonexistent/a", "/nonexistent/b"))
        zoneinfo.reset_tzpath(to=())
        self.assertEqual(zoneinfo.TZPATH, ())
        with self.assertRaises(zoneinfo.ZoneInfoNotFoundError):
            ZoneInfo("UTC")

    def test_reset_tzpath_errors(self):
        with self.assertRaises(TypeError):
            zoneinfo.reset_tzpath("/usr/share/zoneinfo")
        with self.assertRaises(TypeError):
            zoneinfo.reset_tzpath(b"/usr/share/zoneinfo")
        with self.assertRaises(ValueError):
            zoneinfo.reset_tzpath(["relative/path"])

    def test_env_var(self):
        saved_env = os.environ.get("PYTHONTZPATH")
        try:
            os.environ["PYTHONTZPATH"] = os.pathsep.join(["/tz/one", "/tz/two"])
            zoneinfo.reset_tzpath()
            self.assertEqual(zoneinfo.TZPATH, ("/tz/one", "/tz/two"))
            os.environ["PYTHONTZPATH"] = os.pathsep.join(["/tz/one", "relative"])
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                zoneinfo.reset_tzpath()
            self.assertEqual(zoneinfo.TZPATH, ("/tz/one",))
            self.assertTrue(any(w.category is zoneinfo.InvalidTZPathWarning for w in caught))
            os.environ["PYTHONTZPATH"] = ""
            zoneinfo.reset_tzpath()
            self.assertEqual(zoneinfo.TZPATH, ())
        finally:
            if saved_env is None:
                os.environ.pop("PYTHONTZPATH", None)
            else:
                os.environ["PYTHONTZPATH"] = saved_env

    def test_custom_tzpath(self):
        self.write("My/Zone", build_tzif([(2 * H, False, "TWO")], [], "TWO-2"))
        self.write("Other", build_tzif([(-7 * H, False, "SVN")], [], "SVN7"))
        self.write("posixrules", build_tzif([(0, False, "UTC")], [], "UTC0"))
        self.write("zone.tab", b"# not a TZif file\n")
        self.write("Sub/notes.txt", b"text")
        zoneinfo.reset_tzpath(to=[self.tmp])
        self.assertEqual(zoneinfo.available_timezones(), {"My/Zone", "Other"})
        z = ZoneInfo("My/Zone")
        self.assertEqual(z.key, "My/Zone")
        self.assertEqual(z.utcoffset(datetime(2021, 1, 1)), td(hours=2))
        self.assertIs(ZoneInfo("My/Zone"), z)
        self.assertEqual(ZoneInfo("Other").tzname(None), "SVN")
        with self.assertRaises(zoneinfo.ZoneInfoNotFoundError):
            ZoneInfo("Sub")
        # The first directory on the path that has the key wins.
        second = tempfile.mkdtemp()
        try:
            with open(os.path.join(second, "Other"), "wb") as f:
                f.write(build_tzif([(9 * H, False, "NIN")], [], "NIN-9"))
            zoneinfo.reset_tzpath(to=[second, self.tmp])
            self.assertEqual(ZoneInfo.no_cache("Other").tzname(None), "NIN")
            self.assertEqual(zoneinfo.available_timezones(), {"My/Zone", "Other"})
        finally:
            shutil.rmtree(second)

    def test_tzdata_package_fallback(self):
        # Keys missing from TZPATH are looked up in an installed "tzdata" package.
        import sys
        self.write("tzdata/__init__.py", b"")
        self.write("tzdata/zoneinfo/__init__.py", b"")
        self.write("tzdata/zoneinfo/Fake/Zone", build_tzif([(4 * H, False, "FOU")], [], "FOU-4"))
        self.write("tzdata/zones", b"Fake/Zone\n")
        saved = {name: mod for name, mod in sys.modules.items()
                 if name == "tzdata" or name.startswith("tzdata.")}
        for name in saved:
            del sys.modules[name]
        sys.path.insert(0, self.tmp)
        try:
            zoneinfo.reset_tzpath(to=[])
            self.assertEqual(ZoneInfo("Fake/Zone").tzname(None), "FOU")
            self.assertEqual(zoneinfo.available_timezones(), {"Fake/Zone"})
        finally:
            sys.path.remove(self.tmp)
            for name in list(sys.modules):
                if name == "tzdata" or name.startswith("tzdata."):
                    del sys.modules[name]
            sys.modules.update(saved)

    @unittest.skipUnless(HAVE_TZDATA, NO_TZDATA)
    def test_available_timezones_system(self):
        zoneinfo.reset_tzpath(to=[SYSTEM_TZDIR])
        zones = zoneinfo.available_timezones()
        for key in ("America/New_York", "Europe/London", "Europe/Dublin", "Asia/Kolkata",
                    "Australia/Lord_Howe", "Pacific/Apia", "UTC"):
            self.assertIn(key, zones)
        self.assertNotIn("posixrules", zones)
        self.assertNotIn("zone.tab", zones)
        self.assertNotIn("America", zones)


if __name__ == "__main__":
    unittest.main()
