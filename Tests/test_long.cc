// Arbitrary-precision ints (Objects/longobject.c): conversions and arithmetic identities on
// random big values, checked against GMP computed independently from the bytes.
#include <gtest/gtest.h>

#include <gmp.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_long.h"
}

namespace {

class LongTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
    }

    // A random int of up to maxbytes bytes, with its value also in z.
    PyObject *RandomLong(std::mt19937_64 &rng, size_t maxbytes, mpz_t z)
    {
        size_t n = 1 + rng() % maxbytes;
        std::vector<unsigned char> bytes(n);
        for (auto &b : bytes) {
            b = (unsigned char)rng();
        }
        mpz_import(z, n, 1, 1, 0, 0, bytes.data());
        bool negative = rng() & 1;
        if (negative) {
            mpz_neg(z, z);
        }
        PyObject *v = _PyLong_FromByteArray(bytes.data(), n, 0, 0);
        if (negative) {
            PyObject *neg = PyLong_Type.tp_as_number->nb_negative(v);
            Py_DECREF(v);
            v = neg;
        }
        return v;
    }

    // True when the int v equals z.
    bool Equal(PyObject *v, mpz_t z)
    {
        size_t n = (mpz_sizeinbase(z, 2) + 8) / 8 + 1;
        std::vector<unsigned char> expect(n), got(n);
        mpz_t t;
        mpz_init(t);
        if (mpz_sgn(z) < 0) {
            // two's complement in n bytes: 2**(8n) + z
            mpz_ui_pow_ui(t, 2, 8 * n);
            mpz_add(t, t, z);
        }
        else {
            mpz_set(t, z);
        }
        size_t count;
        std::vector<unsigned char> raw(n + 8);
        mpz_export(raw.data(), &count, -1, 1, 0, 0, t);
        for (size_t i = 0; i < n; i++) {
            expect[i] = i < count ? raw[i] : 0;
        }
        mpz_clear(t);
        if (_PyLong_AsByteArray((PyLongObject *)v, got.data(), n, 1, 1, 0) < 0) {
            return false;
        }
        return expect == got;
    }
};

TEST_F(LongTest, SmallIntsAreShared)
{
    PyObject *a = PyLong_FromLong(256);
    PyObject *b = PyLong_FromLong(256);
    EXPECT_EQ(a, b);
    EXPECT_EQ(PyLong_FromLong(0), _PyLong_GetZero());
    PyObject *c = PyLong_FromLong(257);
    PyObject *d = PyLong_FromLong(257);
    EXPECT_NE(c, d);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    Py_DECREF(d);
}

TEST_F(LongTest, CConversions)
{
    PyObject *v = PyLong_FromLongLong(LLONG_MIN);
    EXPECT_EQ(PyLong_AsLongLong(v), LLONG_MIN);
    Py_DECREF(v);
    v = PyLong_FromUnsignedLongLong(ULLONG_MAX);
    EXPECT_EQ(PyLong_AsUnsignedLongLong(v), ULLONG_MAX);
    int overflow;
    EXPECT_EQ(PyLong_AsLongAndOverflow(v, &overflow), -1);
    EXPECT_EQ(overflow, 1);
    EXPECT_EQ(PyLong_AsUnsignedLongMask(v), ULONG_MAX);
    Py_DECREF(v);
    v = PyLong_FromDouble(-1e20);
    EXPECT_EQ(PyLong_AsDouble(v), -1e20);
    Py_DECREF(v);
    v = PyLong_FromString("-123456789012345678901234567890", nullptr, 10);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(PyLong_AsDouble(v), -1.2345678901234568e29);
    Py_DECREF(v);
}

TEST_F(LongTest, NativeBytes)
{
    PyObject *v = PyLong_FromLong(-2);
    unsigned char buf[4];
    EXPECT_EQ(PyLong_AsNativeBytes(v, buf, 4, Py_ASNATIVEBYTES_LITTLE_ENDIAN), 1);
    EXPECT_EQ(buf[0], 0xfe);
    EXPECT_EQ(buf[3], 0xff);
    PyObject *w = PyLong_FromNativeBytes(buf, 4, Py_ASNATIVEBYTES_LITTLE_ENDIAN);
    EXPECT_EQ(PyLong_AsLong(w), -2);
    Py_DECREF(v);
    Py_DECREF(w);
}

TEST_F(LongTest, RandomArithmeticMatchesGmp)
{
    std::mt19937_64 rng(7);
    PyNumberMethods *nb = PyLong_Type.tp_as_number;
    mpz_t x, y, r, q;
    mpz_inits(x, y, r, q, nullptr);
    for (int i = 0; i < 2000; i++) {
        PyObject *a = RandomLong(rng, i % 3 == 0 ? 8 : 80, x);
        PyObject *b = RandomLong(rng, i % 2 == 0 ? 8 : 60, y);
        PyObject *res;

        res = nb->nb_add(a, b);
        mpz_add(r, x, y);
        EXPECT_TRUE(Equal(res, r));
        Py_DECREF(res);

        res = nb->nb_subtract(a, b);
        mpz_sub(r, x, y);
        EXPECT_TRUE(Equal(res, r));
        Py_DECREF(res);

        res = nb->nb_multiply(a, b);
        mpz_mul(r, x, y);
        EXPECT_TRUE(Equal(res, r));
        Py_DECREF(res);

        if (mpz_sgn(y) != 0) {
            res = nb->nb_floor_divide(a, b);
            mpz_fdiv_qr(q, r, x, y);
            EXPECT_TRUE(Equal(res, q));
            Py_DECREF(res);
            res = nb->nb_remainder(a, b);
            EXPECT_TRUE(Equal(res, r));
            Py_DECREF(res);
        }

        res = nb->nb_and(a, b);
        mpz_and(r, x, y);
        EXPECT_TRUE(Equal(res, r));
        Py_DECREF(res);

        res = nb->nb_xor(a, b);
        mpz_xor(r, x, y);
        EXPECT_TRUE(Equal(res, r));
        Py_DECREF(res);

        Py_DECREF(a);
        Py_DECREF(b);
    }
    mpz_clears(x, y, r, q, nullptr);
}

TEST_F(LongTest, DoubleConversionIsCorrectlyRounded)
{
    // 2**53 + 1 ties to even (2**53); 2**53 + 3 rounds up to 2**53 + 4.
    PyObject *v = PyLong_FromString("9007199254740993", nullptr, 10);
    EXPECT_EQ(PyLong_AsDouble(v), 9007199254740992.0);
    Py_DECREF(v);
    v = PyLong_FromString("9007199254740995", nullptr, 10);
    EXPECT_EQ(PyLong_AsDouble(v), 9007199254740996.0);
    Py_DECREF(v);
    PyObject *one = PyLong_FromLong(1);
    PyObject *big = _PyLong_Lshift(one, 1024);
    EXPECT_EQ(PyLong_AsDouble(big), -1.0);
    EXPECT_TRUE(PyErr_ExceptionMatches(PyExc_OverflowError));
    PyErr_Clear();
    Py_DECREF(big);
    Py_DECREF(one);
}

}  // namespace
