"""Tests of the decimal module (expectations are CPython 3.13's)."""

import fractions
import math
import pickle
import threading
import unittest

import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext,
                     DefaultContext, BasicContext, ExtendedContext,
                     InvalidOperation, DivisionByZero, Inexact, Rounded,
                     Subnormal, Overflow, Underflow, Clamped, FloatOperation,
                     ConversionSyntax, DivisionImpossible, DivisionUndefined,
                     DecimalException, ROUND_UP, ROUND_DOWN, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
                     ROUND_HALF_EVEN, ROUND_05UP)

ALL_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
                 ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)


def raised_flags(context):
    return sorted(s.__name__ for s, v in context.flags.items() if v)


class DecimalTestCase(unittest.TestCase):
    def setUp(self):
        self.saved = getcontext()
        setcontext(Context())

    def tearDown(self):
        setcontext(self.saved)


class ConstructionTests(DecimalTestCase):
    def test_from_string(self):
        cases = [('0', '0'), ('-0', '-0'), ('1.50', '1.50'), ('  12e3 ', '1.2E+4'),
                 ('1_000.5', '1000.5'), ('1__0', '10'), ('.5', '0.5'), ('5.', '5'),
                 ('-1E-7', '-1E-7'),
                 ('0.000001', '0.000001'), ('0.0000001', '1E-7'), ('inf', 'Infinity'),
                 ('-Infinity', '-Infinity'), ('nan', 'NaN'), ('-sNaN12', '-sNaN12'),
                 ('NaN0123', 'NaN123'), ('\u0663.5', '3.5'), ('+7', '7'),
                 ('1e+0', '1'), ('123E-2', '1.23')]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(str(Decimal(text)), expected)

    def test_bad_strings(self):
        for text in ['', 'abc', '1.2.3', '1e', 'e5', '_', '--1', '1 2', 'infinit', '.']:
            with self.subTest(text=text):
                self.assertRaises(InvalidOperation, Decimal, text)
        context = Context(traps=[])
        self.assertTrue(Decimal('xyz', context).is_qnan())
        self.assertTrue(context.flags[InvalidOperation])

    def test_conversion_syntax_is_invalid_operation(self):
        with self.assertRaises(InvalidOperation) as cm:
            Decimal('junk')
        self.assertEqual(cm.exception.args, ([ConversionSyntax],))

    def test_from_int(self):
        self.assertEqual(str(Decimal(10 ** 30)), '1' + '0' * 30)
        self.assertEqual(str(Decimal(-45)), '-45')
        self.assertEqual(str(Decimal(True)), '1')

    def test_from_float_exact(self):
        self.assertEqual(str(Decimal(0.1)),
                         '0.1000000000000000055511151231257827021181583404541015625')
        self.assertEqual(str(Decimal.from_float(-0.0)), '-0')
        self.assertEqual(str(Decimal.from_float(float('-inf'))), '-Infinity')
        self.assertTrue(Decimal.from_float(float('nan')).is_qnan())
        self.assertEqual(Decimal.from_float(3), Decimal(3))
        self.assertRaises(TypeError, Decimal.from_float, '1')

    def test_float_operation_flag(self):
        context = getcontext()
        Decimal.from_float(1.5)
        self.assertFalse(context.flags[FloatOperation])
        Decimal(1.5)
        self.assertTrue(context.flags[FloatOperation])
        context.traps[FloatOperation] = True
        self.assertRaises(FloatOperation, Decimal, 1.5)
        self.assertRaises(FloatOperation, lambda: Decimal(1) < 1.5)
        self.assertFalse(Decimal(1) == 1.5)

    def test_from_tuple(self):
        self.assertEqual(str(Decimal((0, (1, 2), -1))), '1.2')
        self.assertEqual(str(Decimal((1, (0,), 0))), '-0')
        self.assertEqual(str(Decimal((1, (), 'F'))), '-Infinity')
        self.assertEqual(str(Decimal((0, (4, 2), 'n'))), 'NaN42')
        self.assertEqual(str(Decimal([0, [5], 3])), '5E+3')
        self.assertRaises(ValueError, Decimal, (0, (1,)))
        self.assertRaises(ValueError, Decimal, (2, (1,), 0))
        self.assertRaises(ValueError, Decimal, (0, (10,), 0))
        self.assertRaises(ValueError, Decimal, (0, (1,), 'x'))

    def test_bad_type(self):
        self.assertRaises(TypeError, Decimal, object())
        self.assertRaises(TypeError, Decimal, 1j)

    def test_create_decimal_rounds(self):
        context = Context(prec=3)
        self.assertEqual(str(context.create_decimal('3.14159')), '3.14')
        self.assertTrue(context.flags[Inexact])
        self.assertEqual(str(Decimal('3.14159')), '3.14159')
        self.assertEqual(str(context.create_decimal_from_float(0.1)), '0.100')
        self.assertRaises(InvalidOperation, context.create_decimal, ' 1')

    def test_subclass(self):
        class MyDecimal(Decimal):
            pass
        d = MyDecimal('1.5')
        self.assertIs(type(d), MyDecimal)
        self.assertIs(type(d + 1), Decimal)
        self.assertIs(type(MyDecimal.from_float(0.5)), MyDecimal)
        self.assertEqual(d, Decimal('1.5'))


class ArithmeticTests(DecimalTestCase):
    def test_basic(self):
        D = Decimal
        self.assertEqual(str(D('0.1') + D('0.2')), '0.3')
        self.assertEqual(str(D('1.30') + D('1.20')), '2.50')
        self.assertEqual(str(D('1.3') * D('1.2')), '1.56')
        self.assertEqual(str(D(1) / D(7)), '0.1428571428571428571428571429')
        self.assertEqual(str(D(1) / D(4)), '0.25')
        self.assertEqual(str(D('1.0') / D('0.1')), '10')
        self.assertEqual(str(D(5) - D('5.00')), '0.00')
        self.assertEqual(str(2 - D('0.5')), '1.5')
        self.assertEqual(str(3 * D('0.5')), '1.5')
        self.assertEqual(str(-D('0')), '0')
        self.assertEqual(str(abs(D('-2.50'))), '2.50')

    def test_integer_division(self):
        D = Decimal
        self.assertEqual(str(D(-7) // 2), '-3')
        self.assertEqual(str(D(-7) % 2), '-1')
        self.assertEqual(divmod(D(7), D('-2')), (D(-3), D(1)))
        self.assertEqual(str(D('7.5') % D('0.2')), '0.1')
        self.assertEqual(str(7 // D(2)), '3')
        self.assertRaises(InvalidOperation, lambda: D(10 ** 30) // 1)
        self.assertRaises(DivisionByZero, lambda: D(1) // 0)
        self.assertRaises(InvalidOperation, lambda: D(1) % 0)

    def test_division_by_zero(self):
        self.assertRaises(DivisionByZero, lambda: Decimal(1) / 0)
        self.assertRaises(ZeroDivisionError, lambda: Decimal(1) / 0)
        with self.assertRaises(InvalidOperation) as cm:
            Decimal(0) / 0
        self.assertEqual(cm.exception.args, ([DivisionUndefined],))
        context = Context(traps=[])
        self.assertEqual(str(context.divide(Decimal(-1), 0)), '-Infinity')
        self.assertTrue(context.flags[DivisionByZero])

    def test_mixed_types(self):
        self.assertRaises(TypeError, lambda: Decimal(1) + 1.5)
        self.assertRaises(TypeError, lambda: 1.5 * Decimal(1))
        self.assertRaises(TypeError, lambda: Decimal(1) + '1')

    def test_rounding_modes(self):
        expected = {
            ROUND_UP: ['2.4', '2.5', '-2.4', '-2.5', '2.5'],
            ROUND_DOWN: ['2.3', '2.4', '-2.3', '-2.4', '2.5'],
            ROUND_CEILING: ['2.4', '2.5', '-2.3', '-2.4', '2.5'],
            ROUND_FLOOR: ['2.3', '2.4', '-2.4', '-2.5', '2.5'],
            ROUND_HALF_UP: ['2.4', '2.5', '-2.4', '-2.5', '2.5'],
            ROUND_HALF_DOWN: ['2.3', '2.4', '-2.3', '-2.4', '2.5'],
            ROUND_HALF_EVEN: ['2.4', '2.4', '-2.4', '-2.4', '2.5'],
            ROUND_05UP: ['2.3', '2.4', '-2.3', '-2.4', '2.5'],
        }
        values = ['2.35', '2.45', '-2.35', '-2.45', '2.50']
        for rounding in ALL_ROUNDINGS:
            context = Context(prec=2, rounding=rounding)
            got = [str(context.plus(Decimal(v))) for v in values]
            self.assertEqual(got, expected[rounding], rounding)
        context = Context(prec=2, rounding=ROUND_05UP)
        self.assertEqual(str(context.plus(Decimal('2.01'))), '2.1')

    def test_precision_and_flags(self):
        context = getcontext()
        context.prec = 5
        self.assertEqual(str(Decimal(1) / 3), '0.33333')
        self.assertEqual(raised_flags(context), ['Inexact', 'Rounded'])
        context.clear_flags()
        self.assertEqual(str(Decimal('123456') + 0), '1.2346E+5')
        context.clear_flags()
        self.assertEqual(str(Decimal('0E-50') + 1), '1.0000')
        self.assertEqual(raised_flags(context), ['Rounded'])

    def test_overflow_underflow(self):
        context = Context(prec=3, Emin=-5, Emax=5, traps=[])
        self.assertEqual(str(context.multiply(Decimal('9e5'), 10)), 'Infinity')
        self.assertEqual(raised_flags(context), ['Inexact', 'Overflow', 'Rounded'])
        context = Context(prec=3, Emin=-5, Emax=5, traps=[], rounding=ROUND_DOWN)
        self.assertEqual(str(context.multiply(Decimal('9e5'), 10)), '9.99E+5')
        context = Context(prec=3, Emin=-5, Emax=5, traps=[])
        self.assertEqual(str(context.plus(Decimal('1.2345e-6'))), '0.0000012')
        self.assertEqual(raised_flags(context),
                         ['Inexact', 'Rounded', 'Subnormal', 'Underflow'])
        context.clear_flags()
        self.assertEqual(str(context.plus(Decimal('1e-9'))), '0E-7')
        self.assertEqual(raised_flags(context),
                         ['Clamped', 'Inexact', 'Rounded', 'Subnormal', 'Underflow'])
        self.assertRaises(Overflow, lambda: Decimal('9e999999') * 10)

    def test_clamp(self):
        context = Context(prec=3, Emax=5, clamp=1)
        self.assertEqual(str(context.plus(Decimal('1e5'))), '1.00E+5')
        self.assertTrue(context.flags[Clamped])

    def test_power(self):
        D = Decimal
        self.assertEqual(str(D(2) ** 10), '1024')
        self.assertEqual(str(D(2) ** 100), '1.267650600228229401496703205E+30')
        self.assertEqual(str(D('1.0') ** 2), '1.00')
        self.assertEqual(str(D(2) ** -2), '0.25')
        self.assertEqual(str(D('0.5') ** -2), '4')
        self.assertEqual(str(D(2) ** D('0.5')), '1.414213562373095048801688724')
        self.assertEqual(str(D(4) ** D('0.5')), '2.000000000000000000000000000')
        self.assertEqual(str(D(0) ** -1), 'Infinity')
        self.assertEqual(str(D('-0') ** -3), '-Infinity')
        self.assertEqual(str(D(-2) ** 3), '-8')
        self.assertRaises(InvalidOperation, lambda: D(0) ** 0)
        self.assertRaises(InvalidOperation, lambda: D(-2) ** D('0.5'))
        self.assertEqual(str(pow(D(3), 4, 5)), '1')
        self.assertEqual(str(2 ** D(3)), '8')

    def test_sqrt(self):
        self.assertEqual(str(Decimal(2).sqrt()), '1.414213562373095048801688724')
        self.assertEqual(str(Decimal('0.0100').sqrt()), '0.10')
        self.assertEqual(str(Decimal(16).sqrt()), '4')
        self.assertEqual(str(Decimal('-0').sqrt()), '-0')
        self.assertRaises(InvalidOperation, Decimal(-1).sqrt)
        getcontext().rounding = ROUND_DOWN
        self.assertEqual(str(Decimal(2).exp()), '7.389056098930650227230427461')

    def test_exp_ln_log10(self):
        D = Decimal
        self.assertEqual(str(D(1).exp()), '2.718281828459045235360287471')
        self.assertEqual(str(D(-1).exp()), '0.3678794411714423215955237702')
        self.assertEqual(str(D(0).exp()), '1')
        self.assertEqual(str(D(2).ln()), '0.6931471805599453094172321215')
        self.assertEqual(str(D(10).ln()), '2.302585092994045684017991455')
        self.assertEqual(str(D('0.5').ln()), '-0.6931471805599453094172321215')
        self.assertEqual(str(D('1.000').ln()), '0')
        self.assertEqual(str(D(2).log10()), '0.3010299956639811952137388947')
        self.assertEqual(str(D('1000').log10()), '3')
        self.assertEqual(str(D('0.001').log10()), '-3')
        self.assertEqual(str(D(0).ln()), '-Infinity')
        self.assertEqual(str(D('Infinity').ln()), 'Infinity')
        self.assertEqual(str(D('-Infinity').exp()), '0')
        self.assertRaises(InvalidOperation, D(-1).ln)
        with localcontext(prec=50):
            self.assertEqual(str(D(1).exp()),
                             '2.7182818284590452353602874713526624977572470937000')

    def test_fma(self):
        self.assertEqual(str(Decimal(2).fma(3, 5)), '11')
        context = Context(prec=3)
        self.assertEqual(str(context.fma(Decimal('1.11'), Decimal('1.11'), Decimal('-1.23'))),
                         '0.0021')

    def test_quantize(self):
        D = Decimal
        self.assertEqual(str(D('7.325').quantize(D('.01'), rounding=ROUND_DOWN)), '7.32')
        self.assertEqual(str(D('7.325').quantize(D('1.'), rounding=ROUND_UP)), '8')
        self.assertEqual(str(D('1E+2').quantize(D('0.01'))), '100.00')
        self.assertEqual(str(D('2.675').quantize(D('0.01'))), '2.68')
        self.assertRaises(InvalidOperation, D('123456').quantize, D('1E-30'))
        self.assertTrue(D('1.0').same_quantum(D('2.0')))
        self.assertFalse(D('1.0').same_quantum(D('2')))

    def test_integral(self):
        D = Decimal
        self.assertEqual(str(D('2.5').to_integral_value()), '2')
        self.assertEqual(str(D('-2.5').to_integral_value(ROUND_HALF_UP)), '-3')
        self.assertEqual(str(D('1E+3').to_integral()), '1E+3')
        context = getcontext()
        D('2.5').to_integral_value()
        self.assertFalse(context.flags[Inexact])
        D('2.5').to_integral_exact()
        self.assertTrue(context.flags[Inexact])

    def test_normalize_and_misc(self):
        D = Decimal
        self.assertEqual(str(D('12.300').normalize()), '12.3')
        self.assertEqual(str(D('0.00').normalize()), '0')
        self.assertEqual(str(D('1200').normalize()), '1.2E+3')
        self.assertEqual(D('123.45').adjusted(), 2)
        self.assertEqual(str(D('123.45').logb()), '2')
        self.assertEqual(str(D('1.41').scaleb(3)), '1.41E+3')
        self.assertEqual(str(D('12').rotate(3, context=Context(prec=5))), '12000')
        self.assertEqual(str(D('123').shift(-1)), '12')
        self.assertEqual(str(D('1100').logical_and(D('1010'))), '1000')
        self.assertEqual(str(D('-1.5').copy_abs()), '1.5')
        self.assertEqual(str(D('1.5').copy_sign(D('-0'))), '-1.5')
        self.assertEqual(str(D(10).remainder_near(6)), '-2')
        self.assertEqual(str(D(1).next_plus()), '1.000000000000000000000000001')
        self.assertEqual(str(D(1).next_minus()), '0.9999999999999999999999999999')
        self.assertEqual(str(D(1).next_toward(0)), '0.9999999999999999999999999999')
        self.assertEqual(str(D(1).max(D('1.0'))), '1')
        self.assertEqual(str(D(-3).max_mag(2)), '-3')

    def test_extreme_exponents(self):
        # Results come from the exponents alone, without huge intermediates.
        D = Decimal
        context = Context(traps=[])
        self.assertEqual(str(D('1e-999999999').to_integral_value()), '0')
        self.assertEqual(int(D('-1e-999999999')), 0)
        self.assertEqual(round(D('7e-999999999')), 0)
        self.assertTrue(context.divide_int(D('1e999999'), D('3e-999999')).is_nan())
        self.assertTrue(context.remainder(D('1e999999'), D('3e-999999')).is_nan())
        self.assertTrue(context.quantize(D('1e999999'), D('1e-999999')).is_nan())
        self.assertEqual(str(context.plus(D('1e-9999999999999'))), '0E-1000026')
        one = '1.' + '0' * 27
        self.assertEqual(str(context.add(D(1), D('1e-999999999999'))), one)
        self.assertEqual(str(context.next_plus(D('9e999999'))),
                         '9.' + '0' * 26 + '1E+999999')
        self.assertEqual(str(context.power(D(2), D('1e-999999999'))), one)
        self.assertEqual(str(context.power(D(-1), D('1e999'))), '1')

    def test_huge_coefficients(self):
        # Beyond sys.get_int_max_str_digits(): Decimal has no such limit.
        D = Decimal
        text = '1234567890' * 700 + '.5'
        d = D(text)
        self.assertEqual(str(d), text)
        self.assertEqual(len(d.as_tuple().digits), 7001)
        big = D(10 ** 5000 + 7)
        self.assertEqual(str(big), '1' + '0' * 4999 + '7')
        self.assertEqual(int(big), 10 ** 5000 + 7)
        self.assertEqual(hash(big), hash(10 ** 5000 + 7))
        self.assertEqual(str(D('NaN' + '9' * 5000))[:6], 'NaN999')
        context = Context(prec=8000, Emax=10 ** 7, Emin=-10 ** 7)
        self.assertEqual(str(context.add(d, d))[-6:], '5781.0')
        self.assertEqual(len(str(context.logical_invert(D(0)))), 8000)

    def test_nan_propagation(self):
        D = Decimal
        self.assertEqual(str(D('NaN12') + 1), 'NaN12')
        self.assertRaises(InvalidOperation, lambda: D('sNaN') + 1)
        context = Context(traps=[])
        self.assertEqual(str(context.add(D(1), D('-sNaN7'))), '-NaN7')
        self.assertTrue(context.flags[InvalidOperation])
        self.assertEqual(str(context.subtract(D('Inf'), D('Inf'))), 'NaN')
        self.assertEqual(str(D('Inf') + 1), 'Infinity')


class ComparisonTests(DecimalTestCase):
    def test_compare_numbers(self):
        D = Decimal
        self.assertTrue(D('1.0') == D(1))
        self.assertTrue(D('0.5') == 0.5)
        self.assertTrue(D(1) == 1)
        self.assertTrue(D('0.5') == fractions.Fraction(1, 2))
        self.assertTrue(D('0.1') < fractions.Fraction(1, 3))
        self.assertTrue(D(-1) < 0 < D('0.0001'))
        self.assertTrue(D('Infinity') > 10 ** 100)
        self.assertTrue(D('-0') == 0)
        self.assertEqual(sorted([D(3), D('1.5'), D(-2)]), [D(-2), D('1.5'), D(3)])
        self.assertEqual(max(D(1), D(2)), D(2))
        self.assertFalse(D(1) == 'a')

    def test_nan_comparisons(self):
        D = Decimal
        self.assertFalse(D('NaN') == D('NaN'))
        self.assertTrue(D('NaN') != 1)
        self.assertRaises(InvalidOperation, lambda: D('NaN') < 1)
        self.assertRaises(InvalidOperation, lambda: D('sNaN') == 1)
        getcontext().traps[InvalidOperation] = False
        self.assertFalse(D('NaN') < 1)

    def test_compare_methods(self):
        D = Decimal
        self.assertEqual(str(D(1).compare(2)), '-1')
        self.assertEqual(str(D('2.0').compare(2)), '0')
        self.assertEqual(str(D('NaN').compare(2)), 'NaN')
        self.assertEqual(str(D('12.0').compare_total(D('12'))), '-1')
        self.assertEqual(str(D('-7').compare_total_mag(D('5'))), '1')
        self.assertRaises(InvalidOperation, D('NaN').compare_signal, 1)

    def test_hash(self):
        D = Decimal
        self.assertEqual(hash(D(1)), hash(1))
        self.assertEqual(hash(D('1.000')), hash(1))
        self.assertEqual(hash(D('0.5')), hash(0.5))
        self.assertEqual(hash(D(-1)), hash(-1))
        self.assertEqual(hash(D('-0')), hash(0))
        self.assertEqual(hash(D(10 ** 40)), hash(10 ** 40))
        self.assertEqual(hash(D('0.1')), hash(fractions.Fraction(1, 10)))
        self.assertEqual(hash(D('Infinity')), hash(float('inf')))
        self.assertEqual(hash(D('-Infinity')), hash(float('-inf')))
        self.assertEqual(hash(D('1e-300')), hash(fractions.Fraction(1, 10 ** 300)))
        self.assertRaises(TypeError, hash, D('sNaN'))
        nan = D('NaN')
        self.assertEqual(hash(nan), hash(nan))
        self.assertEqual(len({D('1.0'), D(1), 1, 1.0}), 1)


class ConversionTests(DecimalTestCase):
    def test_int_float_round(self):
        D = Decimal
        self.assertEqual(int(D('-3.9')), -3)
        self.assertEqual(int(D('1E+3')), 1000)
        self.assertEqual(float(D('1.1')), 1.1)
        self.assertTrue(math.isnan(float(D('NaN'))))
        self.assertEqual(float(D('-Infinity')), float('-inf'))
        self.assertRaises(ValueError, float, D('sNaN'))
        self.assertRaises(ValueError, int, D('NaN'))
        self.assertRaises(OverflowError, int, D('Inf'))
        self.assertEqual(round(D('2.5')), 2)
        self.assertEqual(round(D('-1.5')), -2)
        self.assertEqual(str(round(D('2.675'), 2)), '2.68')
        self.assertEqual(str(round(D('1234'), -2)), '1.2E+3')
        self.assertEqual(math.floor(D('-1.5')), -2)
        self.assertEqual(math.ceil(D('1.2')), 2)
        self.assertEqual(math.trunc(D('-1.7')), -1)
        self.assertEqual(complex(D('1.5')), 1.5 + 0j)
        self.assertFalse(bool(D('0.00')))
        self.assertTrue(bool(D('NaN')))

    def test_as_tuple_and_ratio(self):
        D = Decimal
        self.assertEqual(D('-12.30').as_tuple(), (1, (1, 2, 3, 0), -2))
        self.assertEqual(D('-12.30').as_tuple().exponent, -2)
        self.assertEqual(D('Inf').as_tuple(), (0, (0,), 'F'))
        self.assertEqual(D('NaN5').as_tuple(), (0, (5,), 'n'))
        self.assertEqual(D('-sNaN').as_tuple(), (1, (), 'N'))
        self.assertEqual(D('0.125').as_integer_ratio(), (1, 8))
        self.assertEqual(D('-2.50').as_integer_ratio(), (-5, 2))
        self.assertEqual(D('1E+3').as_integer_ratio(), (1000, 1))
        self.assertRaises(OverflowError, D('Inf').as_integer_ratio)
        self.assertRaises(ValueError, D('NaN').as_integer_ratio)
        self.assertEqual(fractions.Fraction(D('1.25')), fractions.Fraction(5, 4))

    def test_str_repr(self):
        D = Decimal
        cases = [('123', '123'), ('-123', '-123'), ('1.23E+3', '1.23E+3'),
                 ('123E+3', '1.23E+5'), ('12.3E-9', '1.23E-8'), ('-123E-10', '-1.23E-8'),
                 ('0.00000001', '1E-8'), ('-0.000001', '-0.000001'), ('0E-8', '0E-8'),
                 ('0E+2', '0E+2'), ('5E-6', '0.000005'), ('-0E-1', '-0.0')]
        for text, expected in cases:
            self.assertEqual(str(D(text)), expected)
        self.assertEqual(repr(D('1.50')), "Decimal('1.50')")
        getcontext().capitals = 0
        self.assertEqual(str(D('1E+10')), '1e+10')

    def test_eng_string(self):
        D = Decimal
        cases = [('123E+1', '1.23E+3'), ('123E+3', '123E+3'), ('12E-7', '0.0000012'),
                 ('1.20', '1.20'), ('0E+4', '0.00E+6'), ('0E-4', '0.0000'), ('1E+7', '10E+6'),
                 ('-12E-9', '-12E-9')]
        for text, expected in cases:
            self.assertEqual(D(text).to_eng_string(), expected)

    def test_predicates(self):
        D = Decimal
        self.assertTrue(D('-0').is_signed())
        self.assertTrue(D('-0').is_zero())
        self.assertTrue(D('NaN').is_qnan())
        self.assertTrue(D('sNaN').is_snan())
        self.assertTrue(D('Inf').is_infinite())
        self.assertTrue(D(1).is_finite())
        self.assertTrue(D(1).is_normal())
        self.assertTrue(D('1e-999999').is_normal())
        self.assertTrue(D('1e-1000000').is_subnormal())
        self.assertEqual(D('-0').number_class(), '-Zero')
        self.assertEqual(D('1e-1000000').number_class(), '+Subnormal')
        self.assertEqual(D('-Inf').number_class(), '-Infinity')
        self.assertEqual(D('sNaN').number_class(), 'sNaN')
        self.assertEqual(D(5).radix(), 10)
        self.assertEqual(D('1.5').real, D('1.5'))
        self.assertEqual(D('1.5').imag, 0)

    def test_pickle_copy(self):
        import copy
        for text in ['1.50', '-0', 'NaN12', '-Inf']:
            d = Decimal(text)
            self.assertEqual(str(pickle.loads(pickle.dumps(d))), text.replace('Inf', 'Infinity'))
            self.assertEqual(str(copy.copy(d)), str(d))
            self.assertEqual(str(copy.deepcopy(d)), str(d))
        context = Context(prec=7, rounding=ROUND_UP, traps=[Inexact])
        restored = pickle.loads(pickle.dumps(context))
        self.assertEqual(restored.prec, 7)
        self.assertEqual(restored.rounding, ROUND_UP)
        self.assertTrue(restored.traps[Inexact])


class FormatTests(DecimalTestCase):
    def test_format(self):
        D = Decimal
        cases = [
            ('', '1.500', '1.500'), ('', '1E+5', '1E+5'), ('g', '1E+5', '1e+5'),
            ('.3g', '1.500', '1.50'), ('.1g', '1.5', '2'), ('.5g', '123456', '1.2346e+5'),
            ('e', '1.500', '1.500e+0'), ('.2e', '123456', '1.23e+5'), ('E', '-0.0001', '-1E-4'),
            ('.2e', '0.00', '0.00e+0'), ('.9e', '0.000', '0.000000000e+6'),
            ('f', '1E+5', '100000'), ('.1f', '-0.0001', '-0.0'), ('z.1f', '-0.0001', '0.0'),
            ('.0f', '1.5', '2'), ('#.0f', '1.5', '2.'), ('.2f', '0.125', '0.12'),
            ('%', '0.5', '50%'), ('.1%', '0.1234', '12.3%'), ('%', '0.000', '0.0%'),
            (',', '1234567.891', '1,234,567.891'), (',.2f', '-1234.5', '-1,234.50'),
            ('010,', '1.5', '0,000,001.5'), ('08,', '123456', '0,123,456'),
            ('+015,', '-1234.5', '-0,000,001,234.5'), ('=+12', '1.5', '+        1.5'),
            ('^12', '-1E-10', '   -1E-10   '), ('*<8', '1.5', '1.5*****'),
            ('010', 'NaN', '       NaN'), ('f', '-Inf', '-Infinity'), ('%', 'NaN', 'NaN%'),
            ('.0%', '1.5', '150%'), ('F', '1.5', '1.5'), (' .2f', '2', ' 2.00'),
            ('.1f', '0.05', '0.0'), ('.4', '3.14159', '3.142'), ('n', '1234.5', '1234.5'),
        ]
        for spec, text, expected in cases:
            with self.subTest(spec=spec, text=text):
                self.assertEqual(format(D(text), spec), expected)
        self.assertEqual('{:.2f}'.format(D('3.14159')), '3.14')
        self.assertEqual(f"{D('2.5'):>6}", '   2.5')

    def test_format_n_with_conventions(self):
        # The second argument of __format__ overrides the locale conventions.
        european = {'decimal_point': ',', 'thousands_sep': '.', 'grouping': '\3\3'}
        indian = {'decimal_point': '.', 'thousands_sep': ',', 'grouping': '\3\2'}
        D = Decimal
        self.assertEqual(D('1234567.5').__format__('n', european), '1.234.567,5')
        self.assertEqual(D('1234567.5').__format__('n', indian), '12,34,567.5')
        self.assertEqual(D('1234567.5').__format__('.3n', european), '1,23e+6')
        self.assertEqual(D('12').__format__('015n', european), '000.000.000.012')
        self.assertEqual(D('0.00012345').__format__('015n', indian), '00,000.00012345')
        self.assertEqual(D('-1E+7').__format__('015n', european), '-000.000.001e+7')

    def test_format_rounding_follows_context(self):
        getcontext().rounding = ROUND_UP
        self.assertEqual(format(Decimal('0.121'), '.2f'), '0.13')

    def test_bad_format(self):
        for spec in ['_', '_f', 'x<05', 'd', '.f', '1.2.3', 's', ',n']:
            with self.subTest(spec=spec):
                self.assertRaises(ValueError, format, Decimal(1), spec)


class ContextTests(DecimalTestCase):
    def test_default_context(self):
        context = Context()
        self.assertEqual(context.prec, 28)
        self.assertEqual(context.rounding, ROUND_HALF_EVEN)
        self.assertEqual((context.Emin, context.Emax), (-999999, 999999))
        self.assertEqual(repr(DefaultContext),
                         'Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, '
                         'Emax=999999, capitals=1, clamp=0, flags=[], '
                         'traps=[InvalidOperation, DivisionByZero, Overflow])')
        self.assertEqual(BasicContext.prec, 9)
        self.assertTrue(BasicContext.traps[Underflow])
        self.assertFalse(any(ExtendedContext.traps.values()))
        self.assertEqual(context.Etiny(), -1000026)
        self.assertEqual(context.Etop(), 999972)

    def test_validation(self):
        context = Context()
        self.assertRaises(ValueError, setattr, context, 'prec', 0)
        self.assertRaises(TypeError, setattr, context, 'prec', '5')
        self.assertRaises(TypeError, setattr, context, 'rounding', 'ROUND_SIDEWAYS')
        self.assertRaises(ValueError, setattr, context, 'Emin', 1)
        self.assertRaises(ValueError, setattr, context, 'Emax', -1)
        self.assertRaises(ValueError, setattr, context, 'capitals', 2)
        self.assertRaises(ValueError, setattr, context, 'clamp', -1)
        self.assertRaises(AttributeError, setattr, context, 'precision', 5)
        self.assertRaises(KeyError, context.traps.__setitem__, 'x', True)
        self.assertRaises(ValueError, Context, prec=-1)
        self.assertRaises(TypeError, setattr, context, 'traps', [Inexact])
        context.traps = dict.fromkeys(context.traps, False)
        self.assertFalse(context.traps[InvalidOperation])
        context = Context(traps=[Inexact])
        self.assertTrue(context.traps[Inexact])

    def test_traps_raise(self):
        context = Context(traps=[Inexact])
        with self.assertRaises(Inexact):
            context.divide(Decimal(1), Decimal(3))
        self.assertTrue(context.flags[Inexact])
        context.clear_traps()
        self.assertEqual(str(context.divide(Decimal(1), 8)), '0.125')

    def test_exception_hierarchy(self):
        self.assertTrue(issubclass(DecimalException, ArithmeticError))
        self.assertTrue(issubclass(DivisionByZero, ZeroDivisionError))
        self.assertTrue(issubclass(DivisionUndefined, ZeroDivisionError))
        self.assertTrue(issubclass(DivisionUndefined, InvalidOperation))
        self.assertTrue(issubclass(DivisionImpossible, InvalidOperation))
        self.assertTrue(issubclass(ConversionSyntax, InvalidOperation))
        self.assertTrue(issubclass(Overflow, Inexact))
        self.assertTrue(issubclass(Overflow, Rounded))
        self.assertTrue(issubclass(Underflow, Subnormal))
        self.assertTrue(issubclass(FloatOperation, TypeError))
        self.assertTrue(issubclass(Clamped, DecimalException))

    def test_localcontext(self):
        before = getcontext()
        with localcontext() as ctx:
            self.assertIsNot(ctx, before)
            ctx.prec = 4
            self.assertEqual(str(Decimal(2).sqrt()), '1.414')
        self.assertIs(getcontext(), before)
        with localcontext(prec=6, rounding=ROUND_DOWN) as ctx:
            self.assertEqual(str(Decimal(2) / 3), '0.666666')
        self.assertRaises(TypeError, localcontext, precision=3)
        self.assertRaises(ValueError, localcontext, prec=0)
        with localcontext(Context(prec=3)):
            self.assertEqual(getcontext().prec, 3)

    def test_setcontext_copies_templates(self):
        setcontext(BasicContext)
        self.assertIsNot(getcontext(), BasicContext)
        self.assertEqual(getcontext().prec, 9)

    def test_context_methods(self):
        context = Context(prec=4)
        D = Decimal
        self.assertEqual(str(context.add(1, D('0.00001'))), '1.000')
        self.assertEqual(str(context.subtract(D(1), 3)), '-2')
        self.assertEqual(str(context.power(D(2), 20)), '1.049E+6')
        self.assertEqual(str(context.sqrt(D(10))), '3.162')
        self.assertEqual(str(context.to_sci_string(D('1E+3'))), '1E+3')
        self.assertEqual(str(context.divide_int(D(17), 5)), '3')
        self.assertEqual(str(context.remainder(D(17), 5)), '2')
        self.assertEqual(context.divmod(D(17), 5), (D(3), D(2)))
        self.assertEqual(str(context.abs(D(-5))), '5')
        self.assertEqual(str(context.minus(D(5))), '-5')
        self.assertEqual(str(context.quantize(D('1.2345'), D('0.01'))), '1.23')
        self.assertEqual(str(context.copy_decimal(D('1.5'))), '1.5')
        self.assertEqual(context.radix(), 10)
        self.assertTrue(context.is_zero(D(0)))
        self.assertRaises(TypeError, context.add, D(1), 1.5)
        copied = context.copy()
        copied.prec = 10
        self.assertEqual(context.prec, 4)

    def test_context_per_thread(self):
        getcontext().prec = 7
        seen = []

        def worker():
            seen.append(getcontext().prec)
            getcontext().prec = 3
            seen.append(str(Decimal(1) / 3))

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        self.assertEqual(seen, [28, '0.333'])
        self.assertEqual(getcontext().prec, 7)

    def test_threads_use_their_own_contexts(self):
        # Each thread computes with its own precision at the same time.
        results = {}
        errors = []

        def worker(prec):
            try:
                getcontext().prec = prec
                for _ in range(30):
                    value = Decimal(1) / Decimal(7)
                    if len(value.as_tuple().digits) != prec:
                        errors.append((prec, str(value)))
                results[prec] = str(Decimal(2).sqrt())
            except Exception as exc:  # report in the main thread
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(p,)) for p in range(5, 13)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(results[5], '1.4142')
        self.assertEqual(results[12], '1.41421356237')
        self.assertEqual(getcontext().prec, 28)

    def test_module_constants(self):
        self.assertEqual(decimal.MAX_PREC, 999999999999999999)
        self.assertEqual(decimal.MAX_EMAX, 999999999999999999)
        self.assertEqual(decimal.MIN_EMIN, -999999999999999999)
        self.assertEqual(decimal.MIN_ETINY, decimal.MIN_EMIN - (decimal.MAX_PREC - 1))
        self.assertTrue(decimal.HAVE_THREADS)


if __name__ == "__main__":
    unittest.main()
