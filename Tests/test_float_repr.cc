// Shortest round-trip repr of doubles (Python/dtoa.c, Python/pystrtod.c): every finite double
// must format to a string that parses back to the same bits, with no shorter correctly rounded
// string that also round-trips, and known values must match CPython's text exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

extern "C" {
#include "Python.h"
}

namespace {

std::string Repr(double x, char code = 'r', int precision = 0, int flags = Py_DTSF_ADD_DOT_0)
{
    char *s = PyOS_double_to_string(x, code, precision, flags, nullptr);
    std::string out = s ? s : "<null>";
    PyMem_Free(s);
    return out;
}

double FromBits(uint64_t bits)
{
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

// Number of significant digits in a repr string (leading and trailing zeros excluded).
int SignificantDigits(const std::string &s)
{
    std::string digits;
    for (char c : s) {
        if (c == 'e') {
            break;
        }
        if (c >= '0' && c <= '9' && !(digits.empty() && c == '0')) {
            digits += c;
        }
    }
    while (!digits.empty() && digits.back() == '0') {
        digits.pop_back();
    }
    return (int)digits.size();
}

TEST(FloatRepr, KnownValues)
{
    EXPECT_EQ(Repr(0.0), "0.0");
    EXPECT_EQ(Repr(-0.0), "-0.0");
    EXPECT_EQ(Repr(1.0), "1.0");
    EXPECT_EQ(Repr(0.1), "0.1");
    EXPECT_EQ(Repr(1e16), "1e+16");
    EXPECT_EQ(Repr(1e15), "1000000000000000.0");
    EXPECT_EQ(Repr(1e-5), "1e-05");
    EXPECT_EQ(Repr(1e-4), "0.0001");
    EXPECT_EQ(Repr(5e-324), "5e-324");
    EXPECT_EQ(Repr(1.7976931348623157e308), "1.7976931348623157e+308");
    EXPECT_EQ(Repr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(Repr(123456789012345678.0), "1.2345678901234568e+17");
    EXPECT_EQ(Repr(2.0 / 3.0), "0.6666666666666666");
    EXPECT_EQ(Repr(INFINITY), "inf");
    EXPECT_EQ(Repr(-INFINITY), "-inf");
    EXPECT_EQ(Repr(NAN), "nan");
    EXPECT_EQ(Repr(std::ldexp(1.0, 100)), "1.2676506002282294e+30");
    EXPECT_EQ(Repr(9007199254740993.0), "9007199254740992.0");
}

TEST(FloatRepr, GeneralFormat)
{
    EXPECT_EQ(Repr(123.0, 'g', 3), "1.23e+02");
    EXPECT_EQ(Repr(1.0, 'g', 3), "1.0");
    EXPECT_EQ(Repr(1.5, 'g', 0), "2e+00");
    EXPECT_EQ(Repr(123.0, 'g', 6, 0), "123");
    EXPECT_EQ(Repr(1e16, 'g', 6, 0), "1e+16");
    EXPECT_EQ(Repr(1.0, 'g', 6, Py_DTSF_ALT), "1.00000");
    EXPECT_EQ(Repr(2.5, 'f', 0, 0), "2");
    EXPECT_EQ(Repr(1.0, 'e', 6, 0), "1.000000e+00");
    EXPECT_EQ(Repr(1.0, 'E', 2, Py_DTSF_SIGN), "+1.00E+00");
    EXPECT_EQ(Repr(INFINITY, 'F', 2, 0), "INF");
}

TEST(FloatRepr, RandomBitsRoundTripShortest)
{
    std::mt19937_64 rng(20261122);
    const int count = 1000000;
    int checked = 0;
    for (int i = 0; i < count; i++) {
        double x = FromBits(rng());
        if (!std::isfinite(x)) {
            continue;
        }
        std::string s = Repr(x);
        double y = std::strtod(s.c_str(), nullptr);
        ASSERT_EQ(std::memcmp(&x, &y, sizeof x), 0) << s;
        // No correctly rounded string with one digit fewer may round-trip.
        int digits = SignificantDigits(s);
        if (digits > 1) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*e", digits - 2, x);
            ASSERT_NE(std::strtod(buf, nullptr), x) << s << " vs " << buf;
        }
        checked++;
    }
    EXPECT_GT(checked, count / 2);
}

TEST(FloatRepr, PowersOfTwoAndDecimalNeighbours)
{
    for (int e = -1074; e <= 1023; e++) {
        double x = std::ldexp(1.0, e);
        for (double v : {x, std::nextafter(x, 0.0), std::nextafter(x, INFINITY)}) {
            std::string s = Repr(v);
            ASSERT_EQ(std::strtod(s.c_str(), nullptr), v) << s;
        }
    }
    for (int e = -320; e <= 308; e++) {
        double x = std::strtod(("1e" + std::to_string(e)).c_str(), nullptr);
        std::string s = Repr(x);
        ASSERT_EQ(std::strtod(s.c_str(), nullptr), x) << s;
    }
}

TEST(FloatParse, StringToDouble)
{
    EXPECT_EQ(PyOS_string_to_double("1.5", nullptr, nullptr), 1.5);
    EXPECT_EQ(PyOS_string_to_double("-1e-400", nullptr, nullptr), -0.0);
    EXPECT_TRUE(std::isinf(PyOS_string_to_double("1e400", nullptr, nullptr)));
    EXPECT_TRUE(std::isinf(PyOS_string_to_double("-Infinity", nullptr, nullptr)));
    EXPECT_TRUE(std::isnan(PyOS_string_to_double("nan", nullptr, nullptr)));
    char *end;
    double x = PyOS_string_to_double("2.5xyz", &end, nullptr);
    EXPECT_EQ(x, 2.5);
    EXPECT_STREQ(end, "xyz");
    EXPECT_EQ(PyOS_string_to_double("0.1000000000000000055511151231257827", nullptr, nullptr),
              0.1);
}

}  // namespace
