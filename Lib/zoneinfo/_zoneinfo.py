"""The ZoneInfo class: a datetime.tzinfo built from TZif data (RFC 8536)."""

import re
from bisect import bisect_right
from collections import OrderedDict
from datetime import datetime, timedelta, tzinfo
import weakref

from . import _common, _tzpath

try:
    from _thread import allocate_lock as _allocate_lock
except ImportError:  # pragma: no cover
    _allocate_lock = None

__all__ = ["ZoneInfo"]

_EPOCH_ORDINAL = 719163           # datetime.date(1970, 1, 1).toordinal()
_DAY = 86400


def _jan1_ordinal(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + 1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_start_ordinal(year, month):
    n = _jan1_ordinal(year) + sum(_MONTH_DAYS[:month - 1])
    if month > 2 and _is_leap(year):
        n += 1
    return n


def _year_of_seconds(t):
    """Return the proleptic Gregorian year containing epoch second t."""
    n = t // _DAY + _EPOCH_ORDINAL
    y = n * 400 // 146097 + 1
    while _jan1_ordinal(y) > n:
        y -= 1
    while _jan1_ordinal(y + 1) <= n:
        y += 1
    return y


def _local_seconds(dt):
    """Seconds since the epoch of dt's wall-clock fields, read as if they were UTC."""
    return ((dt.toordinal() - _EPOCH_ORDINAL) * _DAY + dt.hour * 3600 + dt.minute * 60
            + dt.second)


class _TTInfo:
    """One local time type: UTC offset, DST offset and abbreviation."""

    __slots__ = ("off", "utcoff", "dstoff", "tzname")

    def __init__(self, off, dst, name):
        self.off = off
        self.utcoff = timedelta(seconds=off)
        self.dstoff = timedelta(seconds=dst)
        self.tzname = name

    def same(self, other):
        return (self.off == other.off and self.dstoff == other.dstoff
                and self.tzname == other.tzname)


# ---------------------------------------------------------------------------------------------
# POSIX TZ strings (the footer of version 2+ TZif files)

_NAME = r"(?:<([+\-0-9A-Za-z]+)>|([A-Za-z]+))"
_OFFSET = r"([+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?)"
_TZ_RE = re.compile(_NAME + _OFFSET + "(?:" + _NAME + _OFFSET + "?" + "(?:,([^,]+),([^,]+))?)?$")
_DATE_RE = re.compile(r"(?:J(\d{1,3})|(\d{1,3})|M(\d{1,2})\.(\d)\.(\d))(?:/(.*))?$")


def _parse_hms(text, what):
    sign = 1
    if text[:1] in ("+", "-"):
        if text[0] == "-":
            sign = -1
        text = text[1:]
    parts = text.split(":")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError("Invalid %s in TZ string: %r" % (what, text))
    h = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 0
    s = int(parts[2]) if len(parts) > 2 else 0
    if m > 59 or s > 59 or h > 167:
        raise ValueError("Invalid %s in TZ string: %r" % (what, text))
    return sign * (h * 3600 + m * 60 + s)


class _Rule:
    """A transition date of a POSIX TZ string: Jn, n or Mm.w.d, plus a time of day."""

    __slots__ = ("kind", "a", "b", "c", "time")

    def __init__(self, text):
        m = _DATE_RE.match(text)
        if m is None:
            raise ValueError("Invalid transition rule in TZ string: %r" % (text,))
        julian, zero, month, week, wday, time = m.groups()
        if julian is not None:
            self.kind = "J"
            self.a = int(julian)
            if not 1 <= self.a <= 365:
                raise ValueError("Invalid Julian day in TZ string: %r" % (text,))
        elif zero is not None:
            self.kind = "n"
            self.a = int(zero)
            if not 0 <= self.a <= 365:
                raise ValueError("Invalid day of year in TZ string: %r" % (text,))
        else:
            self.kind = "M"
            self.a, self.b, self.c = int(month), int(week), int(wday)
            if not (1 <= self.a <= 12 and 1 <= self.b <= 5 and 0 <= self.c <= 6):
                raise ValueError("Invalid month rule in TZ string: %r" % (text,))
        self.time = 7200 if time is None else _parse_hms(time, "transition time")

    def wall_seconds(self, year):
        """Epoch seconds of the transition in `year`, on the wall clock in use before it."""
        if self.kind == "J":
            n = _jan1_ordinal(year) + self.a - 1
            if self.a >= 60 and _is_leap(year):
                n += 1
        elif self.kind == "n":
            n = _jan1_ordinal(year) + self.a
        else:
            first = _month_start_ordinal(year, self.a)
            first_wday = first % 7            # ordinal 1 (0001-01-01) is a Monday: 0 = Sunday
            day = (self.c - first_wday) % 7 + (self.b - 1) * 7
            mdays = _MONTH_DAYS[self.a - 1] + (1 if self.a == 2 and _is_leap(year) else 0)
            while day >= mdays:
                day -= 7
            n = first + day
        return (n - _EPOCH_ORDINAL) * _DAY + self.time


class _PosixTZ:
    """The rule for instants after the last transition of a zone."""

    __slots__ = ("std", "dst", "start", "end", "_cache")

    def __init__(self, text):
        m = _TZ_RE.match(text)
        if m is None:
            raise ValueError("Invalid TZ string: %r" % (text,))
        qstd, astd, stdoff, qdst, adst, dstoff, start, end = m.groups()
        self._cache = {}
        std_off = -_parse_hms(stdoff, "offset")
        self.std = _TTInfo(std_off, 0, qstd or astd)
        dst_name = qdst or adst
        if dst_name is None:
            self.dst = None
            self.start = self.end = None
            return
        dst_off = std_off + 3600 if dstoff is None else -_parse_hms(dstoff, "offset")
        self.dst = _TTInfo(dst_off, dst_off - std_off, dst_name)
        if start is None:
            raise ValueError("Invalid TZ string, DST without transition rules: %r" % (text,))
        self.start = _Rule(start)
        self.end = _Rule(end)

    def _transitions_utc(self, year):
        """Return (DST start, DST end) of `year` as UTC epoch seconds."""
        # A plain memo: racing threads at worst compute the same pair twice.
        cache = self._cache
        pair = cache.get(year)
        if pair is None:
            pair = (self.start.wall_seconds(year) - self.std.off,
                    self.end.wall_seconds(year) - self.dst.off)
            if len(cache) > 64:
                cache.clear()
            cache[year] = pair
        return pair

    def _state(self, t):
        """Return (isdst, fold) for the UTC instant t; the rules must have DST."""
        year = _year_of_seconds(t + self.std.off)
        events = []
        for y in (year - 1, year, year + 1):
            start, end = self._transitions_utc(y)
            events.append((start, True))
            events.append((end, False))
        # Stable: when a year's end meets the next year's start, the later event wins.
        events.sort(key=lambda ev: ev[0])
        k = len(events) - 1
        while k >= 0 and events[k][0] > t:
            k -= 1
        if k < 0:
            return not events[0][1], 0
        when, isdst = events[k]
        previous = events[k - 1][1] if k > 0 else not isdst
        fold = 0
        if previous != isdst:
            old = self.dst.off if previous else self.std.off
            new = self.dst.off if isdst else self.std.off
            if old > new and t - when < old - new:
                fold = 1
        return isdst, fold

    def find_local(self, loc, fold):
        """Return the _TTInfo for wall time `loc` (epoch-like seconds) with the given fold."""
        if self.dst is None:
            return self.std
        std_ok = not self._state(loc - self.std.off)[0]
        dst_ok = self._state(loc - self.dst.off)[0]
        if std_ok != dst_ok:
            return self.std if std_ok else self.dst
        if self.dst.off >= self.std.off:
            big, small = self.dst, self.std
        else:
            big, small = self.std, self.dst
        if std_ok:
            # Ambiguous: fold=0 is the earlier instant, i.e. the larger offset.
            return small if fold else big
        # Skipped: fold=0 keeps the offset from before the jump forward (the smaller one).
        return big if fold else small

    def find_utc(self, t):
        """Return (_TTInfo, fold) for the UTC instant t (epoch seconds)."""
        if self.dst is None:
            return self.std, 0
        isdst, fold = self._state(t)
        return (self.dst if isdst else self.std), fold


# ---------------------------------------------------------------------------------------------

class ZoneInfo(tzinfo):
    """A time zone built from the IANA database: ZoneInfo("Europe/Paris")."""

    __slots__ = ("_key", "_file_repr", "_from_cache", "_trans_utc", "_ttinfos", "_footer",
                 "_tti_before", "_trans_local", "_fixed", "__weakref__")

    _strong_cache_size = 8
    _strong_cache = OrderedDict()
    _weak_cache = weakref.WeakValueDictionary()
    # Protects both caches of every class (held only for dictionary updates).
    _cache_lock = _allocate_lock() if _allocate_lock is not None else None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._strong_cache = OrderedDict()
        cls._weak_cache = weakref.WeakValueDictionary()

    def __new__(cls, key):
        inst = cls._weak_cache.get(key, None)
        if inst is None:
            fresh = cls._new_instance(key)
            fresh._from_cache = True
            lock = cls._cache_lock
            if lock is not None:
                lock.acquire()
            try:
                inst = cls._weak_cache.setdefault(key, fresh)
            finally:
                if lock is not None:
                    lock.release()
        lock = cls._cache_lock
        if lock is not None:
            lock.acquire()
        try:
            strong = cls._strong_cache
            strong.pop(key, None)
            strong[key] = inst
            while len(strong) > cls._strong_cache_size:
                strong.popitem(last=False)
        finally:
            if lock is not None:
                lock.release()
        return inst

    @classmethod
    def no_cache(cls, key):
        """Return a new ZoneInfo for key, bypassing (and not filling) the cache."""
        inst = cls._new_instance(key)
        inst._from_cache = False
        return inst

    @classmethod
    def _new_instance(cls, key):
        path = _tzpath.find_tzfile(key)
        if path is None:
            raise _common.ZoneInfoNotFoundError("No time zone found with key %s" % (key,))
        inst = super().__new__(cls)
        inst._key = key
        inst._file_repr = None
        with open(path, "rb") as f:
            inst._load(f)
        return inst

    @classmethod
    def from_file(cls, file_obj, /, key=None):
        """Build a ZoneInfo from a binary file-like object holding TZif data."""
        inst = super().__new__(cls)
        inst._key = key
        inst._file_repr = repr(file_obj)
        inst._from_cache = False
        inst._load(file_obj)
        return inst

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        """Empty the cache, or drop only the given keys from it."""
        lock = cls._cache_lock
        if lock is not None:
            lock.acquire()
        try:
            if only_keys is None:
                cls._weak_cache.clear()
                cls._strong_cache.clear()
            else:
                for key in only_keys:
                    cls._weak_cache.pop(key, None)
                    cls._strong_cache.pop(key, None)
        finally:
            if lock is not None:
                lock.release()

    @property
    def key(self):
        return self._key

    # -- loading ------------------------------------------------------------------------------

    def _load(self, fobj):
        data = _common.read_tzif(fobj)
        ntypes = len(data.utoff)
        if ntypes == 0 and data.trans_utc:
            raise ValueError("Invalid TZif file: transitions without local time types")
        dstoff = self._infer_dst(data)
        types = []
        for i in range(ntypes):
            types.append(_TTInfo(data.utoff[i], dstoff[i], data.abbr[i]))
        self._trans_utc = list(data.trans_utc)
        self._ttinfos = [types[i] for i in data.trans_idx]
        footer = None
        if data.footer:
            footer = _PosixTZ(data.footer)
        self._footer = footer
        if types:
            self._tti_before = types[0]
        elif footer is not None:
            self._tti_before = footer.std
        else:
            raise ValueError("Invalid TZif file: no local time types")
        # Wall-clock thresholds: with fold=0 an ambiguous or skipped wall time maps to the
        # offset in use before the transition, with fold=1 to the one after it.
        fold0 = []
        fold1 = []
        prev = self._tti_before.off
        for t, tti in zip(self._trans_utc, self._ttinfos):
            fold0.append(t + max(prev, tti.off))
            fold1.append(t + min(prev, tti.off))
            prev = tti.off
        self._trans_local = (fold0, fold1)
        fixed = None
        if not self._trans_utc:
            if footer is not None:
                if footer.dst is None:
                    fixed = footer.std
            else:
                fixed = self._tti_before
        self._fixed = fixed

    @staticmethod
    def _infer_dst(data):
        # TZif files only flag DST types; the DST amount is the difference from the
        # standard offset in use next to it.
        ntypes = len(data.utoff)
        dstoff = [0 if not data.isdst[i] else None for i in range(ntypes)]
        idx = data.trans_idx
        for i, cur in enumerate(idx):
            if dstoff[cur] is not None:
                continue
            diff = None
            if i > 0 and not data.isdst[idx[i - 1]]:
                diff = data.utoff[cur] - data.utoff[idx[i - 1]]
            if not diff and i + 1 < len(idx) and not data.isdst[idx[i + 1]]:
                diff = data.utoff[cur] - data.utoff[idx[i + 1]]
            if diff:
                dstoff[cur] = diff
        return [3600 if d is None else d for d in dstoff]

    # -- tzinfo interface ---------------------------------------------------------------------

    def _find(self, dt):
        if dt is None:
            return self._fixed
        loc = _local_seconds(dt)
        fold = dt.fold
        trans = self._trans_local[1 if fold else 0]
        i = bisect_right(trans, loc)
        if i == len(trans) and self._footer is not None:
            return self._footer.find_local(loc, fold)
        if i == 0:
            return self._tti_before
        return self._ttinfos[i - 1]

    def utcoffset(self, dt):
        tti = self._find(dt)
        return None if tti is None else tti.utcoff

    def dst(self, dt):
        tti = self._find(dt)
        return None if tti is None else tti.dstoff

    def tzname(self, dt):
        tti = self._find(dt)
        return None if tti is None else tti.tzname

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        t = _local_seconds(dt)
        trans = self._trans_utc
        i = bisect_right(trans, t)
        fold = 0
        if i == len(trans) and self._footer is not None:
            tti, fold = self._footer.find_utc(t)
        elif i == 0:
            tti = self._tti_before
        else:
            tti = self._ttinfos[i - 1]
        if i > 0 and not fold:
            prev = self._ttinfos[i - 2].off if i > 1 else self._tti_before.off
            cur = self._ttinfos[i - 1].off
            if prev > cur and t - trans[i - 1] < prev - cur:
                fold = 1
        result = dt + tti.utcoff
        if fold:
            result = result.replace(fold=1)
        return result

    # -- representation and pickling ----------------------------------------------------------

    def _type_name(self):
        cls = type(self)
        if cls is ZoneInfo:
            return "zoneinfo.ZoneInfo"
        return cls.__name__

    def __repr__(self):
        if self._key is not None:
            return "%s(key=%r)" % (self._type_name(), self._key)
        return "%s.from_file(%s)" % (self._type_name(), self._file_repr)

    def __str__(self):
        if self._key is not None:
            return str(self._key)
        return repr(self)

    def __reduce__(self):
        if self._file_repr is not None:
            import pickle
            raise pickle.PicklingError("Cannot pickle a ZoneInfo file from a file stream.")
        return (self.__class__._unpickle, (self._key, int(self._from_cache)))

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        if from_cache:
            return cls(key)
        return cls.no_cache(key)


ZoneInfo.__module__ = "zoneinfo"
