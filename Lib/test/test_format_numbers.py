"""format() of numbers and strings with the format-spec mini-language."""

import unittest

INF = float("inf")
NAN = float("nan")


class FormatNumberTests(unittest.TestCase):

    def check(self, cases):
        for value, spec, expected in cases:
            with self.subTest(value=value, spec=spec):
                self.assertEqual(format(value, spec), expected)

    def test_int(self):
        self.check([
            (1234, "", "1234"), (1234, "d", "1234"), (1234, ",", "1,234"),
            (1234567, "_", "1_234_567"), (-1234, "010,", "-0,001,234"),
            (1234, "010,", "00,001,234"), (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"), (1234, "07,", "001,234"),
            (255, "#010x", "0x000000ff"), (255, "_b", "1111_1111"), (255, "#_x", "0xff"),
            (255, "X", "FF"), (255, "#X", "0XFF"), (8, "#o", "0o10"), (5, "b", "101"),
            (-5, "#b", "-0b101"), (65, "c", "A"), (0x20ac, "c", "\u20ac"),
            (5, "+d", "+5"), (5, " d", " 5"), (-5, "0=+8", "-0000005"),
            (5, "x<+8", "+5xxxxxx"), (3, "=08", "00000003"), (5, "^5", "  5  "),
            (5, "*>4", "***5"), (10, "f", "10.000000"), (10, "e", "1.000000e+01"),
            (10, "%", "1000.000000%"), (123456789, "n", "123456789"),
            (True, "", "True"), (True, "d", "1"), (2 ** 70, ",", "1,180,591,620,717,411,303,424"),
        ])

    def test_float(self):
        self.check([
            (1.5, "", "1.5"), (1e16, "", "1e+16"), (123.0, ".3", "1.23e+02"),
            (1.0, ".3", "1.0"), (1e16, ".17", "1e+16"), (0.0001234, ".2", "0.00012"),
            (1.5, ".0", "2e+00"), (2.5, ".0f", "2"), (1.0, "e", "1.000000e+00"),
            (1.5, "%", "150.000000%"), (12345.678, "n", "12345.7"), (1e16, "g", "1e+16"),
            (123.0, "g", "123"), (0.1, ".20", "0.10000000000000000555"), (1e22, "", "1e+22"),
            (1e22, "f", "10000000000000000000000.000000"), (1.0, "#g", "1.00000"),
            (1.0, "#.0f", "1."), (1.0, "#", "1.0"), (1.0, "#.3", "1.00"),
            (1234.5, "015,.2f", "0,000,001,234.50"), (-0.0, "z.1f", "0.0"),
            (-0.001, "z.1f", "0.0"), (-0.0, ".1f", "-0.0"), (1e300, ",", "1e+300"),
            (INF, "010", "0000000inf"), (-INF, "=+10", "-      inf"), (NAN, "010f", "0000000nan"),
            (INF, "F", "INF"), (NAN, "E", "NAN"), (1.5, "+", "+1.5"), (1.5, "E", "1.500000E+00"),
            (1234567.891, ",.2f", "1,234,567.89"), (1234567.891, "_.1f", "1_234_567.9"),
            (3.14159, "10.3f", "     3.142"), (3.14159, "<10.3f", "3.142     "),
            (3.14159, "^10.3f", "  3.142   "), (0.5, ".0%", "50%"),
            (1e-7, "g", "1e-07"), (123456789.0, ".12", "123456789.0"),
        ])

    def test_complex(self):
        self.check([
            (1 + 2j, "", "(1+2j)"), (1 + 2j, ".2f", "1.00+2.00j"), (2j, "", "2j"),
            (1 + 2j, ">20", "              (1+2j)"), (-1 - 2j, "g", "-1-2j"),
        ])

    def test_str(self):
        self.check([
            ("abc", "^9", "   abc   "), ("abcdef", ".2", "ab"), ("abc", "05", "abc00"),
            ("a", "\u00e9^5", "\u00e9\u00e9a\u00e9\u00e9"), ("abc", ">5", "  abc"),
            ("abc", "", "abc"), ("abc", "s", "abc"),
        ])

    def test_errors(self):
        cases = [
            (1, ".2", "Precision not allowed in integer format specifier"),
            (1, "z", "Negative zero coercion (z) not allowed in integer format specifier"),
            ("a", "+", "Sign not allowed in string format specifier"),
            ("a", "#", "Alternate form (#) not allowed in string format specifier"),
            ("a", "=", "'=' alignment not allowed in string format specifier"),
            ("a", ",", "Cannot specify ',' with 's'."),
            ("a", "d", "Unknown format code 'd' for object of type 'str'"),
            (1, "s", "Unknown format code 's' for object of type 'int'"),
            (1.0, "d", "Unknown format code 'd' for object of type 'float'"),
            (1, ",x", "Cannot specify ',' with 'x'."),
            (1, ",_", "Cannot specify both ',' and '_'."),
            (1, "_,", "Cannot specify both ',' and '_'."),
            (1, ".", "Format specifier missing precision"),
            (1, "xx", "Invalid format specifier 'xx' for object of type 'int'"),
            (1, "+c", "Sign not allowed with integer format specifier 'c'"),
            (1, "#c", "Alternate form (#) not allowed with integer format specifier 'c'"),
            (1j, "=10", "'=' alignment flag is not allowed in complex format specifier"),
            (1j, "010", "Zero padding is not allowed in complex format specifier"),
            (1, "1" * 30, "Too many decimal digits in format string"),
            (1.5, "n,", "Invalid format specifier 'n,' for object of type 'float'"),
        ]
        for value, spec, message in cases:
            with self.subTest(value=value, spec=spec):
                with self.assertRaises(ValueError) as cm:
                    format(value, spec)
                self.assertEqual(str(cm.exception), message)
        with self.assertRaises(OverflowError):
            format(-1, "c")


if __name__ == "__main__":
    unittest.main()
