"""Fraction, Rational numbers of arbitrary size."""

import math
import numbers
import sys

__all__ = ["Fraction"]

# The modulus used by the numeric hash (see "Hashing of numeric types" in the
# library reference) and the hash given to infinities.
_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


def _is_decimal(value):
    """True if value is a decimal.Decimal (without importing decimal)."""
    module = sys.modules.get("decimal")
    if module is not None and isinstance(value, module.Decimal):
        return True
    return type(value).__name__ == "Decimal" and hasattr(value, "as_integer_ratio")


def _digits_ok(text):
    """True if text is decimal digits, optionally grouped by single underscores."""
    if not text or text[0] == "_" or text[-1] == "_" or "__" in text:
        return False
    for ch in text:
        if ch != "_" and not ch.isdecimal():
            return False
    return True


def _parse_fraction(text):
    """Parse a Fraction literal; return (numerator, denominator) or None."""
    s = text.strip()
    if not s:
        return None
    negative = False
    if s[0] in "+-":
        negative = s[0] == "-"
        s = s[1:]
    slash = s.find("/")
    if slash >= 0:
        num_text = s[:slash].rstrip()
        den_text = s[slash + 1:].lstrip()
        if not _digits_ok(num_text) or not _digits_ok(den_text):
            return None
        numerator = int(num_text)
        denominator = int(den_text)
    else:
        exponent = 0
        epos = max(s.find("e"), s.find("E"))
        if epos >= 0:
            exp_text = s[epos + 1:]
            s = s[:epos]
            body = exp_text[1:] if exp_text[:1] in ("+", "-") else exp_text
            if not _digits_ok(body):
                return None
            exponent = int(exp_text)
        dot = s.find(".")
        if dot >= 0:
            int_text, frac_text = s[:dot], s[dot + 1:]
        else:
            int_text, frac_text = s, ""
        if not int_text and not frac_text:
            return None
        if int_text and not _digits_ok(int_text):
            return None
        if frac_text and not _digits_ok(frac_text):
            return None
        frac_text = frac_text.replace("_", "")
        numerator = int(int_text or "0") * 10 ** len(frac_text) + int(frac_text or "0")
        denominator = 10 ** len(frac_text)
        if exponent >= 0:
            numerator *= 10 ** exponent
        else:
            denominator *= 10 ** -exponent
    if negative:
        numerator = -numerator
    return numerator, denominator


def _round_half_even(numerator, denominator):
    """Round numerator/denominator (denominator > 0) to the nearest int, ties to even."""
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def _group_digits(digits, separator):
    """Insert separator between groups of three digits, from the right."""
    if not separator:
        return digits
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return separator.join(reversed(groups))


class _FormatSpec:
    """The parts of a standard format specification."""

    def __init__(self, spec):
        self.fill = " "
        self.align = None
        self.sign = "-"
        self.no_neg_zero = False
        self.alternate = False
        self.zeropad = False
        self.width = 0
        self.grouping = ""
        self.precision = None
        self.type = ""
        n = len(spec)
        i = 0
        if n >= 2 and spec[1] in "<>=^":
            self.fill, self.align = spec[0], spec[1]
            i = 2
        elif n >= 1 and spec[0] in "<>=^":
            self.align = spec[0]
            i = 1
        if i < n and spec[i] in "+- ":
            self.sign = spec[i]
            i += 1
        if i < n and spec[i] == "z":
            self.no_neg_zero = True
            i += 1
        if i < n and spec[i] == "#":
            self.alternate = True
            i += 1
        if i + 1 < n and spec[i] == "0" and spec[i + 1].isdecimal():
            self.zeropad = True
            i += 1
        start = i
        while i < n and spec[i] in "0123456789":
            i += 1
        if i > start:
            self.width = int(spec[start:i])
        if i < n and spec[i] in ",_":
            self.grouping = spec[i]
            i += 1
        if i < n and spec[i] == ".":
            i += 1
            start = i
            while i < n and spec[i] in "0123456789":
                i += 1
            if i == start:
                raise ValueError
            self.precision = int(spec[start:i])
        if i < n and spec[i] in "eEfFgG%":
            self.type = spec[i]
            i += 1
        if i != n:
            raise ValueError


class Fraction(numbers.Rational):
    """This class implements rational numbers.

    In the two-argument form of the constructor, Fraction(8, 6) will
    produce a rational number equivalent to 4/3. Both arguments must
    be Rational. The numerator defaults to 0 and the denominator
    defaults to 1 so that Fraction(3) == 3 and Fraction() == 0.

    Fractions can also be constructed from:

      - numeric strings similar to those accepted by the
        float constructor (for example, '-2.3' or '1e10')

      - strings of the form '123/456'

      - float and Decimal instances

      - other Rational instances (including integers)
    """

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        """Construct a Rational from numerator and denominator (see class doc)."""
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or _is_decimal(numerator):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse_fraction(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif (isinstance(numerator, numbers.Rational)
              and isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        """Build a Fraction from coprime ints with denominator > 0 (no checks)."""
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly.

        Beware that Fraction.from_float(0.3) != Fraction(3, 10).
        """
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if not _is_decimal(dec):
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    def is_integer(self):
        """Return True if the Fraction is an integer."""
        return self._denominator == 1

    def as_integer_ratio(self):
        """Return a pair of integers whose ratio is equal to the Fraction.

        The ratio is in lowest terms and has a positive denominator.
        """
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator.

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction convergents p/q of self until the next
        # one would exceed the bound; the answer is then either the last
        # convergent or the best semiconvergent below the bound.
        p_prev, q_prev, p_cur, q_cur = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q_next = q_prev + a * q_cur
            if q_next > max_denominator:
                break
            p_prev, q_prev, p_cur, q_cur = p_cur, q_cur, p_prev + a * p_cur, q_next
            n, d = d, n - a * d
        k = (max_denominator - q_prev) // q_cur
        semi = Fraction(p_prev + k * p_cur, q_prev + k * q_cur)
        convergent = Fraction(p_cur, q_cur)
        if abs(convergent - self) <= abs(semi - self):
            return convergent
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return "%s(%s, %s)" % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -- formatting ---------------------------------------------------------

    def __format__(self, format_spec, /):
        """Format self according to format_spec (fraction or float style)."""
        try:
            spec = _FormatSpec(format_spec)
        except ValueError:
            spec = None
        if spec is not None:
            if spec.type == "":
                if not (spec.no_neg_zero or spec.zeropad or spec.precision is not None):
                    return self._format_fraction(spec)
            elif not (spec.zeropad and spec.align is not None):
                return self._format_float(spec)
        raise ValueError("Invalid format specifier %r for object of type %r"
                         % (format_spec, type(self).__name__))

    def _pad(self, spec, sign, body):
        """Apply width, fill and alignment to sign + body."""
        padding = spec.width - len(sign) - len(body)
        if padding <= 0:
            return sign + body
        align = spec.align or ">"
        if align == "<":
            return sign + body + spec.fill * padding
        if align == ">":
            return spec.fill * padding + sign + body
        if align == "=":
            return sign + spec.fill * padding + body
        left = padding // 2
        return spec.fill * left + sign + body + spec.fill * (padding - left)

    def _sign_text(self, spec, negative):
        if negative:
            return "-"
        if spec.sign == "+":
            return "+"
        if spec.sign == " ":
            return " "
        return ""

    def _format_fraction(self, spec):
        """The fraction form: [sign]numerator[/denominator]."""
        body = _group_digits(str(abs(self._numerator)), spec.grouping)
        if self._denominator != 1 or spec.alternate:
            body += "/" + _group_digits(str(self._denominator), spec.grouping)
        return self._pad(spec, self._sign_text(spec, self._numerator < 0), body)

    def _format_float(self, spec):
        """The float-style forms 'e', 'E', 'f', 'F', 'g', 'G' and '%'."""
        kind = spec.type
        precision = 6 if spec.precision is None else spec.precision
        negative = self._numerator < 0
        n, d = abs(self._numerator), self._denominator
        suffix = ""
        if kind == "%":
            n *= 100
            suffix = "%"
        if kind in "gG":
            precision = max(precision, 1)
            exponent = self._decimal_exponent(n, d, precision)
            if -4 <= exponent < precision:
                int_part, frac_part, exp_text = self._fixed_digits(n, d, precision - 1 - exponent)
            else:
                int_part, frac_part, exp_text = self._exp_digits(n, d, precision - 1, kind)
            if not spec.alternate:
                frac_part = frac_part.rstrip("0")
            point = "." if frac_part or spec.alternate else ""
            if kind == "G":
                exp_text = exp_text.upper()
        elif kind in "eE":
            int_part, frac_part, exp_text = self._exp_digits(n, d, precision, kind)
            point = "." if frac_part or spec.alternate else ""
        else:
            int_part, frac_part, exp_text = self._fixed_digits(n, d, precision)
            point = "." if frac_part or spec.alternate else ""
        if spec.no_neg_zero and not (int_part + frac_part).strip("0"):
            negative = False
        sign = self._sign_text(spec, negative)
        rest = point + frac_part + exp_text + suffix
        if spec.zeropad:
            while len(sign) + len(_group_digits(int_part, spec.grouping)) + len(rest) < spec.width:
                int_part = "0" + int_part
        body = _group_digits(int_part, spec.grouping) + rest
        return self._pad(spec, sign, body)

    @staticmethod
    def _fixed_digits(n, d, places):
        """Digits of n/d rounded to places decimals: (integer part, fraction, '')."""
        digits = str(_round_half_even(n * 10 ** places, d))
        if places == 0:
            return digits, "", ""
        digits = digits.rjust(places + 1, "0")
        return digits[:-places], digits[-places:], ""

    @staticmethod
    def _decimal_exponent(n, d, significant):
        """The decimal exponent of n/d once rounded to significant digits."""
        if n == 0:
            return 0
        exponent = len(str(n)) - len(str(d))
        # Make 10**exponent <= n/d < 10**(exponent + 1).
        if exponent >= 0:
            if n < d * 10 ** exponent:
                exponent -= 1
        elif n * 10 ** -exponent < d:
            exponent -= 1
        shift = significant - 1 - exponent
        if shift >= 0:
            rounded = _round_half_even(n * 10 ** shift, d)
        else:
            rounded = _round_half_even(n, d * 10 ** -shift)
        if rounded >= 10 ** significant:
            exponent += 1
        return exponent

    @classmethod
    def _exp_digits(cls, n, d, places, kind):
        """Scientific notation of n/d with places decimals in the mantissa."""
        exponent = cls._decimal_exponent(n, d, places + 1)
        shift = places - exponent
        if n == 0:
            mantissa = "0" * (places + 1)
        elif shift >= 0:
            mantissa = str(_round_half_even(n * 10 ** shift, d))
        else:
            mantissa = str(_round_half_even(n, d * 10 ** -shift))
        # The rounding can carry into a new digit; keep places + 1 digits.
        mantissa = mantissa[:places + 1]
        letter = "E" if kind in "EG" else "e"
        exp_text = "%s%s%02d" % (letter, "-" if exponent < 0 else "+", abs(exponent))
        return mantissa[0], mantissa[1:], exp_text

    # -- arithmetic -----------------------------------------------------------

    def _operator_pair(exact, fallback, name):
        """Build forward and reverse methods from an exact Fraction operation
        and the builtin operation used when the other operand is inexact."""

        def forward(a, b):
            if isinstance(b, Fraction):
                return exact(a, b)
            if isinstance(b, int):
                return exact(a, Fraction._from_coprime_ints(b, 1))
            if isinstance(b, float):
                return fallback(float(a), b)
            if isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        forward.__name__ = "__" + name + "__"
        forward.__qualname__ = "Fraction.__" + name + "__"
        forward.__doc__ = exact.__doc__
        reverse.__name__ = "__r" + name + "__"
        reverse.__qualname__ = "Fraction.__r" + name + "__"
        reverse.__doc__ = exact.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _sub(a, b):
        """a - b"""
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _mul(a, b):
        """a * b"""
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    def _div(a, b):
        """a / b"""
        if b._numerator == 0:
            raise ZeroDivisionError("Fraction(1, 0)")
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    def _floordiv(a, b):
        """a // b"""
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _mod(a, b):
        """a % b"""
        d = a._denominator * b._denominator
        return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator), d)

    def _divmod(a, b):
        """(a // b, a % b)"""
        d = a._denominator * b._denominator
        q, r = divmod(a._numerator * b._denominator, a._denominator * b._numerator)
        return q, Fraction(r, d)

    __add__, __radd__ = _operator_pair(_add, lambda x, y: x + y, "add")
    __sub__, __rsub__ = _operator_pair(_sub, lambda x, y: x - y, "sub")
    __mul__, __rmul__ = _operator_pair(_mul, lambda x, y: x * y, "mul")
    __truediv__, __rtruediv__ = _operator_pair(_div, lambda x, y: x / y, "truediv")
    __floordiv__, __rfloordiv__ = _operator_pair(_floordiv, lambda x, y: x // y, "floordiv")
    __mod__, __rmod__ = _operator_pair(_mod, lambda x, y: x % y, "mod")
    __divmod__, __rdivmod__ = _operator_pair(_divmod, divmod, "divmod")

    del _operator_pair, _add, _sub, _mul, _div, _floordiv, _mod, _divmod

    def __pow__(a, b):
        """a ** b

        If b is an integer the result is an exact Fraction; otherwise the
        result is a float or a complex.
        """
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                if a._numerator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % (a._denominator ** -power))
                if a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                   (-a._numerator) ** -power)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a):
        """int(a): truncation towards zero."""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        return a.__int__()

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)

        Rounds half toward even.
        """
        if ndigits is None:
            return _round_half_even(self._numerator, self._denominator)
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(_round_half_even(self._numerator * shift, self._denominator),
                            shift)
        return Fraction(_round_half_even(self._numerator, self._denominator * shift)
                        * shift)

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float."""
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            # The denominator is a multiple of the modulus: no inverse.
            result = _HASH_INF
        else:
            result = hash(hash(abs(self._numerator)) * inverse)
        if self._numerator < 0:
            result = -result
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Compare self with a Rational or a float using op."""
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # -- support for pickle, copy and deepcopy ---------------------------------

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
