// C-level tests of str and bytes that need no interpreter (Objects/unicodeobject.c,
// Objects/unicode_codecs.c, Objects/unicodectype.c, Objects/bytesobject.c, Python/pyhash.c):
// the PEP 393 representation, UTF-8, PyUnicode_FromFormat, the writer, interning, repr and
// SipHash-1-3 against CPython's values for PYTHONHASHSEED=0.  Only success paths are tested
// here, because raising needs a thread state.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

extern "C" {
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_pylifecycle.h"
#include "pycore_bytesobject.h"
}

namespace {

std::string Utf8(PyObject *s)
{
    Py_ssize_t n = 0;
    const char *p = PyUnicode_AsUTF8AndSize(s, &n);
    return p ? std::string(p, (size_t)n) : std::string("<null>");
}

class UnicodeTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        // Other suites in this binary may have initialised the secret already (randomly):
        // start again from PYTHONHASHSEED=0.
        setenv("PYTHONHASHSEED", "0", 1);
        _Py_HashSecret_Initialized = 0;
        _Py_HashRandomization_Init();
    }
};

TEST_F(UnicodeTest, KindIsNarrowest)
{
    PyObject *a = PyUnicode_FromString("abc");
    PyObject *l = PyUnicode_FromString("h\xc3\xa9");
    PyObject *b = PyUnicode_FromString("\xe2\x82\xac");
    PyObject *c = PyUnicode_FromString("\xf0\x9f\x98\x80");
    EXPECT_EQ(PyUnicode_KIND(a), PyUnicode_1BYTE_KIND);
    EXPECT_TRUE(PyUnicode_IS_ASCII(a));
    EXPECT_EQ(PyUnicode_KIND(l), PyUnicode_1BYTE_KIND);
    EXPECT_FALSE(PyUnicode_IS_ASCII(l));
    EXPECT_EQ(PyUnicode_KIND(b), PyUnicode_2BYTE_KIND);
    EXPECT_EQ(PyUnicode_KIND(c), PyUnicode_4BYTE_KIND);
    EXPECT_EQ(PyUnicode_GET_LENGTH(c), 1);
    EXPECT_EQ(PyUnicode_READ_CHAR(c, 0), 0x1f600u);
    PyObject *sub = PyUnicode_Substring(PyUnicode_Concat(b, a), 1, 4);
    EXPECT_EQ(PyUnicode_KIND(sub), PyUnicode_1BYTE_KIND);
    EXPECT_TRUE(PyUnicode_IS_ASCII(sub));
    EXPECT_EQ(Utf8(sub), "abc");
}

TEST_F(UnicodeTest, HashMatchesCPythonSeed0)
{
    // Values printed by CPython 3.13 with PYTHONHASHSEED=0.
    PyObject *s = PyUnicode_FromString("hello");
    EXPECT_EQ(PyObject_Hash(s), (Py_hash_t)-2096571579003691106LL);
    EXPECT_EQ(_Py_HashBytes("hello", 5), (Py_hash_t)-2096571579003691106LL);
    PyObject *e = PyUnicode_FromString("h\xc3\xa9llo");
    EXPECT_EQ(PyObject_Hash(e), (Py_hash_t)6395329678795984700LL);
    EXPECT_EQ(_Py_HashBytes("", 0), 0);
}

TEST_F(UnicodeTest, SingletonsAndInterning)
{
    EXPECT_EQ(PyUnicode_FromString(""), _PyUnicode_GetEmpty());
    EXPECT_EQ(PyUnicode_FromString("a"), PyUnicode_FromOrdinal('a'));
    PyObject *x = PyUnicode_FromString("braid_interned");
    PyObject *y = PyUnicode_FromString("braid_interned");
    EXPECT_NE(x, y);
    PyUnicode_InternInPlace(&x);
    PyUnicode_InternInPlace(&y);
    EXPECT_EQ(x, y);
    EXPECT_TRUE(_Py_IsImmortal(x));
    EXPECT_EQ(_Py_ID(__init__), PyUnicode_InternFromString("__init__"));
}

TEST_F(UnicodeTest, FromFormat)
{
    PyObject *u = PyUnicode_FromString("h\xc3\xa9");
    PyObject *s = PyUnicode_FromFormat("%s|%d|%5d|%-5d|%05d|%x|%zd|%c|%U|%.3s", "ab", -12, 42,
                                       42, 42, 255, (Py_ssize_t)-7, 0x20ac, u, "abcdef");
    EXPECT_EQ(Utf8(s), "ab|-12|   42|42   |00042|ff|-7|\xe2\x82\xac|h\xc3\xa9|abc");
    EXPECT_EQ(Utf8(PyUnicode_FromFormat("%%|%lu|%lld|%V", 7UL, -5LL, NULL, "x")), "%|7|-5|x");
    EXPECT_EQ(Utf8(PyUnicode_FromFormat("%R", u)), "'h\xc3\xa9'");
    EXPECT_EQ(Utf8(PyUnicode_FromFormat("%ls|%.2ls", L"w\u20ac", L"abc")), "w\xe2\x82\xac|ab");
}

TEST_F(UnicodeTest, Repr)
{
    PyObject *s = PyUnicode_FromString("a'b\n\t\x01\x7f\xc2\x80\xc2\xa0\xe2\x80\xa8\xc3\xa9");
    EXPECT_EQ(Utf8(_PyUnicode_Repr(s)), "\"a'b\\n\\t\\x01\\x7f\\x80\\xa0\\u2028\xc3\xa9\"");
    EXPECT_EQ(Utf8(_PyUnicode_Repr(PyUnicode_FromString("it's \"x\""))), "'it\\'s \"x\"'");
}

TEST_F(UnicodeTest, Writer)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    ASSERT_EQ(_PyUnicodeWriter_WriteASCIIString(&w, "abc", 3), 0);
    ASSERT_EQ(_PyUnicodeWriter_WriteChar(&w, 0xe9), 0);
    ASSERT_EQ(_PyUnicodeWriter_WriteStr(&w, PyUnicode_FromString("\xe2\x82\xac")), 0);
    ASSERT_EQ(_PyUnicodeWriter_WriteSubstring(&w, PyUnicode_FromString("xyz"), 1, 3), 0);
    PyObject *r = _PyUnicodeWriter_Finish(&w);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(Utf8(r), "abc\xc3\xa9\xe2\x82\xacyz");
    EXPECT_EQ(PyUnicode_KIND(r), PyUnicode_2BYTE_KIND);

    _PyUnicodeWriter_Init(&w);
    ASSERT_EQ(_PyUnicodeWriter_WriteChar(&w, 0x10000), 0);
    w.pos = 0;
    ASSERT_EQ(_PyUnicodeWriter_WriteASCIIString(&w, "ok", 2), 0);
    r = _PyUnicodeWriter_Finish(&w);
    EXPECT_EQ(Utf8(r), "ok");
    EXPECT_TRUE(PyUnicode_IS_ASCII(r));
}

TEST_F(UnicodeTest, Utf8Codec)
{
    PyObject *s = PyUnicode_DecodeUTF8("a\xff" "b", 3, "replace");
    EXPECT_EQ(Utf8(s), "a\xef\xbf\xbd" "b");
    PyObject *esc = PyUnicode_DecodeUTF8("a\xff", 2, "surrogateescape");
    EXPECT_EQ(PyUnicode_READ_CHAR(esc, 1), 0xdcffu);
    PyObject *back = PyUnicode_EncodeFSDefault(esc);
    EXPECT_EQ(std::string(PyBytes_AS_STRING(back), (size_t)PyBytes_GET_SIZE(back)), "a\xff");
    Py_ssize_t consumed = -1;
    PyObject *part = PyUnicode_DecodeUTF8Stateful("a\xe2\x82", 3, NULL, &consumed);
    EXPECT_EQ(Utf8(part), "a");
    EXPECT_EQ(consumed, 1);
}

TEST_F(UnicodeTest, CharacterDatabase)
{
    EXPECT_TRUE(_PyUnicode_IsAlpha(0xe9));
    EXPECT_EQ(_PyUnicode_ToDecimalDigit(0x663), 3);
    EXPECT_TRUE(Py_UNICODE_ISSPACE(0x2003));
    EXPECT_FALSE(_PyUnicode_IsPrintable(0xa0));
    EXPECT_DOUBLE_EQ(_PyUnicode_ToNumeric(0xbd), 0.5);
    Py_UCS4 buf[3];
    ASSERT_EQ(_PyUnicode_ToUpperFull(0xdf, buf), 2);
    EXPECT_EQ(buf[0], (Py_UCS4)'S');
    EXPECT_EQ(buf[1], (Py_UCS4)'S');
    ASSERT_EQ(_PyUnicode_ToFoldedFull(0x13a0, buf), 1);
    EXPECT_EQ(buf[0], 0x13a0u);
}

TEST_F(UnicodeTest, Bytes)
{
    PyObject *b = PyBytes_FromStringAndSize("a'\"\x00\xff", 5);
    EXPECT_EQ(Utf8(PyBytes_Repr(b, 1)), "b'a\\'\"\\x00\\xff'");
    EXPECT_EQ(PyObject_Hash(PyBytes_FromString("hello")),
              PyObject_Hash(PyUnicode_FromString("hello")));
    EXPECT_EQ(Utf8(_Py_strhex_with_sep("\x01\x02\xff\x10", 4, PyUnicode_FromString(":"), 2)),
              "0102:ff10");
}

}  // namespace
