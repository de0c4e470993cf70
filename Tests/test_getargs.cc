// GoogleTest tests of the object model's C API: argument parsing (Python/getargs.c), value
// building (Python/modsupport.c), heap types from specs (Objects/typeobject.c), struct
// sequences and capsules.
#include <gtest/gtest.h>

#include <string>

extern "C" {
#include "Python.h"
#include "pycore_modsupport.h"
}

namespace {

class ObjectModelTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
    }
    void TearDown() override { PyErr_Clear(); }
};

// The str() of the current exception, which is cleared.
std::string TakeErrorMessage()
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == nullptr) {
        return "";
    }
    PyObject *s = PyObject_Str(exc);
    Py_DECREF(exc);
    std::string result = s ? PyUnicode_AsUTF8(s) : "";
    Py_XDECREF(s);
    return result;
}

TEST_F(ObjectModelTest, BuildValueScalarsAndContainers)
{
    PyObject *v = Py_BuildValue("(iis)", 1, 2, "three");
    ASSERT_NE(v, nullptr);
    ASSERT_TRUE(PyTuple_Check(v));
    EXPECT_EQ(PyTuple_GET_SIZE(v), 3);
    EXPECT_EQ(PyLong_AsLong(PyTuple_GET_ITEM(v, 1)), 2);
    Py_DECREF(v);

    v = Py_BuildValue("[i,{s:i}]", 7, "k", 8);
    ASSERT_NE(v, nullptr);
    ASSERT_TRUE(PyList_Check(v));
    PyObject *d = PyList_GET_ITEM(v, 1);
    ASSERT_TRUE(PyDict_Check(d));
    EXPECT_EQ(PyLong_AsLong(PyDict_GetItemString(d, "k")), 8);
    Py_DECREF(v);

    v = Py_BuildValue("");
    EXPECT_EQ(v, Py_None);
    Py_DECREF(v);

    v = Py_BuildValue("i", 5);
    ASSERT_TRUE(PyLong_Check(v));
    Py_DECREF(v);
}

TEST_F(ObjectModelTest, BuildValueStealsN)
{
    PyObject *item = PyLong_FromLong(123456789);
    Py_ssize_t before = Py_REFCNT(item);
    Py_INCREF(item);  // the reference N steals
    PyObject *v = Py_BuildValue("(N)", item);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(Py_REFCNT(item), before + 1);
    Py_DECREF(v);
    EXPECT_EQ(Py_REFCNT(item), before);
    Py_DECREF(item);
}

TEST_F(ObjectModelTest, ParseTupleUnits)
{
    PyObject *args = Py_BuildValue("(isdO)", 42, "hello", 2.5, Py_None);
    int i = 0;
    const char *s = nullptr;
    double d = 0;
    PyObject *o = nullptr;
    ASSERT_TRUE(PyArg_ParseTuple(args, "isdO:f", &i, &s, &d, &o));
    EXPECT_EQ(i, 42);
    EXPECT_STREQ(s, "hello");
    EXPECT_DOUBLE_EQ(d, 2.5);
    EXPECT_EQ(o, Py_None);
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, ParseTupleCountErrors)
{
    PyObject *args = Py_BuildValue("(iii)", 1, 2, 3);
    int a, b;
    EXPECT_FALSE(PyArg_ParseTuple(args, "i|i:f", &a, &b));
    EXPECT_EQ(TakeErrorMessage(), "f() takes at most 2 arguments (3 given)");
    Py_DECREF(args);

    args = PyTuple_New(0);
    EXPECT_FALSE(PyArg_ParseTuple(args, "ii:g", &a, &b));
    EXPECT_EQ(TakeErrorMessage(), "g() takes exactly 2 arguments (0 given)");
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, ParseTupleTypeError)
{
    PyObject *args = Py_BuildValue("(i)", 5);
    const char *s;
    EXPECT_FALSE(PyArg_ParseTuple(args, "s:f", &s));
    EXPECT_EQ(TakeErrorMessage(), "f() argument 1 must be str, not int");
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, ParseTupleIntOverflow)
{
    PyObject *args = Py_BuildValue("(L)", (long long)1 << 40);
    int i;
    EXPECT_FALSE(PyArg_ParseTuple(args, "i", &i));
    EXPECT_EQ(TakeErrorMessage(), "signed integer is greater than maximum");
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, ParseTupleNestedAndConverter)
{
    PyObject *args = Py_BuildValue("((ii)O)", 3, 4, Py_True);
    int x = 0, y = 0, flag = 0;
    ASSERT_TRUE(PyArg_ParseTuple(args, "(ii)p", &x, &y, &flag));
    EXPECT_EQ(x, 3);
    EXPECT_EQ(y, 4);
    EXPECT_EQ(flag, 1);
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, ParseTupleAndKeywords)
{
    static const char *kwlist[] = {"a", "b", "c", nullptr};
    PyObject *args = Py_BuildValue("(i)", 1);
    PyObject *kwargs = Py_BuildValue("{s:i}", "c", 3);
    int a = 0, b = 20, c = 0;
    ASSERT_TRUE(PyArg_ParseTupleAndKeywords(args, kwargs, "i|ii:f", (char **)kwlist, &a, &b,
                                            &c));
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 20);
    EXPECT_EQ(c, 3);
    Py_DECREF(kwargs);

    kwargs = Py_BuildValue("{s:i}", "zz", 3);
    EXPECT_FALSE(PyArg_ParseTupleAndKeywords(args, kwargs, "i|ii:f", (char **)kwlist, &a, &b,
                                             &c));
    EXPECT_EQ(TakeErrorMessage(), "f() got an unexpected keyword argument 'zz'");  // 3.13
    Py_DECREF(kwargs);
    Py_DECREF(args);

    args = PyTuple_New(0);
    EXPECT_FALSE(PyArg_ParseTupleAndKeywords(args, nullptr, "i|ii:f", (char **)kwlist, &a, &b,
                                             &c));
    EXPECT_EQ(TakeErrorMessage(), "f() missing required argument 'a' (pos 1)");
    Py_DECREF(args);
}

// The core (Argument Clinic style) variant checks the keyword names before converting any
// argument: an unknown keyword or a missing required argument wins over a conversion error.
TEST_F(ObjectModelTest, ParseTupleAndKeywordsCoreChecksKeywordsFirst)
{
    static const char *kwlist[] = {"a", "b", nullptr};
    int a = 0, b = 0;
    const char *text_ptr = nullptr;
    PyObject *args = Py_BuildValue("(s)", "not an int");
    PyObject *kwargs = Py_BuildValue("{s:i}", "bogus", 1);
    EXPECT_FALSE(_PyArg_ParseTupleAndKeywords_Core(args, kwargs, "i|i:f", (char **)kwlist, &a,
                                                   &b));
    EXPECT_EQ(TakeErrorMessage(), "f() got an unexpected keyword argument 'bogus'");
    Py_DECREF(kwargs);

    kwargs = Py_BuildValue("{s:i}", "a", 1);
    EXPECT_FALSE(_PyArg_ParseTupleAndKeywords_Core(args, kwargs, "i|i:f", (char **)kwlist, &a,
                                                   &b));
    EXPECT_EQ(TakeErrorMessage(), "argument for f() given by name ('a') and position (1)");
    Py_DECREF(kwargs);
    Py_DECREF(args);

    static const char *named[] = {"", "encoding", nullptr};
    args = Py_BuildValue("(i)", 1);
    kwargs = Py_BuildValue("{s:s}", "encodin", "utf-8");
    EXPECT_FALSE(_PyArg_ParseTupleAndKeywords_Core(args, kwargs, "i|s:f", (char **)named, &a,
                                                   &text_ptr));
    EXPECT_EQ(TakeErrorMessage(),
              "f() got an unexpected keyword argument 'encodin'. Did you mean 'encoding'?");
    Py_DECREF(kwargs);
    Py_DECREF(args);

    // A parameter that is not positional-only is named even when passed by position.
    args = Py_BuildValue("(ii)", 1, 2);
    PyObject *text = nullptr;
    EXPECT_FALSE(_PyArg_ParseTupleAndKeywords_Core(args, nullptr, "i|U:f", (char **)kwlist, &a,
                                                   &text));
    EXPECT_EQ(TakeErrorMessage(), "f() argument 'b' must be str, not int");
    Py_DECREF(args);

    args = PyTuple_New(0);
    kwargs = Py_BuildValue("{s:s,s:i}", "b", "not an int", "zz", 1);
    EXPECT_FALSE(_PyArg_ParseTupleAndKeywords_Core(args, kwargs, "ii:f", (char **)kwlist, &a,
                                                   &b));
    EXPECT_EQ(TakeErrorMessage(), "f() missing required argument 'a' (pos 1)");
    Py_DECREF(kwargs);
    Py_DECREF(args);
}

TEST_F(ObjectModelTest, UnpackKeywordsFastcall)
{
    static const char *const kwlist[] = {"", "key", "reverse", nullptr};
    static _PyArg_Parser parser = {nullptr, kwlist, "sort"};
    PyObject *one = PyLong_FromLong(1);
    PyObject *two = PyLong_FromLong(2);
    PyObject *stack[2] = {one, two};
    PyObject *kwnames = Py_BuildValue("(s)", "reverse");
    PyObject *buf[3];
    PyObject *const *res = _PyArg_UnpackKeywords(stack, 1, nullptr, kwnames, &parser, 1, 1, 0,
                                                 buf);
    ASSERT_NE(res, nullptr);
    EXPECT_EQ(res[0], one);
    EXPECT_EQ(res[1], nullptr);
    EXPECT_EQ(res[2], two);

    res = _PyArg_UnpackKeywords(stack, 2, nullptr, nullptr, &parser, 1, 1, 0, buf);
    EXPECT_EQ(res, nullptr);
    EXPECT_EQ(TakeErrorMessage(), "sort() takes exactly 1 positional argument (2 given)");

    EXPECT_FALSE(_PyArg_CheckPositional("f", 3, 1, 2));
    EXPECT_EQ(TakeErrorMessage(), "f expected at most 2 arguments, got 3");
    Py_DECREF(kwnames);
    Py_DECREF(one);
    Py_DECREF(two);
}

// CPython's order of checks: too many arguments in all, then a missing required argument,
// then a keyword that matches no parameter (or repeats a positional one).
TEST_F(ObjectModelTest, UnpackKeywordsErrorOrder)
{
    static const char *const kwlist[] = {"number", "ndigits", nullptr};
    static _PyArg_Parser parser = {nullptr, kwlist, "round"};
    PyObject *one = PyLong_FromLong(1);
    PyObject *stack[3] = {one, one, one};
    PyObject *buf[2];

    PyObject *kwnames = Py_BuildValue("(s)", "x");
    EXPECT_EQ(_PyArg_UnpackKeywords(stack, 0, nullptr, kwnames, &parser, 1, 2, 0, buf),
              nullptr);
    EXPECT_EQ(TakeErrorMessage(), "round() missing required argument 'number' (pos 1)");
    EXPECT_EQ(_PyArg_UnpackKeywords(stack, 1, nullptr, kwnames, &parser, 1, 2, 0, buf),
              nullptr);
    EXPECT_EQ(TakeErrorMessage(), "round() got an unexpected keyword argument 'x'");
    Py_DECREF(kwnames);

    // A keyword close to a parameter name gets CPython 3.13's suggestion.
    kwnames = Py_BuildValue("(s)", "ndigit");
    EXPECT_EQ(_PyArg_UnpackKeywords(stack, 1, nullptr, kwnames, &parser, 1, 2, 0, buf),
              nullptr);
    EXPECT_EQ(TakeErrorMessage(),
              "round() got an unexpected keyword argument 'ndigit'. Did you mean 'ndigits'?");
    Py_DECREF(kwnames);

    kwnames = Py_BuildValue("(sss)", "number", "ndigits", "x");
    EXPECT_EQ(_PyArg_UnpackKeywords(stack, 0, nullptr, kwnames, &parser, 1, 2, 0, buf),
              nullptr);
    EXPECT_EQ(TakeErrorMessage(), "round() takes at most 2 keyword arguments (3 given)");
    Py_DECREF(kwnames);

    kwnames = Py_BuildValue("(s)", "number");
    EXPECT_EQ(_PyArg_UnpackKeywords(stack, 1, nullptr, kwnames, &parser, 1, 2, 0, buf),
              nullptr);
    EXPECT_EQ(TakeErrorMessage(),
              "argument for round() given by name ('number') and position (1)");
    Py_DECREF(kwnames);
    Py_DECREF(one);
}

struct Point {
    PyObject_HEAD
    long x;
};

PyObject *PointGetX(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(reinterpret_cast<Point *>(self)->x);
}

TEST_F(ObjectModelTest, TypeFromSpec)
{
    static PyMemberDef members[] = {
        {"x", Py_T_LONG, offsetof(Point, x), 0, nullptr},
        {nullptr, 0, 0, 0, nullptr},
    };
    static PyMethodDef methods[] = {
        {"getx", PointGetX, METH_NOARGS, nullptr},
        {nullptr, nullptr, 0, nullptr},
    };
    static PyType_Slot slots[] = {
        {Py_tp_members, members},
        {Py_tp_methods, methods},
        {Py_tp_doc, (void *)"A point."},
        {0, nullptr},
    };
    static PyType_Spec spec = {"testmod.Point", sizeof(Point), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
    PyObject *type = PyType_FromSpec(&spec);
    ASSERT_NE(type, nullptr);
    PyObject *name = PyObject_GetAttrString(type, "__name__");
    EXPECT_STREQ(PyUnicode_AsUTF8(name), "Point");
    Py_DECREF(name);
    PyObject *module = PyObject_GetAttrString(type, "__module__");
    EXPECT_STREQ(PyUnicode_AsUTF8(module), "testmod");
    Py_DECREF(module);

    PyObject *obj = PyObject_CallNoArgs(type);
    ASSERT_NE(obj, nullptr);
    PyObject *seven = PyLong_FromLong(7);
    ASSERT_EQ(PyObject_SetAttrString(obj, "x", seven), 0);
    Py_DECREF(seven);
    PyObject *x = PyObject_CallMethod(obj, "getx", nullptr);
    ASSERT_NE(x, nullptr);
    EXPECT_EQ(PyLong_AsLong(x), 7);
    Py_DECREF(x);
    EXPECT_EQ(PyType_GetSlot(reinterpret_cast<PyTypeObject *>(type), Py_tp_methods),
              (void *)methods);
    Py_DECREF(obj);
    Py_DECREF(type);
}

TEST_F(ObjectModelTest, StructSequence)
{
    static PyStructSequence_Field fields[] = {
        {"a", nullptr},
        {"b", nullptr},
        {"hidden", nullptr},
        {nullptr, nullptr},
    };
    static PyStructSequence_Desc desc = {"test.pair", nullptr, fields, 2};
    PyTypeObject *type = PyStructSequence_NewType(&desc);
    ASSERT_NE(type, nullptr);
    PyObject *obj = PyStructSequence_New(type);
    ASSERT_NE(obj, nullptr);
    PyStructSequence_SetItem(obj, 0, PyLong_FromLong(1));
    PyStructSequence_SetItem(obj, 1, PyLong_FromLong(2));
    PyStructSequence_SetItem(obj, 2, PyLong_FromLong(3));
    EXPECT_EQ(PyObject_Length(obj), 2);
    PyObject *hidden = PyObject_GetAttrString(obj, "hidden");
    ASSERT_NE(hidden, nullptr);
    EXPECT_EQ(PyLong_AsLong(hidden), 3);
    Py_DECREF(hidden);
    PyObject *r = PyObject_Repr(obj);
    ASSERT_NE(r, nullptr);
    EXPECT_STREQ(PyUnicode_AsUTF8(r), "test.pair(a=1, b=2)");
    Py_DECREF(r);
    Py_DECREF(obj);
    Py_DECREF(type);
}

int destructor_calls = 0;

void CountingDestructor(PyObject *capsule)
{
    (void)capsule;
    destructor_calls++;
}

TEST_F(ObjectModelTest, Capsule)
{
    static int payload = 5;
    PyObject *cap = PyCapsule_New(&payload, "test.cap", CountingDestructor);
    ASSERT_NE(cap, nullptr);
    EXPECT_TRUE(PyCapsule_IsValid(cap, "test.cap"));
    EXPECT_FALSE(PyCapsule_IsValid(cap, "other"));
    EXPECT_EQ(PyCapsule_GetPointer(cap, "test.cap"), &payload);
    EXPECT_EQ(PyCapsule_GetPointer(cap, "wrong"), nullptr);
    EXPECT_EQ(TakeErrorMessage(), "PyCapsule_GetPointer called with incorrect name");
    Py_DECREF(cap);
    EXPECT_EQ(destructor_calls, 1);
}

TEST_F(ObjectModelTest, ErrorIndicator)
{
    EXPECT_EQ(PyErr_Occurred(), nullptr);
    PyErr_SetString(PyExc_ValueError, "bad");
    EXPECT_EQ(PyErr_Occurred(), PyExc_ValueError);
    EXPECT_TRUE(PyErr_ExceptionMatches(PyExc_Exception));
    EXPECT_FALSE(PyErr_ExceptionMatches(PyExc_TypeError));
    PyObject *exc = PyErr_GetRaisedException();
    EXPECT_EQ(PyErr_Occurred(), nullptr);
    EXPECT_TRUE(PyErr_GivenExceptionMatches(exc, PyExc_ValueError));
    PyErr_SetRaisedException(exc);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    EXPECT_EQ(type, PyExc_ValueError);
    PyErr_Restore(type, value, tb);
    EXPECT_EQ(TakeErrorMessage(), "bad");

    PyErr_Format(PyExc_TypeError, "%s-%d", "x", 3);
    EXPECT_EQ(TakeErrorMessage(), "x-3");

    PyObject *cls = PyErr_NewException("mymod.MyError", nullptr, nullptr);
    ASSERT_NE(cls, nullptr);
    EXPECT_TRUE(PyObject_IsSubclass(cls, PyExc_Exception));
    PyObject *mod = PyObject_GetAttrString(cls, "__module__");
    EXPECT_STREQ(PyUnicode_AsUTF8(mod), "mymod");
    Py_DECREF(mod);
    Py_DECREF(cls);
}

}  // namespace
